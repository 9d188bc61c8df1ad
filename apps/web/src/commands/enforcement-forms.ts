import {
  type CaseCommandName,
  CLOSURE_NOTICE_ISSUERS,
  ENFORCEMENT_STEPS,
  type EnforcementStepKind,
  POSSESSION_TRIGGERS,
  SERVICE_METHODS,
} from '../../../../libs/domain/src';
import type { FieldSpec } from '../forms/form-fields';
import { choices, type CommandForm, fixed, type FormContext, type FormOf, reason, subjectChoices, text, whenLate, yesNo } from './form-kit';

/** What a step asks for besides the subject and notes (libs/domain enforcement preconditions). */
const STEP_FIELDS: Partial<Record<EnforcementStepKind, FieldSpec[]>> = {
  COMMUNITY_PROTECTION_WARNING: [
    { name: 'conductConfirmed', kind: 'checkbox', label: 'The conduct', checkboxText: 'The conduct is persistent, unreasonable and harms the quality of life of those nearby' },
    { name: 'complianceDays', kind: 'number', label: 'Days to comply', hint: 'Leave empty for the partnership’s usual period.' },
  ],
  COMMUNITY_PROTECTION_NOTICE: [{ name: 'requirements', kind: 'requirements', label: 'What the notice requires', hint: 'Each requirement with the date it must be met by.' }],
  FIXED_PENALTY_NOTICE: [{ name: 'amountPounds', kind: 'number', label: 'Amount in pounds', missing: 'Enter the amount of the fixed penalty' }],
  ACCEPTABLE_BEHAVIOUR_CONTRACT: [{ name: 'subjectAgreed', kind: 'checkbox', label: 'Agreement', checkboxText: 'The person agreed to the contract and signed it' }],
  CIVIL_INJUNCTION: [{ name: 'youthOffendingTeamConsultedOn', kind: 'date', label: 'When the youth offending team was consulted', hint: 'Only for someone under 18. For example, 27 11 2026.' }],
  CLOSURE_NOTICE: [
    { name: 'premises', kind: 'text', label: 'Premises' },
    { name: 'issuedBy', kind: 'radios', label: 'Who issued the notice', choices: choices(CLOSURE_NOTICE_ISSUERS) },
    { name: 'extendedTo48Hours', kind: 'checkbox', label: 'Extension', checkboxText: 'Extended to 48 hours' },
    { name: 'seniorSignOffBy', kind: 'text', label: 'Who signed off the extension' },
  ],
  NOTICE_OF_SEEKING_POSSESSION: [{ name: 'trigger', kind: 'radios', label: 'What entitles the council to the absolute ground', choices: choices(POSSESSION_TRIGGERS) }],
};

/** A step's own fields, the notes every step takes, and the reason a skipped level needs. */
function stepFields(kind: EnforcementStepKind): FieldSpec[] {
  const level = ENFORCEMENT_STEPS[kind].level;
  const own = STEP_FIELDS[kind] ?? [];
  return [
    ...own,
    text('notes', 'Notes (optional)', 'How and when it was served, and anything the legal team should know.'),
    ...(level > 1 ? [text('skipReason', 'Why a level is skipped (optional)', 'Needed only when this step is more than one level above the person’s last step.')] : []),
    whenLate('When it was served, if earlier than now'),
  ];
}

function enforcementStep({ view, answers }: FormContext): CommandForm {
  const kind = typeof answers.kind === 'string' && answers.kind in ENFORCEMENT_STEPS ? (answers.kind as EnforcementStepKind) : undefined;
  const subject = view.subjects.find((person) => person.id === answers.subjectId);
  const choose: FieldSpec[] = [
    { name: 'kind', kind: 'radios', label: 'Which step', missing: 'Select the step', choices: Object.entries(ENFORCEMENT_STEPS).map(([value, step]) => ({ value, text: step.title })) },
    ...(view.subjects.length > 0 ? [{ name: 'subjectId', kind: 'radios', label: 'Against whom', missing: 'Select the person', choices: subjectChoices(view) } as FieldSpec] : []),
  ];
  if (!kind) return { title: 'Take an enforcement step', fields: [], choose, done: '' };
  const title = ENFORCEMENT_STEPS[kind].title;
  return {
    title: subject ? `${title} against ${subject.name}` : title,
    fields: [{ name: 'kind', kind: 'hidden', label: 'Step' }, ...(subject ? [{ name: 'subjectId', kind: 'hidden', label: 'Against whom' } as FieldSpec] : []), ...stepFields(kind)],
    done: `${title} recorded`,
    // A warning or notice the court may see, and any step that refers the case to the legal team.
    checkAnswers: kind === 'COMMUNITY_PROTECTION_WARNING' || kind === 'COMMUNITY_PROTECTION_NOTICE' || ENFORCEMENT_STEPS[kind].level >= 5,
  };
}

/** The enforcement ladder's forms: each step, and what follows it (compliance, breach, payment, prosecution). */
export const ENFORCEMENT_FORMS: Partial<Record<CaseCommandName, FormOf>> = {
  recordEnforcementStep: enforcementStep,
  recordComplianceCheck: fixed({
    title: 'Record a compliance check',
    fields: [yesNo('complied', 'Did they comply?', 'Select yes if they complied'), { ...text('notes', 'What you found'), missing: 'Enter what you found' }, whenLate('When you checked, if earlier than now')],
    done: 'Compliance check recorded',
  }),
  recordBreach: fixed({
    title: 'Record a breach of the Community Protection Notice',
    fields: [
      { name: 'description', kind: 'textarea', label: 'What happened', missing: 'Enter what happened' },
      { name: 'occurredAt', kind: 'dateTime', label: 'When it happened', hint: 'For example, 12 12 2026 and 1am.', missing: 'Enter when the breach happened' },
    ],
    done: 'Breach recorded',
  }),
  recordService: fixed({
    title: 'Record that the notice was served',
    fields: [
      { name: 'method', kind: 'radios', label: 'How it was served', missing: 'Select how it was served', choices: choices(SERVICE_METHODS) },
      { name: 'servedBy', kind: 'text', label: 'Who served it', hint: 'An officer, or the name of a process server.', missing: 'Enter who served it' },
      whenLate('When it was served, if earlier than now'),
    ],
    done: 'Service recorded',
  }),
  recordFixedPenaltyPayment: fixed({ title: 'Record payment of the fixed penalty', fields: [whenLate('When it was paid, if earlier than now')], done: 'Payment recorded' }),
  recordProsecutionDecision: fixed({
    title: 'Decide on prosecuting the unpaid fixed penalty',
    fields: [yesNo('prosecute', 'Will the council prosecute?', 'Select yes if the council will prosecute'), reason()],
    done: 'Prosecution decision recorded',
  }),
  recordContractReview: fixed({ title: 'Review the Acceptable Behaviour Contract', fields: [{ ...text('notes', 'What the review found'), missing: 'Enter what the review found' }], done: 'Contract review recorded' }),
  recordConviction: ({ view }) => ({
    title: 'Record a conviction',
    fields: [
      { name: 'subjectId', kind: 'radios', label: 'Who was convicted', missing: 'Select who was convicted', choices: subjectChoices(view) },
      { name: 'offence', kind: 'text', label: 'Offence', missing: 'Enter the offence' },
      { name: 'convictedOn', kind: 'date', label: 'Date of conviction', hint: 'For example, 2 11 2026.', missing: 'Enter the date of conviction' },
    ],
    done: 'Conviction recorded',
  }),
};
