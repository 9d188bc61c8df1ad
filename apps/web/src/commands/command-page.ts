import { randomUUID } from 'node:crypto';
import type { CommandRoute } from '../../../api/src/cases/commands/command-routes';
import { type Answers, answerPairs, answersQuery, type FieldSpec, firstInputId } from '../forms/form-fields';
import { type FormErrors, NO_ERRORS } from '../forms/form-errors';
import { answerInWords, fieldView } from '../forms/form-view';
import type { CommandForm } from './command-forms';

/** The console's address of a command's form: the API's path under the case, its parameters filled in. */
export function commandUrl(reference: string, route: CommandRoute, pathParams: Readonly<Record<string, string>>): string {
  const path = route.path.replace(/:(\w+)/gu, (_, name: string) => encodeURIComponent(pathParams[name] ?? ''));
  return `/cases/${reference}/${path}`;
}

interface PageOf {
  readonly reference: string;
  readonly action: string;
  readonly form: CommandForm;
}

/** The form page: its fields with the answers kept and their errors, and a fresh idempotency key (a double submit acts once). */
export function formPage({ reference, action, form }: PageOf, answers: Answers, errors: FormErrors = NO_ERRORS) {
  const choosing = form.fields.length === 0 && form.choose !== undefined;
  const fields: readonly FieldSpec[] = choosing ? form.choose! : form.fields;
  return {
    pageTitle: form.title,
    pageError: errors.summary.length > 0,
    reference,
    title: form.title,
    action,
    // The step is chosen first: a plain GET to the same address draws its form, with or without JavaScript.
    method: choosing ? 'get' : 'post',
    buttonText: choosing || form.checkAnswers ? 'Continue' : (form.button ?? 'Save'),
    idempotencyKey: randomUUID(),
    errors,
    fields: fields.map((field) => fieldView(field, answers, errors.byField[field.name])),
  };
}

/** "Check your answers": each answer in words with a link back to the form, pre-filled, to change it; the answers ride along hidden. */
export function checkAnswersPage({ reference, action, form }: PageOf, answers: Answers, body: Record<string, unknown>, idempotencyKey: string) {
  const changeHref = `${action}?${answersQuery(answers)}`;
  return {
    pageTitle: `Check your answers: ${form.title}`,
    reference,
    title: form.title,
    action,
    changeHref,
    idempotencyKey,
    carried: answerPairs(answers),
    rows: form.fields
      .filter((field) => field.kind !== 'hidden')
      .map((field) => ({
        key: { text: field.label },
        value: { text: answerInWords(field, body) },
        actions: { items: [{ href: `${changeHref}#${firstInputId(field)}`, text: 'Change', visuallyHiddenText: field.label.toLowerCase() }] },
      })),
  };
}
