import { londonTimeOn } from '../calendar';
import type { Deadline, DeadlineKind } from '../deadline';
import { subtractWorkingDays } from '../working-days';
import { changed } from '../case-file/change';
import type { CaseChange, CaseFile } from '../case-file/state';

export const DEFAULT_COMING_DUE_REMINDER_WORKING_DAYS = 2;

/** The duties a caseworker is reminded of before they fall due: reviews and compliance checks. */
export const REMINDED_KINDS: ReadonlySet<DeadlineKind> = new Set(['CASE_REVIEW', 'COMPLIANCE_CHECK', 'ABC_REVIEW']);

/** Reminders go out at the start of the working day, not at midnight. */
export const REMINDER_HOUR = 8;

/**
 * When the caseworker is reminded of a deadline: 08:00 on the working day the policy's lead time
 * before it. A deadline planned closer than that (a compliance check due 2 working days after the
 * period ends) is reminded of as soon as it exists.
 */
export function reminderAt(deadline: Deadline, file: CaseFile): Date {
  const lead = file.policy.local.comingDueReminderWorkingDays ?? DEFAULT_COMING_DUE_REMINDER_WORKING_DAYS;
  const at = londonTimeOn(subtractWorkingDays(deadline.dueOn, lead), REMINDER_HOUR);
  const planned = new Date(deadline.plannedAt);
  return at < planned ? planned : at;
}

function awaitingReminder(file: CaseFile): Deadline[] {
  const sent = new Set(file.remindersSent ?? []);
  return file.deadlines.filter((deadline) => deadline.status === 'PENDING' && REMINDED_KINDS.has(deadline.kind) && !sent.has(deadline.id));
}

/** The next moment a reminder falls due, if any is still to be sent. */
export function nextReminderAt(file: CaseFile): Date | undefined {
  return awaitingReminder(file)
    .map((deadline) => reminderAt(deadline, file))
    .reduce<Date | undefined>((first, at) => (!first || at < first ? at : first), undefined);
}

/** Deadlines whose reminder is due at `now` and which are still before their due moment. */
export function remindersDue(file: CaseFile, now: Date): Deadline[] {
  return awaitingReminder(file).filter((deadline) => reminderAt(deadline, file) <= now && now < new Date(deadline.dueAt));
}

/** Marks reminders as raised, so that each is sent once. */
export function markReminded(file: CaseFile, deadlineIds: readonly string[]): CaseChange {
  return changed(file, { remindersSent: [...(file.remindersSent ?? []), ...deadlineIds] }, []);
}
