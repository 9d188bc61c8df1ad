import { z } from 'zod';
import {
  dateOfBirthRefusal,
  factDateRefusal,
  factInstantRefusal,
  futureInstantRefusal,
  type LocalDate,
  londonDateOf,
  normalisePlainText,
  plainTextLengthRefusal,
  plainTextPattern,
  plainTextRefusal,
} from '../../../../libs/domain/src';

/**
 * The fields every request is made of, so that one rule holds for each: text is plain (no NUL or other
 * control character, no unpaired surrogate), trimmed and in NFC, and a date that is a fact of a case is
 * one that can be true. The form of a value is refused with 400, as the OpenAPI document states it; a
 * well-formed fact that cannot be true (born next year, a conviction in 211) with 422, marked here.
 */
export const IMPLAUSIBLE = { implausible: true } as const;

export function isImplausibleIssue(issue: unknown): boolean {
  return (issue as { params?: { implausible?: unknown } }).params?.implausible === true;
}

/**
 * Text of 1 to `max` characters (at least `min` once trimmed), as a person would count them. One check
 * gives one reason per field; the document states the same rule as `pattern` and lengths, which a unit
 * test holds to the check.
 */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .superRefine((text, context) => {
      const why = plainTextRefusal(text) ?? plainTextLengthRefusal(text, min, max);
      if (why) context.addIssue({ code: 'custom', message: why, input: text });
    })
    .meta({ pattern: plainTextPattern(min), minLength: min, maxLength: max })
    .transform(normalisePlainText);
}

/** A day (YYYY-MM-DD, in England) that something happened or is due on. */
export const factDate = z.iso
  .date()
  .refine((date) => !factDateRefusal(date as LocalDate), { error: (issue) => factDateRefusal(String(issue.input) as LocalDate), params: IMPLAUSIBLE })
  .transform((date) => date as LocalDate);

/** A moment (ISO 8601 with its offset) that something happened or is planned for. */
export const factInstant = z.iso
  .datetime({ offset: true })
  .refine((instant) => !factInstantRefusal(instant), { error: (issue) => factInstantRefusal(String(issue.input)), params: IMPLAUSIBLE })
  .describe('ISO 8601 date-time, not before 1900');

/** A moment something really happened (a notice served, a contact made): a fact instant that is not yet to come. */
export const pastInstant = factInstant
  .refine((instant) => !futureInstantRefusal(instant, new Date()), { error: (issue) => futureInstantRefusal(String(issue.input), new Date()), params: IMPLAUSIBLE })
  .describe('ISO 8601 date-time, not before 1900 and not in the future');

/** A person's date of birth: not in the future, not more than 120 years ago (judged on today's date in England). */
export const dateOfBirth = z.iso
  .date()
  .refine((date) => !dateOfBirthRefusal(date as LocalDate, londonDateOf(new Date())), {
    error: (issue) => dateOfBirthRefusal(String(issue.input) as LocalDate, londonDateOf(new Date())),
    params: IMPLAUSIBLE,
  })
  .transform((date) => date as LocalDate);
