import { londonDateOf } from '../calendar';
import { type Deadline, DEADLINE_CATALOGUE, alertAudienceOf } from '../deadline';
import { ENFORCEMENT_STEPS } from '../case-file/enforcement/steps';
import { courtsFor, type LegalReferral } from '../case-file/legal';
import { humanise } from '../case-file/change';
import type { CaseChange, CaseFile, TimelineEntry } from '../case-file/state';
import type { CaseSaveFailure } from '../case-file/save-failure';
import { communityTriggersOf, complaintsOnCase } from '../case-file/community-trigger';
import { assessThreshold, type ThresholdAssessment } from '../case-file/community-trigger-threshold';
import { type CaseHeadline, type CaseNotice, type DeadlineFacts, type LegalCaseSummary, noticeKey } from './notice';

/** The timeline entries that are a step in a legal referral: each one is sent to the legal team. */
export const LEGAL_STEP_ENTRIES: ReadonlySet<string> = new Set([
  'LEGAL_REFERRAL_MADE',
  'LEGAL_REFERRAL_ACKNOWLEDGED',
  'LEGAL_DECISION_RECORDED',
  'HEARING_LISTED',
  'HEARING_RELISTED',
  'HEARING_OUTCOME_RECORDED',
  'ORDER_EXTENDED',
  'ORDER_BREACH_RECORDED',
  'BREACH_BEFORE_JUDGE',
  'ORDER_REVIEWED',
]);

export function headlineOf(file: CaseFile): CaseHeadline {
  return {
    reference: file.reference,
    team: file.team,
    ...(file.caseworker ? { caseworker: file.caseworker } : {}),
    ...(file.riskLevel ? { riskLevel: file.riskLevel } : {}),
  };
}

export function deadlineFacts(deadline: Deadline): DeadlineFacts {
  return { id: deadline.id, kind: deadline.kind, title: DEADLINE_CATALOGUE[deadline.kind].title, dueOn: deadline.dueOn, dueAt: deadline.dueAt, reason: deadline.reason };
}

/**
 * What a command's change must tell people beyond the person who made it: legal steps, actions
 * assigned to an agency, and an ASB Case Review threshold reached, by an application or by the
 * incidents logged on the case (told once, as it is crossed).
 */
export function noticesOfChange(before: CaseFile, change: CaseChange, now: Date): CaseNotice[] {
  const { file } = change;
  return change.timeline.flatMap((entry): CaseNotice[] => {
    if (entry.kind === 'CASE_REVIEW_APPLIED') return applicationNotice(file, entry);
    if (entry.kind === 'INCIDENT_RECORDED') return thresholdCrossedNotice(before, file, now);
    if (LEGAL_STEP_ENTRIES.has(entry.kind)) {
      const referral = referralOf(file, entry);
      return referral ? [legalStepNotice(file, entry, referral)] : [];
    }
    if (entry.kind === 'CASE_TRANSFERRED') return transferNotices(file, entry);
    if (entry.kind === 'AGE_CONFLICT_FLAGGED') return [ageConflictNotice(file, entry)];
    if (entry.kind === 'PARTNER_ACTION_ASSIGNED') {
      const action = file.partnerActions?.find((candidate) => candidate.id === entry.data?.actionId);
      if (!action) return [];
      return [
        {
          kind: 'PARTNER_ACTION_ASSIGNED',
          key: noticeKey(file.reference, action.id, 'PARTNER_ACTION_ASSIGNED'),
          audience: 'PARTNER_AGENCY',
          team: file.team,
          agency: action.agency,
          case: headlineOf(file),
          action: { id: action.id, description: action.description, dueOn: action.dueOn, assignedBy: action.assignedBy, ...(action.forum ? { forum: action.forum } : {}) },
        },
      ];
    }
    return [];
  });
}

/** One notice for each team's manager: the team giving the case up and the team taking it on. */
function transferNotices(file: CaseFile, entry: TimelineEntry): CaseNotice[] {
  const from = (entry.data?.old as { team: string }).team;
  return [from, file.team].map((team) => ({
    kind: 'CASE_TRANSFERRED',
    key: noticeKey(file.reference, `entry-${entry.seq}-${team}`, 'CASE_TRANSFERRED'),
    audience: 'MANAGER',
    team,
    case: headlineOf(file),
    from,
    to: file.team,
    by: entry.actor,
    at: entry.at,
  }));
}

function ageConflictNotice(file: CaseFile, entry: TimelineEntry): CaseNotice {
  const conflicts = (entry.data?.conflicts ?? []) as readonly { why: string }[];
  return {
    kind: 'AGE_CONFLICT',
    key: noticeKey(file.reference, `entry-${entry.seq}`, 'AGE_CONFLICT'),
    audience: 'MANAGER',
    team: file.team,
    case: headlineOf(file),
    by: entry.actor,
    at: entry.at,
    steps: conflicts.map((conflict) => conflict.why),
  };
}

/** The alerts for duties a deadline change recorded as missed, to the audience the catalogue names. */
export function missedDeadlineNotices(change: CaseChange): CaseNotice[] {
  const { file } = change;
  return (change.alerts ?? []).flatMap((missed): CaseNotice[] => {
    const audience = alertAudienceOf(missed.kind);
    if (!audience) return [];
    const action = file.partnerActions?.find((candidate) => candidate.id === missed.stepId);
    return [
      {
        kind: 'DEADLINE_MISSED',
        key: noticeKey(file.reference, missed.id, missed.kind),
        audience,
        team: file.team,
        ...(action ? { agency: action.agency } : {}),
        case: headlineOf(file),
        deadline: deadlineFacts(missed),
      },
    ];
  });
}

/** The admins are told, once, of a change PostgreSQL refused for good: the case is as last saved. */
export function caseNotSavedNotice(failure: CaseSaveFailure): CaseNotice {
  return { kind: 'CASE_NOT_SAVED', key: noticeKey(failure.reference, failure.id, 'CASE_NOT_SAVED'), audience: 'ADMIN', team: 'partnership', failure };
}

/** A caseworker's reminder of a review or compliance check coming due. */
export function comingDueNotice(file: CaseFile, deadline: Deadline): CaseNotice {
  return { kind: 'COMING_DUE', key: noticeKey(file.reference, deadline.id, 'COMING_DUE'), audience: 'CASEWORKER', team: file.team, case: headlineOf(file), deadline: deadlineFacts(deadline) };
}

function caseReviewNotice(file: CaseFile, trigger: 'INCIDENTS' | 'APPLICATION', subject: string, assessment: ThresholdAssessment, stepId?: string): CaseNotice {
  return {
    kind: 'CASE_REVIEW_THRESHOLD',
    key: noticeKey(file.reference, subject, 'CASE_REVIEW_THRESHOLD'),
    audience: 'CASE_REVIEW_COORDINATOR',
    team: file.team,
    case: headlineOf(file),
    trigger,
    met: assessment.met,
    explanation: assessment.explanation,
    deadlines: stepId ? file.deadlines.filter((d) => d.status === 'PENDING' && d.stepId === stepId).sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map(deadlineFacts) : [],
  };
}

function applicationNotice(file: CaseFile, entry: TimelineEntry): CaseNotice[] {
  const trigger = communityTriggersOf(file).find((candidate) => candidate.id === entry.data?.triggerId);
  return trigger ? [caseReviewNotice(file, 'APPLICATION', trigger.id, trigger.assessment, trigger.id)] : [];
}

/** The threshold as the case's own incidents stand: told when an incident takes it from not met to met. */
function thresholdCrossedNotice(before: CaseFile, after: CaseFile, now: Date): CaseNotice[] {
  const on = londonDateOf(now);
  const policy = after.policy.local.caseReview;
  const was = assessThreshold(complaintsOnCase(before), on, policy);
  const is = assessThreshold(complaintsOnCase(after), on, policy);
  if (was.met || !is.met) return [];
  const latest = after.incidents.at(-1)!;
  return [caseReviewNotice(after, 'INCIDENTS', `threshold-${latest.id}`, is)];
}

function referralOf(file: CaseFile, entry: TimelineEntry): LegalReferral | undefined {
  const id = entry.data?.referralId;
  return file.legalReferrals.find((referral) => referral.id === id);
}

function legalStepNotice(file: CaseFile, entry: TimelineEntry, referral: LegalReferral): CaseNotice {
  const deadlines = file.deadlines
    .filter((deadline) => deadline.status === 'PENDING' && deadline.stepId === referral.stepId)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map(deadlineFacts);
  return {
    kind: 'LEGAL_STEP',
    key: noticeKey(file.reference, `entry-${entry.seq}`, 'LEGAL_STEP'),
    audience: 'LEGAL',
    team: file.team,
    case: headlineOf(file),
    step: { what: legalStepWhat(entry, referral), at: entry.at, by: entry.actor },
    summary: legalSummary(file, referral),
    deadlines,
  };
}

/**
 * What happened, said from the step's facts rather than the timeline's wording, which names the
 * subject and quotes free text: an email carries the reference, and the names stay in the file.
 */
function legalStepWhat(entry: TimelineEntry, referral: LegalReferral): string {
  const step = ENFORCEMENT_STEPS[referral.stepKind].title;
  const data = entry.data ?? {};
  switch (entry.kind) {
    case 'LEGAL_REFERRAL_MADE':
      return `Referred to the legal team: ${step}`;
    case 'LEGAL_REFERRAL_ACKNOWLEDGED':
      return `Referral acknowledged: ${step}`;
    case 'LEGAL_DECISION_RECORDED':
      return `Decision on the ${step}: ${data.proceed ? 'proceed' : 'declined'}`;
    case 'HEARING_LISTED':
    case 'HEARING_RELISTED':
      return `${step}: hearing ${entry.kind === 'HEARING_RELISTED' ? 're-listed' : 'listed'} at ${humanise(String(data.court ?? 'court'))}`;
    case 'HEARING_OUTCOME_RECORDED':
      return `${step}: ${data.outcome === 'ORDER_MADE' ? `order made until ${String(data.expiresOn)}` : `hearing outcome ${humanise(String(data.outcome ?? 'recorded'))}`}`;
    case 'ORDER_EXTENDED':
      return `${step}: order extended to ${String(data.expiresOn)}`;
    case 'ORDER_BREACH_RECORDED':
      return `${step}: breach recorded${data.arrestedAt ? ', subject arrested' : ''}`;
    case 'BREACH_BEFORE_JUDGE':
      return `${step}: subject brought before a judge for the breach`;
    default:
      return `${step}: order reviewed`;
  }
}

/** The case as a lawyer preparing an application needs it summarised; names stay in the file. */
export function legalSummary(file: CaseFile, referral: LegalReferral): LegalCaseSummary {
  const lastIncident = file.incidents.map((incident) => incident.occurredAt).sort().at(-1);
  return {
    stage: file.stage,
    category: file.category,
    forum: file.forum,
    incidents: file.incidents.length,
    ...(lastIncident ? { lastIncidentOn: londonDateOf(new Date(lastIncident)) } : {}),
    enforcement: file.enforcement.map((step) => `${ENFORCEMENT_STEPS[step.kind].title} on ${londonDateOf(new Date(step.takenAt))}`),
    referral: {
      id: referral.id,
      step: ENFORCEMENT_STEPS[referral.stepKind].title,
      status: referral.status,
      youth: referral.youth,
      courts: courtsFor(referral.stepKind, referral.youth),
    },
  };
}
