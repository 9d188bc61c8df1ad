import type { StaffMember } from '../../../../libs/directory/src';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import type { Answers, Choice, FieldSpec } from '../forms/form-fields';
import { inWords } from '../rendering/words';

/** What a command's form knows when it is drawn: the case as the caller sees it, and the answers so far (a step's kind). */
export interface FormContext {
  readonly view: CaseView;
  readonly answers: Answers;
  /** The part of the case the command names: a step, a referral, an action, a party. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** The staff directory: whom a case may be allocated or transferred to. */
  readonly staff: readonly StaffMember[];
}

export interface CommandForm {
  /** The page's heading, in the words of the person doing it. */
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** The notification banner on the case page once it is done. */
  readonly done: string;
  /** A step with legal weight is sent only after "check your answers". */
  readonly checkAnswers?: boolean;
  /** A question asked before the form itself (which enforcement step): answered, the form follows. */
  readonly choose?: readonly FieldSpec[];
  /** The button's words where "Save" says too little (a form with no questions). */
  readonly button?: string;
  /** Answers a new form starts with (a new party's id). */
  readonly defaults?: Answers;
}

export type FormOf = (context: FormContext) => CommandForm;
export const fixed = (form: CommandForm): FormOf => () => form;

export const choices = (codes: readonly string[]): Choice[] => codes.map((code) => ({ value: code, text: inWords(code) }));
export const yesNo = (name: string, label: string, missing: string): FieldSpec => ({ name, kind: 'yesNo', label, missing });
export const text = (name: string, label: string, hint?: string): FieldSpec => ({ name, kind: 'textarea', label, ...(hint ? { hint } : {}) });
export const reason = (label = 'Why', missing = 'Enter why'): FieldSpec => ({ ...text('reason', label), missing });
export const whenLate = (label = 'When it happened, if earlier than now'): FieldSpec => ({
  name: 'occurredAt',
  kind: 'dateTime',
  label,
  hint: 'Leave empty if it happened just now. For example, 27 11 2026 and 9:30pm.',
});

export const subjectChoices = (view: CaseView): Choice[] => view.subjects.map((subject) => ({ value: subject.id, text: subject.name }));
export const partyChoices = (view: CaseView): Choice[] => [
  ...view.complainants.map((person) => ({ value: person.id, text: person.name, hint: 'Complainant' })),
  ...view.subjects.map((person) => ({ value: person.id, text: person.name, hint: 'Person complained about' })),
  ...view.witnesses.map((person) => ({ value: person.id, text: person.name, hint: 'Witness' })),
];
