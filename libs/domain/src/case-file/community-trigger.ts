import { londonDateOf } from '../calendar';
import { deadlineOn } from '../deadline';
import { addWorkingDays } from '../working-days';
import { changed, nextDeadlineId, resolvePending } from './change';
import { assessThreshold, type Complaint } from './community-trigger-threshold';
import type { CommunityTrigger, CommunityTriggerApplicant, CommunityTriggerStatus } from './community-trigger-record';

export type { CommunityTrigger, CommunityTriggerApplicant, CommunityTriggerStatus } from './community-trigger-record';
import type { CaseChange, CaseFile, CommandContext, Refusal } from './state';
import type { RefusalCondition } from './refusal-conditions';

export interface ApplyForCaseReviewCommand {
  readonly applicant: CommunityTriggerApplicant;
  readonly applicantName: string;
}
export interface DecideCaseReviewThresholdCommand {
  readonly met: boolean;
  readonly reason: string;
}
export interface RecordCaseReviewMeetingCommand {
  readonly recommendations: string;
}
export interface RecordCaseReviewOutcomeCommand {
  readonly summary: string;
}
export interface RecordCaseReviewAppealCommand {
  readonly reason: string;
}
export interface DecideCaseReviewAppealCommand {
  readonly upheld: boolean;
  readonly reason: string;
}

const refuse = (condition: RefusalCondition, message: string): Refusal => ({ condition, message });

export function communityTriggersOf(file: CaseFile): readonly CommunityTrigger[] {
  return file.communityTriggers ?? [];
}

function current(file: CaseFile): CommunityTrigger | undefined {
  return communityTriggersOf(file).at(-1);
}

function withCurrent(file: CaseFile, trigger: CommunityTrigger): readonly CommunityTrigger[] {
  return [...communityTriggersOf(file).slice(0, -1), trigger];
}

const FINISHED: readonly CommunityTriggerStatus[] = ['OUTCOME_SENT', 'THRESHOLD_NOT_MET', 'APPEAL_DECIDED', 'APPEALED'];

/** The complaints on this case itself: every incident as it was reported. */
export function complaintsOnCase(file: CaseFile): Complaint[] {
  return file.incidents.map((incident) => ({ reference: file.reference, incidentId: incident.id, occurredAt: incident.occurredAt, reportedAt: incident.reportedAt }));
}

export function applyForCaseReviewRefusal(file: CaseFile, command: ApplyForCaseReviewCommand): Refusal | undefined {
  if (file.stage === 'ANONYMISED') return refuse('CASE_ANONYMISED', `case ${file.reference} has been anonymised`);
  if (!command.applicantName.trim()) return refuse('APPLICANT_REQUIRED', 'say who is applying');
  const open = current(file);
  if (open && !FINISHED.includes(open.status)) return refuse('CASE_REVIEW_OPEN', `an ASB Case Review (${open.id}) is already under way on ${file.reference}`);
  return undefined;
}

/**
 * Records an application and assesses the threshold on the complaints about the same victim or
 * place across cases (gathered by the workflow before this runs). Acknowledgement and the threshold
 * decision fall due in working days of receipt.
 */
export function applyForCaseReview(file: CaseFile, command: ApplyForCaseReviewCommand, { now, actor, relatedComplaints }: CommandContext): CaseChange {
  const policy = file.policy.local.caseReview;
  const today = londonDateOf(now);
  const assessment = assessThreshold([...complaintsOnCase(file), ...(relatedComplaints ?? [])], today, policy);
  const trigger: CommunityTrigger = {
    id: `case-review-${communityTriggersOf(file).length + 1}`,
    applicant: command.applicant,
    applicantName: command.applicantName,
    receivedAt: now.toISOString(),
    recordedBy: actor,
    status: 'APPLIED',
    assessment,
  };
  const plan = (kind: 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT' | 'COMMUNITY_TRIGGER_THRESHOLD', reason: string, workingDays: number, planned: CaseFile['deadlines'] = []) =>
    deadlineOn({ id: nextDeadlineId({ ...file, deadlines: [...file.deadlines, ...planned] }, kind), kind, reason, stepId: trigger.id }, addWorkingDays(today, workingDays), now);
  const acknowledgement = plan('COMMUNITY_TRIGGER_ACKNOWLEDGEMENT', `an ASB Case Review application is acknowledged within ${policy.acknowledgeWorkingDays} working days`, policy.acknowledgeWorkingDays);
  const decision = plan('COMMUNITY_TRIGGER_THRESHOLD', `the threshold decision is due within ${policy.thresholdDecisionWorkingDays} working days of the application`, policy.thresholdDecisionWorkingDays, [acknowledgement]);
  return changed(file, { communityTriggers: [...communityTriggersOf(file), trigger], deadlines: [...file.deadlines, acknowledgement, decision] }, [
    {
      kind: 'CASE_REVIEW_APPLIED',
      at: now.toISOString(),
      actor,
      summary: `ASB Case Review applied for (${command.applicant === 'VICTIM' ? 'by the victim' : 'on the victim’s behalf'}): threshold ${assessment.met ? 'met' : 'not met'} on the record, ${assessment.explanation}`,
      data: { triggerId: trigger.id, met: assessment.met, qualifying: assessment.qualifying.length },
    },
  ]);
}

const statusRefusal = (file: CaseFile, allowed: readonly CommunityTriggerStatus[], doing: string): Refusal | undefined => {
  const trigger = current(file);
  if (!trigger) return refuse('NO_CASE_REVIEW', `no ASB Case Review has been applied for on ${file.reference}`);
  return allowed.includes(trigger.status) ? undefined : refuse('CASE_REVIEW_NOT_READY', `cannot ${doing}: the ASB Case Review is ${trigger.status.toLowerCase().replaceAll('_', ' ')}`);
};

const meet = (file: CaseFile, kind: string, trigger: CommunityTrigger, resolution: string, now: Date) =>
  resolvePending(file.deadlines, (deadline) => deadline.kind === kind && deadline.stepId === trigger.id, 'MET', resolution, now);

export const acknowledgeCaseReviewRefusal = (file: CaseFile) => {
  const refusal = statusRefusal(file, ['APPLIED'], 'acknowledge the application');
  return refusal ?? (current(file)?.acknowledgedAt ? refuse('ALREADY_ACKNOWLEDGED', 'the application was already acknowledged') : undefined);
};

export function acknowledgeCaseReview(file: CaseFile, _command: Record<string, never>, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  return changed(file, { communityTriggers: withCurrent(file, { ...trigger, status: 'ACKNOWLEDGED', acknowledgedAt: now.toISOString() }), deadlines: meet(file, 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT', trigger, 'acknowledged', now) }, [
    { kind: 'CASE_REVIEW_ACKNOWLEDGED', at: now.toISOString(), actor, summary: 'ASB Case Review application acknowledged', data: { triggerId: trigger.id } },
  ]);
}

/** A threshold met on the record cannot be decided as not met: the review must then be held [law]. */
export function decideCaseReviewThresholdRefusal(file: CaseFile, command: DecideCaseReviewThresholdCommand): Refusal | undefined {
  const refusal = statusRefusal(file, ['APPLIED', 'ACKNOWLEDGED'], 'decide the threshold');
  if (refusal) return refusal;
  if (!command.reason.trim()) return refuse('REASON_REQUIRED', 'give the reason for the threshold decision');
  const assessment = current(file)!.assessment;
  return !command.met && assessment.met ? refuse('THRESHOLD_MET_ON_RECORD', `the threshold is met on the record (${assessment.explanation}): the review must be held`) : undefined;
}

export function decideCaseReviewThreshold(file: CaseFile, command: DecideCaseReviewThresholdCommand, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  const policy = file.policy.local.caseReview;
  let deadlines = meet(file, 'COMMUNITY_TRIGGER_THRESHOLD', trigger, `threshold ${command.met ? 'met' : 'not met'}`, now);
  // Deciding before acknowledging answers the applicant too.
  deadlines = resolvePending(deadlines, (d) => d.kind === 'COMMUNITY_TRIGGER_ACKNOWLEDGEMENT' && d.stepId === trigger.id, 'MET', 'answered by the threshold decision', now);
  if (command.met) {
    deadlines = [
      ...deadlines,
      deadlineOn(
        { id: nextDeadlineId({ ...file, deadlines }, 'COMMUNITY_TRIGGER_MEETING'), kind: 'COMMUNITY_TRIGGER_MEETING', reason: `the review meeting is held within ${policy.meetingWorkingDays} working days of the threshold decision`, stepId: trigger.id },
        addWorkingDays(londonDateOf(now), policy.meetingWorkingDays),
        now,
      ),
    ];
  }
  const decided: CommunityTrigger = { ...trigger, status: command.met ? 'THRESHOLD_MET' : 'THRESHOLD_NOT_MET', thresholdDecision: { met: command.met, reason: command.reason, decidedBy: actor, at: now.toISOString() } };
  return changed(file, { communityTriggers: withCurrent(file, decided), deadlines }, [
    { kind: 'CASE_REVIEW_THRESHOLD_DECIDED', at: now.toISOString(), actor, summary: `ASB Case Review threshold ${command.met ? 'met' : 'not met'}: ${command.reason}`, data: { triggerId: trigger.id, met: command.met } },
  ]);
}

export const recordCaseReviewMeetingRefusal = (file: CaseFile, command: RecordCaseReviewMeetingCommand) =>
  statusRefusal(file, ['THRESHOLD_MET'], 'record the review meeting') ?? (command.recommendations.trim() ? undefined : refuse('RECOMMENDATIONS_REQUIRED', 'record what the review meeting recommended'));

export function recordCaseReviewMeeting(file: CaseFile, command: RecordCaseReviewMeetingCommand, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  const policy = file.policy.local.caseReview;
  const deadlines = meet(file, 'COMMUNITY_TRIGGER_MEETING', trigger, 'meeting held', now);
  const outcome = deadlineOn(
    { id: nextDeadlineId({ ...file, deadlines }, 'COMMUNITY_TRIGGER_OUTCOME'), kind: 'COMMUNITY_TRIGGER_OUTCOME', reason: `the outcome letter goes to the applicant within ${policy.outcomeLetterWorkingDays} working days of the meeting`, stepId: trigger.id },
    addWorkingDays(londonDateOf(now), policy.outcomeLetterWorkingDays),
    now,
  );
  return changed(file, { communityTriggers: withCurrent(file, { ...trigger, status: 'MEETING_HELD', meeting: { recommendations: command.recommendations, heldAt: now.toISOString() } }), deadlines: [...deadlines, outcome] }, [
    { kind: 'CASE_REVIEW_MEETING_HELD', at: now.toISOString(), actor, summary: `ASB Case Review meeting held: ${command.recommendations}`, data: { triggerId: trigger.id } },
  ]);
}

export const recordCaseReviewOutcomeRefusal = (file: CaseFile, command: RecordCaseReviewOutcomeCommand) =>
  statusRefusal(file, ['MEETING_HELD'], 'record the outcome') ?? (command.summary.trim() ? undefined : refuse('OUTCOME_REQUIRED', 'record what the applicant was told'));

export function recordCaseReviewOutcome(file: CaseFile, command: RecordCaseReviewOutcomeCommand, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  return changed(
    file,
    { communityTriggers: withCurrent(file, { ...trigger, status: 'OUTCOME_SENT', outcome: { summary: command.summary, sentAt: now.toISOString() } }), deadlines: meet(file, 'COMMUNITY_TRIGGER_OUTCOME', trigger, 'outcome sent', now) },
    [{ kind: 'CASE_REVIEW_OUTCOME_SENT', at: now.toISOString(), actor, summary: `ASB Case Review outcome sent to the applicant: ${command.summary}`, data: { triggerId: trigger.id } }],
  );
}

export const recordCaseReviewAppealRefusal = (file: CaseFile, command: RecordCaseReviewAppealCommand) =>
  statusRefusal(file, ['OUTCOME_SENT', 'THRESHOLD_NOT_MET'], 'record an appeal') ?? (command.reason.trim() ? undefined : refuse('REASON_REQUIRED', 'record what the applicant disputes'));

export function recordCaseReviewAppeal(file: CaseFile, command: RecordCaseReviewAppealCommand, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  return changed(file, { communityTriggers: withCurrent(file, { ...trigger, status: 'APPEALED', appeal: { reason: command.reason, lodgedAt: now.toISOString() } }) }, [
    { kind: 'CASE_REVIEW_APPEALED', at: now.toISOString(), actor, summary: `ASB Case Review appealed: ${command.reason}`, data: { triggerId: trigger.id } },
  ]);
}

export const decideCaseReviewAppealRefusal = (file: CaseFile, command: DecideCaseReviewAppealCommand) =>
  statusRefusal(file, ['APPEALED'], 'decide the appeal') ?? (command.reason.trim() ? undefined : refuse('REASON_REQUIRED', 'give the reason for the appeal decision'));

export function decideCaseReviewAppeal(file: CaseFile, command: DecideCaseReviewAppealCommand, { now, actor }: CommandContext): CaseChange {
  const trigger = current(file)!;
  return changed(file, { communityTriggers: withCurrent(file, { ...trigger, status: 'APPEAL_DECIDED', appeal: { ...trigger.appeal!, decision: { upheld: command.upheld, reason: command.reason, at: now.toISOString() } } }) }, [
    { kind: 'CASE_REVIEW_APPEAL_DECIDED', at: now.toISOString(), actor, summary: `ASB Case Review appeal ${command.upheld ? 'upheld' : 'not upheld'}: ${command.reason}`, data: { triggerId: trigger.id, upheld: command.upheld } },
  ]);
}
