import { localDate, londonTimeOn } from '../../../../libs/domain/src';

/** A form's answers as the browser posts them (urlencoded): one string per field, or several for checkboxes. */
export type Answers = Record<string, string | string[] | undefined>;

export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
}

/**
 * One question of a form. `name` is the body's field (dotted for a nested one, `assessment.disability`);
 * the inputs are named after it (`occurredAt-day` for a date's day), so a zod issue's path finds them.
 */
export interface FieldSpec {
  readonly name: string;
  readonly kind: 'text' | 'textarea' | 'number' | 'date' | 'dateTime' | 'radios' | 'yesNo' | 'checkbox' | 'checkboxes' | 'requirements' | 'hidden';
  readonly label: string;
  readonly hint?: string;
  /** What the person is asked to do when it is left out: "Enter what happened". */
  readonly missing?: string;
  readonly choices?: readonly Choice[];
  /** For a single checkbox: the words beside the box. */
  readonly checkboxText?: string;
  /** For a single checkbox the body requires (a yes-or-no fact): unticked is false, not left out. */
  readonly falseWhenUnchecked?: boolean;
}

/** How many rows a Community Protection Notice's requirements get: more are added by recording another notice. */
export const REQUIREMENT_ROWS = 3;

export const fieldId = (name: string): string => name.replaceAll('.', '-');

/** Where an error summary's link lands: the first input of the field, as GOV.UK's error summary expects. */
export function firstInputId(field: FieldSpec): string {
  const id = fieldId(field.name);
  if (field.kind === 'date' || field.kind === 'dateTime') return `${id}-day`;
  if (field.kind === 'requirements') return `${id}-0-text`;
  return id;
}

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []).filter((item) => item !== '');

/** A date input's three boxes as a calendar date; undefined when all are empty; 'invalid' when they make no real date. */
export function calendarDateOf(answers: Answers, prefix: string): string | undefined | 'invalid' {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => one(answers[`${prefix}-${part}`]));
  if (!day && !month && !year) return undefined;
  if (!/^\d{1,2}$/u.test(day!) || !/^\d{1,2}$/u.test(month!) || !/^\d{4}$/u.test(year!)) return 'invalid';
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return 'invalid';
  return date.toISOString().slice(0, 10);
}

/** "21:40", "9:40pm", "9pm": a time of day as hours and minutes, or undefined when it is none. */
function timeOf(text: string): { hours: number; minutes: number } | undefined {
  const found = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/iu.exec(text.replaceAll(' ', ''));
  if (!found) return undefined;
  let hours = Number(found[1]);
  const minutes = Number(found[2] ?? '0');
  const meridiem = found[3]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (found[2] === undefined) return undefined;
  return hours < 24 && minutes < 60 ? { hours, minutes } : undefined;
}

/** A date input and a time box as the instant they name in England (where the partnership's clocks are). */
export function instantOf(answers: Answers, prefix: string): string | undefined | 'invalid' {
  const date = calendarDateOf(answers, prefix);
  const timeText = one(answers[`${prefix}-time`]);
  if (date === undefined && !timeText) return undefined;
  const time = timeOf(timeText);
  if (date === undefined || date === 'invalid' || !time) return 'invalid';
  return londonTimeOn(localDate(date), time.hours, time.minutes).toISOString();
}

function setPath(target: Record<string, unknown>, name: string, value: unknown): void {
  const keys = name.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

export interface Conversion {
  readonly body: Record<string, unknown>;
  /** Answers that could not be read at all (a date that is no date): the field's name and what to do. */
  readonly unreadable: readonly { readonly name: string; readonly message: string }[];
}

/**
 * The answers as the command's body, before its zod schema judges them: empty answers are left out,
 * so that the schema's own rule on what is required speaks; only what cannot be read is refused here.
 */
export function bodyOf(fields: readonly FieldSpec[], answers: Answers): Conversion {
  const body: Record<string, unknown> = {};
  const unreadable: { name: string; message: string }[] = [];
  for (const field of fields) {
    const raw = one(answers[field.name]);
    switch (field.kind) {
      case 'text':
      case 'textarea':
      case 'hidden':
      case 'radios':
        if (raw) setPath(body, field.name, raw);
        break;
      case 'number':
        if (!raw) break;
        if (Number.isFinite(Number(raw))) setPath(body, field.name, Number(raw));
        else unreadable.push({ name: field.name, message: `${field.label} must be a number, like 28` });
        break;
      case 'yesNo':
        if (raw === 'yes' || raw === 'no') setPath(body, field.name, raw === 'yes');
        break;
      case 'checkbox':
        if (raw === 'yes' || field.falseWhenUnchecked) setPath(body, field.name, raw === 'yes');
        break;
      case 'checkboxes':
        setPath(body, field.name, many(answers[field.name]));
        break;
      case 'date': {
        const date = calendarDateOf(answers, field.name);
        if (date === 'invalid') unreadable.push({ name: field.name, message: `${field.label} must be a real date, like 10 12 2026` });
        else if (date) setPath(body, field.name, date);
        break;
      }
      case 'dateTime': {
        const instant = instantOf(answers, field.name);
        if (instant === 'invalid') unreadable.push({ name: field.name, message: `${field.label} must be a real date and a time, like 10 12 2026 and 9:30pm` });
        else if (instant) setPath(body, field.name, instant);
        break;
      }
      case 'requirements': {
        const rows = [];
        for (let row = 0; row < REQUIREMENT_ROWS; row++) {
          const text = one(answers[`${field.name}-${row}-text`]);
          const dueOn = calendarDateOf(answers, `${field.name}-${row}-dueOn`);
          if (!text && dueOn === undefined) continue;
          if (dueOn === 'invalid' || dueOn === undefined || !text) {
            unreadable.push({ name: field.name, message: `Each requirement needs what it requires and a real date it is due by` });
            continue;
          }
          rows.push({ text, dueOn });
        }
        if (rows.length > 0) setPath(body, field.name, rows);
        break;
      }
    }
  }
  return { body, unreadable };
}

/** The answers a form is shown with: the posted ones, or the query's on a first visit (`?to=JAG`), without the form's own machinery. */
export function answersFrom(source: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '_csrf' || key === 'idempotencyKey' || key === 'confirmed') continue;
    if (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) answers[key] = value as string | string[];
  }
  return answers;
}

/** The answers as hidden fields and as a query string: how "check your answers" carries them and links back to change them. */
export function answerPairs(answers: Answers): { name: string; value: string }[] {
  return Object.entries(answers).flatMap(([name, value]) => many(value).map((item) => ({ name, value: item })));
}

export function answersQuery(answers: Answers): string {
  return new URLSearchParams(answerPairs(answers).map(({ name, value }): [string, string] => [name, value])).toString();
}
