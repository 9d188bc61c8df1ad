import { londonDateOf, type LocalDate } from '../calendar';
import type { CaseFileParts } from '../case-file/summary-share';
import { cpnAppealWindow } from '../case-file/enforcement/cpn-appeal-window';
import { fpnPaymentPeriod } from '../case-file/enforcement/fpn-payment-period';
import type { EnforcementStep } from '../case-file/enforcement/steps';
import { type DocumentKind, documentTemplateOn } from '../policy/document-templates';
import { ruleOn, type StatutoryRules } from '../policy/statutory-rules';
import { dateInWords } from './dates-in-words';
import type { DocumentIncomplete, FilledDocument, FilledSection } from './filled-document';

/** Which notice, for which recorded step of which case. */
export interface DocumentRequest {
  readonly kind: DocumentKind;
  readonly stepId: string;
}

export interface DocumentSource {
  readonly reference: string;
  readonly parts: Pick<CaseFileParts, 'subjects' | 'enforcement'>;
  readonly statutory: StatutoryRules;
}

/** The step each notice is the paper of. */
const STEP_OF: Record<DocumentKind, EnforcementStep['kind']> = {
  COMMUNITY_PROTECTION_WARNING: 'COMMUNITY_PROTECTION_WARNING',
  COMMUNITY_PROTECTION_NOTICE: 'COMMUNITY_PROTECTION_NOTICE',
  FIXED_PENALTY_NOTICE: 'FIXED_PENALTY_NOTICE',
};

type Values = Readonly<Record<string, string | readonly string[]>>;

/**
 * Fills a notice's template from the case file, or says which field the law needs that the file
 * lacks. Dated by the step's true moment (a late entry's `takenAt`), so a notice served last week is
 * worded, and its windows counted, as on the day it was served.
 */
export function fillDocument(source: DocumentSource, request: DocumentRequest): { document: FilledDocument } | { incomplete: DocumentIncomplete } {
  const step = source.parts.enforcement.find((candidate) => candidate.id === request.stepId);
  if (!step || step.kind !== STEP_OF[request.kind]) {
    return incomplete('stepId', `a ${STEP_OF[request.kind]} step with id ${request.stepId} is not on case ${source.reference}`);
  }
  const subject = source.parts.subjects.find((candidate) => candidate.id === step.subjectId);
  if (!subject) return incomplete('subjectId', 'a notice is issued to a person: the step names no subject of the case');
  const issuedOn = londonDateOf(new Date(step.takenAt));
  const common = { subjectName: subject.name, reference: source.reference, issuedOn: dateInWords(issuedOn) };
  const values =
    request.kind === 'COMMUNITY_PROTECTION_WARNING'
      ? warningValues(step, issuedOn)
      : request.kind === 'COMMUNITY_PROTECTION_NOTICE'
        ? noticeValues(step, issuedOn, source.statutory)
        : penaltyValues(step, issuedOn, source);
  if ('incomplete' in values) return values;

  const template = documentTemplateOn(request.kind, issuedOn);
  return {
    document: {
      kind: request.kind,
      templateVersion: template.version,
      title: template.title,
      authority: template.authority,
      language: 'en-GB',
      sections: template.sections.map((section) => ({ heading: section.heading, blocks: section.paragraphs.map((text) => filled(text, { ...template.constants, ...common, ...values.values })) })),
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

function noticeValues(step: EnforcementStep, issuedOn: LocalDate, statutory: StatutoryRules): { values: Values } | { incomplete: DocumentIncomplete } {
  if (!step.requirements?.length) return incomplete('requirements', 'a Community Protection Notice states at least one requirement, each with the date by which it must be met');
  // s.46(2): the window begins on the day the person is given the notice. Until its service is
  // recorded, the notice counts from the day of issue and says so.
  const servedOn = step.service ? londonDateOf(new Date(step.service.servedAt)) : undefined;
  const appeal = cpnAppealWindow(servedOn ?? issuedOn, statutory);
  return {
    values: {
      requirements: step.requirements.map((requirement) => `${requirement.text} By ${dateInWords(requirement.dueOn)}.`),
      appealWindowDays: String(appeal.days),
      appealEnds: servedOn
        ? `You were given it on ${dateInWords(servedOn)}, so the last day to appeal is ${dateInWords(appeal.endsOn)}.`
        : `If you were given it on the day it was issued, the last day to appeal is ${dateInWords(appeal.endsOn)}.`,
      fixedPenaltyMaximumPounds: String(ruleOn(statutory.fixedPenaltyMaximumPounds, issuedOn)),
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
  return {
    values: {
      noticeIssuedOn: dateInWords(londonDateOf(new Date(notice.takenAt))),
      breachOn: dateInWords(londonDateOf(new Date(breach.at))),
      breach: breach.description,
      amountPounds: String(step.amountPounds),
      paymentDays: String(period.days),
      paymentEndsOn: dateInWords(period.endsOn),
    },
  };
}

/** One paragraph of a template with its placeholders filled; a placeholder standing alone for a list becomes the list. */
function filled(text: string, values: Values): FilledSection['blocks'][number] {
  const alone = /^\{(\w+)\}$/.exec(text);
  const whole = alone ? values[alone[1] as string] : undefined;
  if (Array.isArray(whole)) return { list: whole };
  return {
    paragraph: text.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = values[name];
      if (typeof value !== 'string') throw new RangeError(`template placeholder {${name}} has no single value`);
      return value;
    }),
  };
}

function incomplete(missing: string, message: string): { incomplete: DocumentIncomplete } {
  return { incomplete: { missing, message } };
}
