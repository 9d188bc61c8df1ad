import { addDays, addMonths, ageOn, type LocalDate, londonDateOf } from '../../calendar';
import { addWorkingDays } from '../../working-days';
import { type Deadline, deadlineAt, deadlineOn } from '../../deadline';
import { ruleOn } from '../../policy/statutory-rules';
import { changed, nextDeadlineId, resolvePending } from '../change';
import type { LegalReferral } from '../legal';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../state';
import { commandRefusal, situationRefusal, unfinedBreach, unprosecutedPenalty } from './preconditions';
import { cpnAppealWindow } from './cpn-appeal-window';
import { fpnPaymentPeriod } from './fpn-payment-period';
import { ENFORCEMENT_STEPS, type EnforcementStep, type RecordEnforcementStepCommand } from './steps';

const HOUR_MS = 3_600_000;

export function enforcementStepRefusal(file: CaseFile, command: RecordEnforcementStepCommand, ctx: CommandContext): Refusal | undefined {
  return situationRefusal(file, command.kind, command.subjectId, ctx) ?? commandRefusal(file, command, ctx);
}

/** Records a step and plans what it starts: compliance periods, appeal windows, legal referral deadlines. */
export function recordEnforcementStep(file: CaseFile, command: RecordEnforcementStepCommand, ctx: CommandContext): CaseChange {
  const { now, actor } = ctx;
  const today = londonDateOf(now);
  const policy = file.policy.local;
  const statutory = file.policy.statutory;
  const { level, title } = ENFORCEMENT_STEPS[command.kind];
  const id = `step-${file.enforcement.length + 1}`;
  const subject = file.subjects.find((candidate) => candidate.id === command.subjectId);
  const deadlines: Deadline[] = [];
  /** A prosecution brought on an unpaid penalty is the decision that penalty's deadline asked for. */
  let decided: string | undefined;
  const plan = (kind: Deadline['kind'], reason: string, dueOn: LocalDate) =>
    deadlines.push(deadlineOn({ id: nextDeadlineId(file, kind, deadlines), kind, reason, stepId: id, ...(subject ? { subjectId: subject.id } : {}) }, dueOn, now));
  const planAt = (kind: Deadline['kind'], reason: string, dueAt: Date) =>
    deadlines.push(deadlineAt({ id: nextDeadlineId(file, kind, deadlines), kind, reason, stepId: id, ...(subject ? { subjectId: subject.id } : {}) }, dueAt, now));

  let step: EnforcementStep = {
    id,
    kind: command.kind,
    level,
    ...(subject ? { subjectId: subject.id } : {}),
    takenAt: now.toISOString(),
    takenBy: actor,
    breaches: [],
    ...(command.notes ? { notes: command.notes } : {}),
    ...(command.skipReason ? { skipReason: command.skipReason } : {}),
  };

  switch (command.kind) {
    case 'WRITTEN_WARNING':
      plan('COMPLIANCE_CHECK', `compliance check ${policy.writtenWarningComplianceDays} days after a written warning`, addDays(today, policy.writtenWarningComplianceDays));
      break;
    case 'TENANCY_WARNING':
      plan('COMPLIANCE_CHECK', `compliance check ${policy.tenancyWarningComplianceDays} days after a tenancy warning`, addDays(today, policy.tenancyWarningComplianceDays));
      break;
    case 'ACCEPTABLE_BEHAVIOUR_CONTRACT':
      plan('ABC_REVIEW', `an Acceptable Behaviour Contract is reviewed at ${policy.acceptableBehaviourContractReviewMonths} months`, addMonths(today, policy.acceptableBehaviourContractReviewMonths));
      plan('ABC_END', `an Acceptable Behaviour Contract runs ${policy.acceptableBehaviourContractMonths} months`, addMonths(today, policy.acceptableBehaviourContractMonths));
      break;
    case 'COMMUNITY_PROTECTION_WARNING': {
      const days = command.complianceDays ?? policy.communityProtectionWarningComplianceDays;
      const dueOn = addDays(today, days);
      step = { ...step, complianceDueOn: dueOn };
      plan('CPW_COMPLIANCE', `the warning gives ${days} days to comply`, dueOn);
      break;
    }
    case 'COMMUNITY_PROTECTION_NOTICE': {
      const window = cpnAppealWindow(today, statutory);
      step = { ...step, requirements: command.requirements ?? [] };
      plan('CPN_APPEAL_WINDOW', `${window.days}-day appeal window, the day of issue counted as day 1`, window.endsOn);
      for (const requirement of command.requirements ?? []) plan('CPN_REQUIREMENT', `CPN requirement: ${requirement.text}`, requirement.dueOn);
      break;
    }
    case 'FIXED_PENALTY_NOTICE': {
      const cpn = subject ? unfinedBreach(file, subject) : undefined;
      const period = fpnPaymentPeriod(today, statutory);
      step = { ...step, amountPounds: command.amountPounds!, ...(cpn ? { followsStepId: cpn.id } : {}) };
      plan('FPN_PAYMENT', `${period.days} days to pay the £${command.amountPounds} fixed penalty; no prosecution meanwhile`, period.endsOn);
      break;
    }
    case 'PROSECUTION': {
      // For a breach no penalty has met, the prosecution follows the CPN; otherwise the unpaid penalty.
      const unfined = subject ? unfinedBreach(file, subject) : undefined;
      const cpn = file.enforcement.filter((candidate) => candidate.kind === 'COMMUNITY_PROTECTION_NOTICE' && candidate.subjectId === subject?.id).at(-1);
      const follows = unfined ?? (cpn ? unprosecutedPenalty(file, cpn) : undefined) ?? cpn;
      step = { ...step, ...(follows ? { followsStepId: follows.id } : {}) };
      decided = follows?.kind === 'FIXED_PENALTY_NOTICE' ? follows.id : undefined;
      break;
    }
    case 'CLOSURE_NOTICE': {
      const hours = ruleOn(statutory.closureNoticeHours, today);
      const lasts = command.extendedTo48Hours ? hours.extended : hours.standard;
      const hearingWithin = ruleOn(statutory.closureOrderHearingHours, today);
      step = { ...step, premises: command.premises!, issuedBy: command.issuedBy!, extended: Boolean(command.extendedTo48Hours) };
      planAt('CLOSURE_NOTICE_EXPIRY', `a closure notice lasts ${lasts} hours${command.extendedTo48Hours ? ` (extended, signed off by ${command.seniorSignOffBy})` : ''}`, new Date(now.getTime() + lasts * HOUR_MS));
      planAt('CLOSURE_ORDER_HEARING', `a closure order application must be heard within ${hearingWithin} hours of the notice being served`, new Date(now.getTime() + hearingWithin * HOUR_MS));
      break;
    }
    case 'NOTICE_OF_SEEKING_POSSESSION': {
      const days = ruleOn(statutory.tenantReviewRequestDays, today);
      step = { ...step, trigger: command.trigger! };
      plan('TENANT_REVIEW_REQUEST', `the tenant may ask for a review within ${days} days`, addDays(today, days));
      break;
    }
    default:
      break;
  }

  let legalReferrals = file.legalReferrals;
  if (level === 5) {
    const referral: LegalReferral = {
      id: `legal-${file.legalReferrals.length + 1}`,
      stepId: id,
      stepKind: command.kind,
      ...(subject ? { subjectId: subject.id } : {}),
      status: 'REFERRED',
      referredAt: now.toISOString(),
      youth: Boolean(subject?.dateOfBirth && ageOn(subject.dateOfBirth, today) < 18),
      breaches: [],
    };
    step = { ...step, legalReferralId: referral.id };
    legalReferrals = [...legalReferrals, referral];
    plan('LEGAL_ACKNOWLEDGEMENT', `the legal team acknowledges a referral within ${policy.legalAcknowledgementWorkingDays} working days`, addWorkingDays(today, policy.legalAcknowledgementWorkingDays));
    plan('LEGAL_DECISION', `the legal team decides on a referral within ${policy.legalDecisionWorkingDays} working days`, addWorkingDays(today, policy.legalDecisionWorkingDays));
  }

  const against = subject ? ` against ${subject.name}` : command.premises ? ` on ${command.premises}` : '';
  return changed(
    file,
    {
      stage: file.stage === 'ALLOCATED' ? 'ACTIVE' : file.stage,
      enforcement: [...file.enforcement, step],
      legalReferrals,
      deadlines: [
        ...(decided ? resolvePending(file.deadlines, (d) => d.kind === 'PROSECUTION_DECISION' && d.stepId === decided, 'MET', `prosecution brought by ${actor}`, now) : file.deadlines),
        ...deadlines,
      ],
    },
    [
      {
        kind: 'ENFORCEMENT_STEP_RECORDED',
        at: now.toISOString(),
        actor,
        summary: `${title} (level ${level})${against}${command.skipReason ? `, skipping levels: ${command.skipReason}` : ''}`,
        data: { stepId: id, kind: command.kind, level, subjectId: subject?.id ?? null, deadlines: deadlines.map((d) => ({ id: d.id, kind: d.kind, dueOn: d.dueOn })) },
      },
      ...(level === 5
        ? [{ kind: 'LEGAL_REFERRAL_MADE', at: now.toISOString(), actor, summary: `Referred to the legal team: ${title}${against}`, data: { referralId: legalReferrals.at(-1)!.id } }]
        : []),
    ],
  );
}
