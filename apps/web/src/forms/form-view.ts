import { displayDate, displayDateTime } from '../rendering/dates';
import { type Answers, type FieldSpec, fieldId, REQUIREMENT_ROWS } from './form-fields';

/** A field as the view draws it: which GOV.UK macro, and its parameters with the answer and the error in place. */
export interface FieldView {
  readonly macro: 'input' | 'textarea' | 'radios' | 'checkboxes' | 'dateInput' | 'dateTime' | 'requirements' | 'hidden';
  readonly params: Record<string, unknown>;
}

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const all = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);

const label = (field: FieldSpec) => ({ text: field.label, classes: 'govuk-label--s' });
const legend = (field: FieldSpec) => ({ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } });
const hint = (field: FieldSpec) => (field.hint ? { hint: { text: field.hint } } : {});
const error = (message: string | undefined) => (message ? { errorMessage: { text: message } } : {});

function dateItems(answers: Answers, prefix: string, hasError: boolean) {
  const errorClass = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', label: 'Day', classes: `govuk-input--width-2${errorClass}`, value: one(answers[`${prefix}-day`]) },
    { name: 'month', label: 'Month', classes: `govuk-input--width-2${errorClass}`, value: one(answers[`${prefix}-month`]) },
    { name: 'year', label: 'Year', classes: `govuk-input--width-4${errorClass}`, value: one(answers[`${prefix}-year`]) },
  ];
}

export function fieldView(field: FieldSpec, answers: Answers, errorMessage: string | undefined): FieldView {
  const id = fieldId(field.name);
  const value = one(answers[field.name]);
  switch (field.kind) {
    case 'hidden':
      return { macro: 'hidden', params: { name: field.name, value } };
    case 'text':
      return { macro: 'input', params: { id, name: field.name, label: label(field), ...hint(field), value, ...error(errorMessage) } };
    case 'number':
      return { macro: 'input', params: { id, name: field.name, label: label(field), ...hint(field), value, inputmode: 'numeric', classes: 'govuk-input--width-5', ...error(errorMessage) } };
    case 'textarea':
      return { macro: 'textarea', params: { id, name: field.name, label: label(field), ...hint(field), value, rows: 4, ...error(errorMessage) } };
    case 'radios':
    case 'yesNo': {
      const choices = field.kind === 'yesNo' ? [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }] : (field.choices ?? []);
      const items = choices.map((choice) => ({ value: choice.value, text: choice.text, ...(choice.hint ? { hint: { text: choice.hint } } : {}), checked: choice.value === value }));
      return { macro: 'radios', params: { idPrefix: id, name: field.name, fieldset: legend(field), ...hint(field), items, ...(field.kind === 'yesNo' ? { classes: 'govuk-radios--inline' } : {}), ...error(errorMessage) } };
    }
    case 'checkbox':
      return { macro: 'checkboxes', params: { idPrefix: id, name: field.name, fieldset: legend(field), ...hint(field), items: [{ value: 'yes', text: field.checkboxText ?? field.label, checked: value === 'yes' }], ...error(errorMessage) } };
    case 'checkboxes': {
      const chosen = all(answers[field.name]);
      const items = (field.choices ?? []).map((choice) => ({ value: choice.value, text: choice.text, checked: chosen.includes(choice.value) }));
      return { macro: 'checkboxes', params: { idPrefix: id, name: field.name, fieldset: legend(field), ...hint(field), items, ...error(errorMessage) } };
    }
    case 'date':
      return { macro: 'dateInput', params: { id, namePrefix: field.name, fieldset: legend(field), ...hint(field), items: dateItems(answers, field.name, Boolean(errorMessage)), ...error(errorMessage) } };
    case 'dateTime':
      return {
        macro: 'dateTime',
        params: {
          legend: field.label,
          ...hint(field),
          ...error(errorMessage),
          date: { id, namePrefix: field.name, items: dateItems(answers, field.name, Boolean(errorMessage)) },
          time: { id: `${id}-time`, name: `${field.name}-time`, label: { text: 'Time' }, hint: { text: 'For example, 9:30pm or 21:30.' }, value: one(answers[`${field.name}-time`]), classes: `govuk-input--width-5${errorMessage ? ' govuk-input--error' : ''}` },
        },
      };
    case 'requirements':
      return {
        macro: 'requirements',
        params: {
          legend: field.label,
          ...hint(field),
          ...error(errorMessage),
          rows: Array.from({ length: REQUIREMENT_ROWS }, (_, row) => ({
            number: row + 1,
            text: { id: `${id}-${row}-text`, name: `${field.name}-${row}-text`, label: { text: `Requirement ${row + 1}` }, value: one(answers[`${field.name}-${row}-text`]) },
            dueOn: { id: `${id}-${row}-dueOn`, namePrefix: `${field.name}-${row}-dueOn`, fieldset: { legend: { text: `Requirement ${row + 1} due by` } }, items: dateItems(answers, `${field.name}-${row}-dueOn`, false) },
          })),
        },
      };
  }
}

const valueAt = (body: Record<string, unknown>, name: string): unknown => name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);

/** An accepted answer as "check your answers" reads it back: dates in words, choices by their text. */
export function answerInWords(field: FieldSpec, body: Record<string, unknown>): string {
  const value = valueAt(body, field.name);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'Not given';
  switch (field.kind) {
    case 'date':
      return displayDate(String(value));
    case 'dateTime':
      return displayDateTime(String(value));
    case 'yesNo':
      return value ? 'Yes' : 'No';
    case 'checkbox':
      return value ? (field.checkboxText ?? 'Yes') : 'No';
    case 'radios':
      return field.choices?.find((choice) => choice.value === value)?.text ?? String(value);
    case 'checkboxes':
      return (value as string[]).map((item) => field.choices?.find((choice) => choice.value === item)?.text ?? item).join(', ');
    case 'requirements':
      return (value as { text: string; dueOn: string }[]).map((row) => `${row.text}, by ${displayDate(row.dueOn)}`).join('; ');
    default:
      return String(value);
  }
}
