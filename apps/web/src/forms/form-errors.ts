import type { z } from 'zod';
import { REFUSAL_CONDITIONS, type RefusalCondition } from '../../../../libs/domain/src';
import { sentenceInWords } from '../rendering/sentence-in-words';
import { type FieldSpec, firstInputId } from './form-fields';

/** What a form shows when it is not accepted: GOV.UK's error summary (each linking to its field) and each field's own message. */
export interface FormErrors {
  readonly summary: readonly { readonly text: string; readonly href?: string }[];
  readonly byField: Readonly<Record<string, string>>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/** The field a body path belongs to: itself, or the nearest field it sits inside (`requirements.0.dueOn` → requirements). */
function fieldAt(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  return fields.find((field) => field.name === path) ?? fields.find((field) => path.startsWith(`${field.name}.`));
}

function messageFor(field: FieldSpec | undefined, issue: { code: string; message: string; input?: unknown; minimum?: unknown; maximum?: unknown }): string {
  const label = field?.label ?? 'An answer';
  const missing = field?.missing ?? `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  if (issue.input === undefined || issue.input === '' || issue.message === 'must not be blank') return missing;
  if (issue.code === 'invalid_value' || issue.code === 'invalid_type') return missing;
  if (issue.code === 'too_big') return `${label} must be ${String(issue.maximum)} or less`;
  if (issue.code === 'too_small') return `${label} must be ${String(issue.minimum)} or more`;
  return `${label} ${sentenceInWords(issue.message).replace(/^./u, (first) => first.toLowerCase())}`;
}

/** Each field's errors in the order the form asks its questions, the first per field kept. */
function collect(fields: readonly FieldSpec[], found: readonly { field: FieldSpec | undefined; text: string }[]): FormErrors {
  const byField: Record<string, string> = {};
  const loose: { text: string }[] = [];
  for (const { field, text } of found) {
    if (!field) loose.push({ text });
    else byField[field.name] ??= text;
  }
  const summary = fields.filter((field) => byField[field.name]).map((field) => ({ text: byField[field.name]!, href: `#${firstInputId(field)}` }));
  return { summary: [...summary, ...loose], byField };
}

export function errorsOfIssues(fields: readonly FieldSpec[], unreadable: readonly { name: string; message: string }[], issues: readonly z.core.$ZodIssue[]): FormErrors {
  const unreadableNames = new Set(unreadable.map((item) => item.name));
  return collect(fields, [
    ...unreadable.map(({ name, message }) => ({ field: fieldAt(fields, name), text: message })),
    ...issues
      .map((issue) => ({ issue, field: fieldAt(fields, issue.path.map(String).join('.')) }))
      // A date that could not be read is said once, not again as missing.
      .filter(({ field }) => !field || !unreadableNames.has(field.name))
      .map(({ issue, field }) => ({ field, text: messageFor(field, issue as never) })),
  ]);
}

/** The API's answer when it refuses (a problem with `condition`, or with `errors` for fields) as the form's errors. */
export function errorsOfProblem(fields: readonly FieldSpec[], problem: { condition?: string; detail?: string; errors?: readonly { field: string; message: string }[] }): FormErrors {
  if (problem.errors?.length) {
    return collect(
      fields,
      problem.errors.map((error) => {
        const field = fieldAt(fields, error.field);
        return { field, text: messageFor(field, { code: 'custom', message: error.message, input: 'given' }) };
      }),
    );
  }
  const sentence = problem.condition && problem.condition in REFUSAL_CONDITIONS ? REFUSAL_CONDITIONS[problem.condition as RefusalCondition] : undefined;
  const detail = problem.detail ? sentenceInWords(problem.detail) : undefined;
  return { summary: [sentence, detail].filter((text): text is string => Boolean(text)).map((text) => ({ text })), byField: {} };
}
