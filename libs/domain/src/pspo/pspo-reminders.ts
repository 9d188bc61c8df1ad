import { compareDates, type LocalDate } from '../calendar';
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
