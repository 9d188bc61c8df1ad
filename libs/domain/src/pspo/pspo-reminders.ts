import { compareDates, endOfLondonDay, type LocalDate, londonDateOf, londonTimeOn } from '../calendar';
import { REMINDER_HOUR } from '../notifications/coming-due';
import type { Pspo } from './pspo';
import { type PspoDeadline, pspoDeadlines } from './pspo-deadlines';
import type { PspoLocalPolicy } from './pspo-local-policy';

export type PspoReminderKind = 'CONSULTATION_DUE' | 'EXPIRY_APPROACHING';

/** A reminder owed to an order's owner: what is coming (or overdue), and when. */
export interface PspoReminder {
  readonly kind: PspoReminderKind;
  readonly pspoId: string;
  readonly to: string;
  readonly deadline: PspoDeadline;
  readonly overdue: boolean;
}

/**
 * The reminders the owners of `pspos` are due on `today`: each deadline from its reminder day on. The
 * consultation stays due (and says it is overdue) after its day, until one is recorded or the order
 * ends; the expiry reminder runs to its last day. A reminder is owed once per deadline: the deadline's
 * id is the key a sender records it under.
 */
export function pspoRemindersDue(pspos: readonly Pspo[], today: LocalDate, versions?: readonly PspoLocalPolicy[]): readonly PspoReminder[] {
  return pspos.flatMap((pspo) =>
    pspoDeadlines(pspo, today, versions)
      .filter((deadline) => compareDates(deadline.remindOn, today) <= 0)
      .map((deadline) => ({
        kind: deadline.kind === 'PSPO_CONSULTATION' ? ('CONSULTATION_DUE' as const) : ('EXPIRY_APPROACHING' as const),
        pspoId: pspo.id,
        to: pspo.owner,
        deadline,
        overdue: compareDates(deadline.dueOn, today) < 0,
      })),
  );
}

/** The moment an owner is reminded of `deadline`: its reminder day, at the hour case reminders go out. */
export function pspoReminderAt(deadline: PspoDeadline): Date {
  return londonTimeOn(deadline.remindOn, REMINDER_HOUR);
}

/** The reminders of one order owed at `now` and not among `sent` (deadline ids): what its workflow sends when it wakes. */
export function pspoRemindersOwedAt(pspo: Pspo, now: Date, sent: ReadonlySet<string>, versions?: readonly PspoLocalPolicy[]): readonly PspoReminder[] {
  return pspoRemindersDue([pspo], londonDateOf(now), versions).filter((reminder) => !sent.has(reminder.deadline.id) && pspoReminderAt(reminder.deadline) <= now);
}

/** The first moment after the end of the order's last day: it has lapsed (s.60(1)) unless extended before then. */
export function pspoLapsesAt(pspo: Pspo): Date {
  return new Date(endOfLondonDay(pspo.expiresOn).getTime() + 1);
}

/**
 * When an order next needs its owner told or its lapse recorded, after `now`: the first reminder still
 * to come and not sent, or its lapse. Undefined once it has been discharged.
 */
export function pspoNextAlarmAt(pspo: Pspo, now: Date, sent: ReadonlySet<string>, versions?: readonly PspoLocalPolicy[]): Date | undefined {
  if (pspo.dischargedOn) return undefined;
  const reminders = pspoDeadlines(pspo, londonDateOf(now), versions)
    .filter((deadline) => !sent.has(deadline.id))
    .map(pspoReminderAt)
    .filter((at) => at > now);
  return [...reminders, pspoLapsesAt(pspo)].reduce((first, at) => (at < first ? at : first));
}
