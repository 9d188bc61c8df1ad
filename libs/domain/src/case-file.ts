import { addDays, londonDateOf } from './calendar';
import type { CaseCategory, CaseStage, CaseType, ReportChannel, RiskLevel } from './case-classification';
import { type Deadline, nextPendingDeadline, plannedDeadline, resolveDeadline } from './deadline';
import type { LocalPolicy } from './policy/local-policy';

export interface CaseLocation {
  readonly address?: string;
  readonly ward?: string;
  readonly priorityNeighbourhood: boolean;
}

export interface OpenCaseCommand {
  readonly type: CaseType;
  readonly category: CaseCategory;
  readonly channel: ReportChannel;
  readonly summary: string;
  readonly riskLevel: RiskLevel;
  readonly team: string;
  readonly caseworker?: string;
  readonly location: CaseLocation;
  readonly openedBy: string;
}

export interface RecordReviewCommand {
  readonly summary: string;
  /** A re-assessment made at the review; absent when the risk is unchanged. */
  readonly riskLevel?: RiskLevel;
  readonly reviewedBy: string;
}

/** The state of one case as its workflow holds it: everything needed to carry on after a restart. */
export interface CaseFile {
  readonly reference: string;
  readonly policyVersionId: string;
  /** Goes up by one with every change; the API's ETag. */
  readonly version: number;
  readonly stage: CaseStage;
  readonly type: CaseType;
  readonly category: CaseCategory;
  readonly channel: ReportChannel;
  readonly summary: string;
  readonly riskLevel: RiskLevel;
  readonly team: string;
  readonly caseworker?: string;
  readonly location: CaseLocation;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly reviewCount: number;
  readonly lastReviewedAt?: string;
  readonly deadlines: readonly Deadline[];
  /** Sequence of the last timeline entry, so that every entry has a key that survives retries. */
  readonly timelineSeq: number;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly kind: TimelineKind;
  readonly at: string;
  readonly actor: string;
  readonly summary: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type TimelineKind = 'CASE_OPENED' | 'REVIEW_RECORDED' | 'RISK_REASSESSED' | 'DEADLINE_MISSED' | 'ALERT_SENT';

/** What a command or a timer did to a case: the new file and the timeline entries it adds. */
export interface CaseChange {
  readonly file: CaseFile;
  readonly timeline: readonly TimelineEntry[];
}

const SYSTEM = 'system';

export function openCaseFile(
  reference: string,
  policyVersionId: string,
  command: OpenCaseCommand,
  policy: LocalPolicy,
  now: Date,
): CaseChange {
  const opened: CaseFile = {
    reference,
    policyVersionId,
    version: 1,
    stage: command.caseworker ? 'ALLOCATED' : 'TRIAGED',
    type: command.type,
    category: command.category,
    channel: command.channel,
    summary: command.summary,
    riskLevel: command.riskLevel,
    team: command.team,
    ...(command.caseworker ? { caseworker: command.caseworker } : {}),
    location: command.location,
    openedAt: now.toISOString(),
    openedBy: command.openedBy,
    reviewCount: 0,
    deadlines: [reviewDeadline(1, command.riskLevel, policy, now, 'first review of a newly opened case')],
    timelineSeq: 0,
  };
  return withTimeline(opened, [
    {
      kind: 'CASE_OPENED',
      at: now.toISOString(),
      actor: command.openedBy,
      summary: `Case opened as ${command.riskLevel} risk ${command.category.toLowerCase().replaceAll('_', ' ')}`,
      data: { stage: opened.stage, riskLevel: opened.riskLevel, team: opened.team, caseworker: opened.caseworker ?? null },
    },
  ]);
}

/** Why a review cannot be recorded on this case now, or undefined when it can. */
export function reviewRefusal(file: CaseFile): string | undefined {
  if (file.stage === 'CLOSED' || file.stage === 'ANONYMISED') {
    return `case ${file.reference} is ${file.stage.toLowerCase()}: re-open it before recording a review`;
  }
  return undefined;
}

/** A review meets the review that is due and sets the next one from the (possibly re-assessed) risk. */
export function recordReview(file: CaseFile, command: RecordReviewCommand, policy: LocalPolicy, now: Date): CaseChange {
  const riskLevel = command.riskLevel ?? file.riskLevel;
  const reviewNumber = file.reviewCount + 1;
  const deadlines = file.deadlines.map((deadline) =>
    deadline.kind === 'CASE_REVIEW' && deadline.status === 'PENDING'
      ? resolveDeadline(deadline, 'MET', `review ${reviewNumber} recorded by ${command.reviewedBy}`, now)
      : deadline,
  );
  const next = reviewDeadline(reviewNumber + 1, riskLevel, policy, now, `next review after review ${reviewNumber}`);
  const reviewed: CaseFile = {
    ...file,
    version: file.version + 1,
    riskLevel,
    reviewCount: reviewNumber,
    lastReviewedAt: now.toISOString(),
    deadlines: [...deadlines, next],
  };
  const entries: Omit<TimelineEntry, 'seq'>[] = [
    {
      kind: 'REVIEW_RECORDED',
      at: now.toISOString(),
      actor: command.reviewedBy,
      summary: `Review ${reviewNumber}: ${command.summary}`,
      data: { nextReviewDue: next.dueOn },
    },
  ];
  if (riskLevel !== file.riskLevel) {
    entries.push({
      kind: 'RISK_REASSESSED',
      at: now.toISOString(),
      actor: command.reviewedBy,
      summary: `Risk re-assessed from ${file.riskLevel} to ${riskLevel}`,
      data: { from: file.riskLevel, to: riskLevel },
    });
  }
  return withTimeline(reviewed, entries);
}

/** A deadline that passed unmet: recorded as missed, never dropped. */
export function missDeadline(file: CaseFile, deadlineId: string, now: Date): CaseChange {
  const deadline = file.deadlines.find((candidate) => candidate.id === deadlineId);
  if (!deadline || deadline.status !== 'PENDING') return { file, timeline: [] };
  const missed = resolveDeadline(deadline, 'MISSED', `passed unmet at the end of ${deadline.dueOn}`, now);
  return withTimeline(
    {
      ...file,
      version: file.version + 1,
      deadlines: file.deadlines.map((candidate) => (candidate.id === deadlineId ? missed : candidate)),
    },
    [
      {
        kind: 'DEADLINE_MISSED',
        at: now.toISOString(),
        actor: SYSTEM,
        summary: `${describeDeadline(deadline)} due on ${deadline.dueOn} was missed`,
        data: { deadlineId, kind: deadline.kind, dueOn: deadline.dueOn },
      },
    ],
  );
}

export function recordAlertSent(
  file: CaseFile,
  alert: { kind: string; deadlineId: string; recipients: readonly string[] },
  now: Date,
): CaseChange {
  return withTimeline({ ...file, version: file.version + 1 }, [
    {
      kind: 'ALERT_SENT',
      at: now.toISOString(),
      actor: SYSTEM,
      summary: `${alert.kind.toLowerCase().replaceAll('_', ' ')} alert sent to ${alert.recipients.join(', ')}`,
      data: { ...alert },
    },
  ]);
}

export function nextReviewDeadline(file: CaseFile): Deadline | undefined {
  return nextPendingDeadline(file.deadlines.filter((deadline) => deadline.kind === 'CASE_REVIEW'));
}

export function describeDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'CASE_REVIEW':
      return 'Case review';
  }
}

function reviewDeadline(number: number, risk: RiskLevel, policy: LocalPolicy, now: Date, why: string): Deadline {
  const interval = policy.reviewIntervalDays[risk];
  return plannedDeadline(
    `review-${number}`,
    'CASE_REVIEW',
    addDays(londonDateOf(now), interval),
    `${why}: ${risk} risk cases are reviewed every ${interval} days`,
    now,
  );
}

function withTimeline(file: CaseFile, entries: readonly Omit<TimelineEntry, 'seq'>[]): CaseChange {
  const timeline = entries.map((entry, index) => ({ ...entry, seq: file.timelineSeq + index + 1 }));
  return { file: { ...file, timelineSeq: file.timelineSeq + entries.length }, timeline };
}
