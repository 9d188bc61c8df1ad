import { addDays, ageOn, birthdayAt, compareDates, type LocalDate, londonDateOf } from '../../calendar';
import { ruleOn } from '../../policy/statutory-rules';
import type { CaseFile, CommandContext, Refusal, Subject } from '../state';
import { ENFORCEMENT_STEPS, type EnforcementStep, type EnforcementStepKind, type RecordEnforcementStepCommand } from './steps';
import type { RefusalCondition } from '../refusal-conditions';
import { processOf } from '../../case-types/processes';

const WORKING_STAGES = ['ALLOCATED', 'ACTIVE', 'MONITORING'];
const PREMISES_STEPS: readonly EnforcementStepKind[] = ['CLOSURE_NOTICE'];

const refuse = (condition: RefusalCondition, message: string, holdsFrom?: LocalDate): Refusal => ({ condition, message, ...(holdsFrom ? { holdsFrom } : {}) });

export function stepsOn(file: CaseFile, subjectId: string | undefined, kind?: EnforcementStepKind): EnforcementStep[] {
  return file.enforcement.filter((step) => step.subjectId === subjectId && (!kind || step.kind === kind));
}

const latest = (steps: readonly EnforcementStep[]) => steps.at(-1);

/**
 * Why `kind` cannot be taken against `subjectId` now, judged on the case as it stands (what has been
 * served, what has passed, who the subject is). What the command itself must carry is checked apart,
 * in `commandRefusal`, so that "what could be done next" can be answered without a command.
 */
export function situationRefusal(file: CaseFile, kind: EnforcementStepKind, subjectId: string | undefined, ctx: CommandContext): Refusal | undefined {
  const today = londonDateOf(ctx.now);
  const title = ENFORCEMENT_STEPS[kind].title;
  const ladder = processOf(file.type).ladder;
  if (ladder.steps !== 'ALL' && !ladder.steps.includes(kind)) {
    const type = file.type.toLowerCase().replaceAll('_', ' ');
    return refuse('LADDER_NOT_FOR_CASE_TYPE', ladder.steps.length === 0 ? `the enforcement ladder does not apply to a ${type} case: ${ladder.why}` : `a ${title} is not taken on a ${type} case: ${ladder.why}`);
  }
  if (!WORKING_STAGES.includes(file.stage)) {
    return refuse('CASE_NOT_IN_WORK', `a ${title} can be recorded once the case is allocated and until it goes to closure review; it is ${file.stage}`);
  }
  const subject = file.subjects.find((candidate) => candidate.id === subjectId);
  if (!subject && !PREMISES_STEPS.includes(kind)) {
    return subjectId
      ? refuse('UNKNOWN_SUBJECT', `no subject ${subjectId} on case ${file.reference}`)
      : refuse('SUBJECT_REQUIRED', `a ${title} is taken against a subject: name one (subjectId)`);
  }
  const rule = <T>(pick: (statutory: CaseFile['policy']['statutory']) => Parameters<typeof ruleOn<T>>[0]) => ruleOn(pick(file.policy.statutory), today);

  switch (kind) {
    case 'TENANCY_WARNING':
      return subject!.tenure === 'MBC_TENANT' ? undefined : refuse('NOT_A_COUNCIL_TENANT', `${subject!.name} is not a council (MBC) tenant, so a tenancy warning does not apply`);
    case 'COMMUNITY_PROTECTION_WARNING':
      return ageRefusal(subject!, rule((s) => s.cpwMinimumAge), today, title);
    case 'COMMUNITY_PROTECTION_NOTICE':
      return cpnRefusal(file, subject!, today);
    case 'FIXED_PENALTY_NOTICE':
      return unfinedBreach(file, subject!) ? undefined : breachRefusal(file, subject!);
    case 'PROSECUTION':
      return prosecutionRefusal(file, subject!, today, rule((s) => s.fixedPenaltyNoProsecutionDays));
    case 'CIVIL_INJUNCTION': {
      const tooYoung = ageRefusal(subject!, rule((s) => s.injunctionMinimumAge), today, title);
      if (tooYoung) return tooYoung;
      if (ageOn(subject!.dateOfBirth!, today) >= 18 && rule<boolean>((s) => s.respectOrdersInForce)) {
        return refuse('RESPECT_ORDER_APPLIES', `for an adult the Part 1 order is now a Respect Order: record RESPECT_ORDER instead`);
      }
      return undefined;
    }
    case 'RESPECT_ORDER': {
      if (!rule<boolean>((s) => s.respectOrdersInForce)) return refuse('NOT_IN_FORCE', `Respect Orders are not in force on ${today}: use a civil injunction`);
      return ageRefusal(subject!, 18, today, title);
    }
    case 'CRIMINAL_BEHAVIOUR_ORDER':
      return file.convictions.some((conviction) => conviction.subjectId === subject!.id)
        ? undefined
        : refuse('NO_CONVICTION', `a Criminal Behaviour Order follows a conviction; none is recorded for ${subject!.name}`);
    case 'NOTICE_OF_SEEKING_POSSESSION':
      if (subject!.tenure !== 'MBC_TENANT') return refuse('NOT_A_COUNCIL_TENANT', `${subject!.name} is not a council (MBC) tenant`);
      return possessionTriggers(file, subject!).length > 0
        ? undefined
        : refuse('NO_POSSESSION_TRIGGER', `the absolute ground needs a closure order (served within the last 3 months), an injunction breach or a CBO breach; none is recorded for ${subject!.name}`);
    default:
      return undefined;
  }
}

/** Steps more than one level above the subject's highest so far need a recorded reason. */
export function levelSkipped(file: CaseFile, kind: EnforcementStepKind, subjectId: string | undefined): { highest: number; level: number } | undefined {
  // Closing premises is its own track (police or council), not a rung climbed against a person.
  if (PREMISES_STEPS.includes(kind)) return undefined;
  const level = ENFORCEMENT_STEPS[kind].level;
  // A step on premises (a closure notice) is a step against whoever lives there: it counts for every subject.
  const taken = file.enforcement.filter((step) => step.subjectId === subjectId || step.subjectId === undefined);
  const highest = taken.reduce((max, step) => Math.max(max, step.level), 0);
  return level > highest + 1 && level > 1 ? { highest, level } : undefined;
}

/** What the command must carry for its step; checked after the situation allows the step. */
export function commandRefusal(file: CaseFile, command: RecordEnforcementStepCommand, ctx: CommandContext): Refusal | undefined {
  const today = londonDateOf(ctx.now);
  const skipped = levelSkipped(file, command.kind, command.subjectId);
  if (skipped && !command.skipReason?.trim()) {
    return refuse(
      'SKIP_REASON_REQUIRED',
      `${ENFORCEMENT_STEPS[command.kind].title} is level ${skipped.level} and the highest step so far is level ${skipped.highest}: record why the ladder is skipped (skipReason)`,
    );
  }
  const subject = file.subjects.find((candidate) => candidate.id === command.subjectId);
  switch (command.kind) {
    case 'ACCEPTABLE_BEHAVIOUR_CONTRACT':
      return command.subjectAgreed ? undefined : refuse('SUBJECT_HAS_NOT_AGREED', 'an Acceptable Behaviour Contract is voluntary: record that the subject agreed and signed (subjectAgreed)');
    case 'COMMUNITY_PROTECTION_WARNING':
      return command.conductConfirmed
        ? undefined
        : refuse('CONDUCT_NOT_CONFIRMED', 'a CPW needs conduct that is persistent, unreasonable and detrimental to the quality of life of those in the locality (conductConfirmed)');
    case 'COMMUNITY_PROTECTION_NOTICE':
      if (!command.requirements?.length) return refuse('REQUIREMENTS_MISSING', 'a CPN states what the subject must do or stop doing (requirements, each with dueOn)');
      return command.requirements.some((requirement) => compareDates(requirement.dueOn, today) < 0)
        ? refuse('REQUIREMENT_DUE_IN_PAST', 'every CPN requirement must fall due today or later')
        : undefined;
    case 'FIXED_PENALTY_NOTICE': {
      const maximum = ruleOn(file.policy.statutory.fixedPenaltyMaximumPounds, today);
      if (!command.amountPounds || command.amountPounds <= 0) return refuse('AMOUNT_MISSING', 'state the fixed penalty amount (amountPounds)');
      return command.amountPounds > maximum
        ? refuse('FPN_AMOUNT_ABOVE_MAXIMUM', `the maximum fixed penalty for a CPN breach on ${today} is £${maximum}`)
        : undefined;
    }
    case 'CIVIL_INJUNCTION':
      if (subject?.dateOfBirth && ageOn(subject.dateOfBirth, today) < 18) {
        const consulted = command.youthOffendingTeamConsultedOn;
        if (!consulted || compareDates(consulted, today) > 0) {
          return refuse('YOT_NOT_CONSULTED', `${subject.name} is under 18: the youth offending team must be consulted before applying (youthOffendingTeamConsultedOn)`);
        }
      }
      return undefined;
    case 'CLOSURE_NOTICE':
      if (!command.premises?.trim()) return refuse('PREMISES_MISSING', 'a closure notice names the premises (premises)');
      if (!command.issuedBy) return refuse('ISSUER_MISSING', 'a closure notice is issued by a police inspector or the council (issuedBy)');
      return command.extendedTo48Hours && !command.seniorSignOffBy?.trim()
        ? refuse('SENIOR_SIGN_OFF_REQUIRED', 'a 48-hour closure notice needs sign-off by a superintendent or the council chief executive (seniorSignOffBy)')
        : undefined;
    case 'NOTICE_OF_SEEKING_POSSESSION':
      if (!command.trigger) return refuse('TRIGGER_MISSING', 'name the qualifying trigger for the absolute ground (trigger)');
      return subject && possessionTriggers(file, subject).includes(command.trigger)
        ? undefined
        : refuse('TRIGGER_NOT_MET', `no ${command.trigger.toLowerCase().replaceAll('_', ' ')} qualifying for the absolute ground is recorded for this subject`);
    default:
      return undefined;
  }
}

export function possessionTriggers(file: CaseFile, subject: Subject): string[] {
  const triggers: string[] = [];
  const windowOpen = file.deadlines.some((deadline) => deadline.kind === 'POSSESSION_NOTICE_WINDOW' && deadline.status === 'PENDING');
  if (windowOpen) triggers.push('CLOSURE_ORDER');
  const breached = (kinds: readonly EnforcementStepKind[]) =>
    file.legalReferrals.some(
      (referral) => kinds.includes(referral.stepKind) && referral.subjectId === subject.id && referral.breaches.length > 0,
    );
  if (breached(['CIVIL_INJUNCTION', 'RESPECT_ORDER'])) triggers.push('INJUNCTION_BREACH');
  if (breached(['CRIMINAL_BEHAVIOUR_ORDER'])) triggers.push('CBO_BREACH');
  return triggers;
}

function ageRefusal(subject: Subject, minimumAge: number, today: LocalDate, title: string): Refusal | undefined {
  if (!subject.dateOfBirth) return refuse('DATE_OF_BIRTH_UNKNOWN', `${subject.name}'s date of birth is not recorded, and a ${title} depends on age`);
  if (ageOn(subject.dateOfBirth, today) >= minimumAge) return undefined;
  const from = birthdayAt(subject.dateOfBirth, minimumAge);
  return refuse('SUBJECT_TOO_YOUNG', `${title} not available until ${from}: ${subject.name} must be ${minimumAge} or over`, from);
}

function cpnRefusal(file: CaseFile, subject: Subject, today: LocalDate): Refusal | undefined {
  const cpw = latest(stepsOn(file, subject.id, 'COMMUNITY_PROTECTION_WARNING'));
  if (!cpw?.complianceDueOn) return refuse('NO_CPW_SERVED', `a CPN needs a Community Protection Warning served on ${subject.name} first`);
  if (compareDates(today, cpw.complianceDueOn) <= 0) {
    const from = addDays(cpw.complianceDueOn, 1);
    return refuse('CPW_COMPLIANCE_PERIOD_RUNNING', `CPN not available until ${from}: the CPW compliance period runs until ${cpw.complianceDueOn}`, from);
  }
  return cpwNotCompliedWith(file, cpw, subject)
    ? undefined
    : refuse('NON_COMPLIANCE_NOT_RECORDED', `the CPW compliance period has ended, but no non-compliance is recorded (a failed compliance check, or a further incident involving ${subject.name} after ${cpw.complianceDueOn})`);
}

export function cpwNotCompliedWith(file: CaseFile, cpw: EnforcementStep, subject: Subject): boolean {
  if (cpw.complied === false) return true;
  return file.incidents.some(
    (incident) => incident.subjectIds.includes(subject.id) && compareDates(londonDateOf(new Date(incident.occurredAt)), cpw.complianceDueOn!) > 0,
  );
}

/** The CPN's breaches not yet met by a fixed penalty or a prosecution. */
export function unfinedBreach(file: CaseFile, subject: Subject): EnforcementStep | undefined {
  const cpn = latest(stepsOn(file, subject.id, 'COMMUNITY_PROTECTION_NOTICE'));
  if (!cpn) return undefined;
  const dealtWith = file.enforcement.filter((step) => step.followsStepId === cpn.id).length;
  return cpn.breaches.length > dealtWith ? cpn : undefined;
}

function breachRefusal(file: CaseFile, subject: Subject): Refusal {
  const cpn = latest(stepsOn(file, subject.id, 'COMMUNITY_PROTECTION_NOTICE'));
  return cpn
    ? refuse('NO_BREACH_RECORDED', `no breach of the CPN served on ${subject.name} is recorded that has not already been dealt with`)
    : refuse('NO_CPN_IN_FORCE', `no Community Protection Notice is in force on ${subject.name}`);
}

function prosecutionRefusal(file: CaseFile, subject: Subject, today: LocalDate, quietDays: number): Refusal | undefined {
  const cpn = latest(stepsOn(file, subject.id, 'COMMUNITY_PROTECTION_NOTICE'));
  if (!cpn) return refuse('NO_CPN_IN_FORCE', `no Community Protection Notice is in force on ${subject.name}`);
  // A breach not yet met by a fixed penalty or a prosecution may be prosecuted now.
  if (unfinedBreach(file, subject)) return undefined;
  const fpn = unprosecutedPenalty(file, cpn);
  if (!fpn) return breachRefusal(file, subject);
  if (fpn.paidAt) return refuse('FPN_PAID', 'the fixed penalty was paid, which discharges liability for that breach');
  const from = addDays(londonDateOf(new Date(fpn.takenAt)), quietDays + 1);
  return compareDates(today, from) < 0
    ? refuse('FPN_PERIOD_RUNNING', `prosecution not available until ${from}: no proceedings for ${quietDays} days after a fixed penalty notice`, from)
    : undefined;
}

/** The latest fixed penalty on this CPN that no prosecution has followed yet. */
export function unprosecutedPenalty(file: CaseFile, cpn: EnforcementStep): EnforcementStep | undefined {
  return latest(
    file.enforcement.filter(
      (step) => step.kind === 'FIXED_PENALTY_NOTICE' && step.followsStepId === cpn.id && !file.enforcement.some((other) => other.kind === 'PROSECUTION' && other.followsStepId === step.id),
    ),
  );
}
