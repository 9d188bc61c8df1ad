import type { CaseFile, CommandContext, Refusal } from './state';
import { CASE_COMMANDS, type CaseCommandName } from './commands';
import { levelSkipped, situationRefusal } from './enforcement/preconditions';
import { ENFORCEMENT_STEP_KINDS, ENFORCEMENT_STEPS, type EnforcementStepKind } from './enforcement/steps';
import { courtsFor } from './legal';

export interface NextStep {
  readonly command: CaseCommandName;
  readonly title: string;
  readonly step?: EnforcementStepKind;
  readonly subjectId?: string;
  readonly referralId?: string;
  readonly available: boolean;
  /** Why it cannot be done now (and when it will hold, where time will cure it). */
  readonly refusal?: Refusal;
  /** Available, but only with these recorded (e.g. a reason for skipping a level). */
  readonly requires?: readonly string[];
}

/** Everything that could be done next on this case, each either available or with the reason it is not. */
export function nextSteps(file: CaseFile, ctx: CommandContext): NextStep[] {
  const probe = <N extends CaseCommandName>(command: N, title: string, payload: Parameters<(typeof CASE_COMMANDS)[N]['refusal']>[1], extra: Partial<NextStep> = {}): NextStep => {
    const refusal = (CASE_COMMANDS[command].refusal as (f: CaseFile, c: unknown, x: CommandContext) => Refusal | undefined)(file, payload, ctx);
    return { command, title, available: !refusal, ...(refusal ? { refusal } : {}), ...extra };
  };
  const tomorrow = new Date(ctx.now.getTime() + 86_400_000).toISOString();
  const steps: NextStep[] = [
    probe('assessRisk', 'Assess or re-assess risk', undefined as never),
    probe('allocate', 'Allocate or re-allocate to a caseworker', { caseworker: '\u0000another' }),
    probe('recordInitialContact', 'Record initial contact with the complainant', { summary: '' }),
    probe('recordComplainantUpdate', 'Record an update to the complainant', { summary: '' }),
    probe('recordReview', 'Record a case review', { summary: '' }),
    probe('startMonitoring', 'Move to monitoring', { reason: '' }),
    probe('resumeActive', 'Make active again', { reason: '' }),
    probe('referToAdultsAtRisk', 'Refer to the adults at risk forum', { reason: '' }),
    probe('requestClosure', 'Request closure', { reason: 'RESOLVED', explanationToComplainant: 'x' }),
    probe('decideClosure', 'Approve or reject closure', { approve: true, reason: '' }),
    probe('recordSatisfactionFollowUp', 'Record the satisfaction follow-up', { summary: '' }),
    probe('reopen', 'Re-open the case', { reason: '' }),
  ];
  for (const to of ['GENERAL_CASEWORK', 'MAG', 'JAG'] as const) {
    if (to !== file.forum) steps.push(probe('changeForum', `Move to ${to}`, { to, reason: 'x' }));
  }
  const targets: (string | undefined)[] = [...file.subjects.map((subject) => subject.id), undefined];
  for (const subjectId of targets) {
    for (const kind of ENFORCEMENT_STEP_KINDS) {
      if ((kind === 'CLOSURE_NOTICE') !== (subjectId === undefined)) continue;
      const refusal = situationRefusal(file, kind, subjectId, ctx);
      const skipped = !refusal && levelSkipped(file, kind, subjectId);
      steps.push({
        command: 'recordEnforcementStep',
        title: ENFORCEMENT_STEPS[kind].title,
        step: kind,
        ...(subjectId ? { subjectId } : {}),
        available: !refusal,
        ...(refusal ? { refusal } : {}),
        ...(skipped ? { requires: ['skipReason'] } : {}),
      });
    }
  }
  steps.push(...typeSteps(file, probe, ctx.now.toISOString()));
  for (const referral of file.legalReferrals) {
    const extra = { referralId: referral.id };
    steps.push(probe('acknowledgeLegalReferral', 'Acknowledge the legal referral', { referralId: referral.id }, extra));
    steps.push(probe('recordLegalDecision', 'Record the legal decision', { referralId: referral.id, proceed: true, reason: 'x' }, extra));
    const court = courtsFor(referral.stepKind, referral.youth)[0];
    if (court) steps.push(probe('listHearing', 'List (or re-list) the hearing', { referralId: referral.id, hearingAt: tomorrow, court }, extra));
  }
  return steps;
}

type Probe = <N extends CaseCommandName>(command: N, title: string, payload: Parameters<(typeof CASE_COMMANDS)[N]['refusal']>[1], extra?: Partial<NextStep>) => NextStep;

/** The steps of the case's own type (docs/case-types.md); a case of another type is not offered them. */
function typeSteps(file: CaseFile, probe: Probe, now: string): NextStep[] {
  switch (file.type) {
    case 'HATE_CRIME':
      return [
        probe('recordVictimContact', 'Record contact with the victim', { summary: '', protectedCharacteristics: ['RACE'], victimSupport: 'ACCEPTED' }),
        probe('recordPoliceNotification', 'Record that the police were notified', { policeReference: '' }),
      ];
    case 'MISSING_PERSON':
      return [probe('recordMissingEpisode', 'Record a missing episode', { missingFrom: now, returnedAt: now })];
    case 'CHILD_SEXUAL_EXPLOITATION':
      return [probe('recordSafeguardingReferral', 'Record the safeguarding referral to children’s social care', { summary: '' })];
    case 'PREVENT':
      return [
        probe('recordPreventReferral', 'Record the referral to the police Prevent gateway', { summary: '' }),
        probe('recordChannelPanel', 'Record the Channel panel’s decision', { outcome: 'ADOPTED', summary: '' }),
        probe('recordChannelReview', 'Record a review after leaving Channel', { summary: '' }),
      ];
    default:
      return [];
  }
}
