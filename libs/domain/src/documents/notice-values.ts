import { addDays, addMonths, type LocalDate } from '../calendar';
import { cpnAppealWindow } from '../case-file/enforcement/cpn-appeal-window';
import { fpnEarlyPayment, fpnPaymentPeriod } from '../case-file/enforcement/fpn-payment-period';
import type { EnforcementStep } from '../case-file/enforcement/steps';
import { ruleOn } from '../policy/statutory-rules';
import { dateInWords, dayOf, momentInWords } from './dates-in-words';
import { type DocumentSource, type Filling, incomplete, type Values } from './document-source';
import type { DocumentIncomplete } from './filled-document';

type Filled = Filling | { incomplete: DocumentIncomplete };

const HOUR_MS = 3_600_000;

/** The values of a step's notice: served on its subject, except a closure notice, which is on premises. */
export function stepNoticeValues(step: EnforcementStep, source: DocumentSource): Filled {
  const issued = dayOf(step.takenAt);
  if (step.kind === 'CLOSURE_NOTICE') return closureNoticeValues(step, issued.on, source);
  const subject = source.parts.subjects.find((candidate) => candidate.id === step.subjectId);
  if (!subject) return incomplete('subjectId', 'a notice is issued to a person: the step names no subject of the case');
  const values = stepValues(step, issued.on, source);
  if ('incomplete' in values) return values;
  return { on: issued.on, values: { subjectName: subject.name, issuedOn: issued.inWords, ...values.values } };
}

function stepValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): { values: Values } | { incomplete: DocumentIncomplete } {
  switch (step.kind) {
    case 'WRITTEN_WARNING':
      return writtenWarningValues(step, issuedOn, source);
    case 'ACCEPTABLE_BEHAVIOUR_CONTRACT':
      return contractValues(step, issuedOn, source);
    case 'COMMUNITY_PROTECTION_WARNING':
      return warningValues(step, issuedOn);
    case 'COMMUNITY_PROTECTION_NOTICE':
      return noticeValues(step, issuedOn, source);
    default:
      return penaltyValues(step, issuedOn, source);
  }
}

function writtenWarningValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): { values: Values } | { incomplete: DocumentIncomplete } {
  if (!step.notes) return incomplete('notes', 'a written warning states the behaviour it is about: record it in the step’s notes');
  const days = source.local.writtenWarningComplianceDays;
  return { values: { conduct: step.notes, checkDays: String(days), checkOn: dateInWords(addDays(issuedOn, days)) } };
}

function contractValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): { values: Values } | { incomplete: DocumentIncomplete } {
  if (!step.notes) return incomplete('notes', 'an Acceptable Behaviour Contract states the terms the subject agreed to: record them in the step’s notes');
  const months = source.local.acceptableBehaviourContractMonths;
  return {
    values: {
      terms: step.notes,
      contractMonths: String(months),
      endsOn: dateInWords(addMonths(issuedOn, months)),
      reviewOn: dateInWords(addMonths(issuedOn, source.local.acceptableBehaviourContractReviewMonths)),
    },
  };
}

function warningValues(step: EnforcementStep, issuedOn: LocalDate): { values: Values } | { incomplete: DocumentIncomplete } {
  // s.43(5): the warning states the conduct. Until the step records it in a field of its own, the
  // officer's notes on the step are where it is written.
  if (!step.notes) return incomplete('notes', 'a Community Protection Warning states the conduct it is about: record it in the step’s notes');
  if (!step.complianceDueOn) return incomplete('complianceDueOn', 'a Community Protection Warning states the period the subject has to stop the conduct');
  const days = Math.round((Date.parse(step.complianceDueOn) - Date.parse(issuedOn)) / 86_400_000);
  return { values: { conduct: step.notes, complianceDueOn: dateInWords(step.complianceDueOn), complianceDays: String(days) } };
}

function noticeValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): { values: Values } | { incomplete: DocumentIncomplete } {
  if (!step.requirements?.length) return incomplete('requirements', 'a Community Protection Notice states at least one requirement, each with the date by which it must be met');
  // s.46(2): the window begins on the day the person is given the notice. Until its service is
  // recorded, the notice counts from the day of issue and says so.
  const servedOn = step.service ? dayOf(step.service.servedAt).on : undefined;
  const appeal = cpnAppealWindow(servedOn ?? issuedOn, source.statutory);
  return {
    values: {
      requirements: step.requirements.map((requirement) => `${requirement.text} By ${dateInWords(requirement.dueOn)}.`),
      appealWindowDays: String(appeal.days),
      appealEnds: servedOn
        ? `You were given it on ${dateInWords(servedOn)}, so the last day to appeal is ${dateInWords(appeal.endsOn)}.`
        : `If you were given it on the day it was issued, the last day to appeal is ${dateInWords(appeal.endsOn)}.`,
      fixedPenaltyMaximumPounds: String(ruleOn(source.statutory.fixedPenaltyMaximumPounds, issuedOn)),
    },
  };
}

function penaltyValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): { values: Values } | { incomplete: DocumentIncomplete } {
  if (step.amountPounds === undefined) return incomplete('amountPounds', 'a fixed penalty notice states the amount of the penalty');
  const notice = source.parts.enforcement.find((candidate) => candidate.id === step.followsStepId && candidate.kind === 'COMMUNITY_PROTECTION_NOTICE');
  if (!notice) return incomplete('followsStepId', 'a fixed penalty notice is for the breach of a Community Protection Notice on the case');
  // Breaches are met in the order they were recorded: the n-th step taken on a notice meets its n-th breach.
  const nth = source.parts.enforcement.filter((candidate) => candidate.followsStepId === notice.id).findIndex((candidate) => candidate.id === step.id);
  const breach = notice.breaches[nth];
  if (!breach) return incomplete('breaches', 'a fixed penalty notice gives the circumstances of the breach it is for: record the breach of the notice');
  const period = fpnPaymentPeriod(issuedOn, source.statutory);
  const early = fpnEarlyPayment(issuedOn, step.amountPounds, source.policyVersions);
  return {
    values: {
      noticeIssuedOn: dayOf(notice.takenAt).inWords,
      breachOn: dayOf(breach.at).inWords,
      breach: breach.description,
      amountPounds: String(step.amountPounds),
      paymentDays: String(period.days),
      paymentEndsOn: dateInWords(period.endsOn),
      ...(early ? { earlyAmountPounds: String(early.amountPounds), earlyDays: String(early.days), earlyEndsOn: dateInWords(early.endsOn) } : {}),
    },
  };
}

/**
 * s.76(6): a closure notice identifies the premises, says what it prohibits and for how long, that
 * breaking it is an offence, when and where the application for a closure order is heard, what such
 * an order does, and where to get advice (the template's constants).
 */
function closureNoticeValues(step: EnforcementStep, issuedOn: LocalDate, source: DocumentSource): Filled {
  if (!step.premises) return incomplete('premises', 'a closure notice identifies the premises it closes');
  const hearing = source.parts.legalReferrals.find((referral) => referral.stepId === step.id)?.hearing;
  if (!hearing) return incomplete('hearing', 'a closure notice states when and where the application for a closure order will be heard: list the hearing on its legal referral');
  const servedAt = Date.parse(step.service?.servedAt ?? step.takenAt);
  const hearingWithin = ruleOn(source.statutory.closureOrderHearingHours, issuedOn);
  if (Date.parse(hearing.at) > servedAt + hearingWithin * HOUR_MS) {
    return incomplete('hearing', `the application for a closure order is heard within ${hearingWithin} hours of the notice being served (section 81(3)): the hearing listed is later`);
  }
  const hours = ruleOn(source.statutory.closureNoticeHours, issuedOn);
  const lasts = step.extended ? hours.extended : hours.standard;
  const byPolice = step.issuedBy === 'POLICE_INSPECTOR';
  const order = ruleOn(source.statutory.closureOrderMaximumMonths, issuedOn);
  return {
    on: issuedOn,
    values: {
      premises: step.premises,
      issuer: byPolice ? 'a police officer of the rank of inspector or above' : 'the council',
      issuedAt: momentInWords(new Date(step.takenAt)),
      hours: String(lasts),
      endsAt: momentInWords(new Date(Date.parse(step.takenAt) + lasts * HOUR_MS)),
      extension: step.extended ? ` It lasts ${lasts} hours because ${byPolice ? 'a police superintendent' : 'the council’s chief executive'} authorised it (section 77 of the Act).` : '',
      hearingAt: momentInWords(new Date(hearing.at)),
      orderMonths: String(order.initial),
      orderTotalMonths: String(order.total),
    },
  };
}
