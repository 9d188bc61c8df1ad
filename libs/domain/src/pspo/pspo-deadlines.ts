import { addDays, endOfLondonDay, type LocalDate } from '../calendar';
import { type Pspo, pspoStatusOn } from './pspo';
import { extensionConsultationRecorded } from './pspo-consultation';
import { pspoLocalPolicyOn, type PspoLocalPolicy } from './pspo-local-policy';

/**
 * The deadlines of an order, in the shape of the case deadline catalogue (`DEADLINE_CATALOGUE`): a DUTY
 * the owner must meet, or a PERIOD that runs its course. A catalogue of its own, because the case
 * catalogue's kinds are a case's (its API enums and ledger are a case's) and its audiences are a
 * case's roles; a PSPO's audience is the officer who owns it.
 */
export const PSPO_DEADLINE_CATALOGUE = {
  PSPO_CONSULTATION: { nature: 'DUTY', title: 'Consultation on extending the PSPO closed', alert: 'PSPO_OWNER' },
  PSPO_EXPIRY: { nature: 'PERIOD', title: 'PSPO in force' },
} as const satisfies Record<string, { nature: 'DUTY' | 'PERIOD'; title: string; alert?: 'PSPO_OWNER' }>;

export type PspoDeadlineKind = keyof typeof PSPO_DEADLINE_CATALOGUE;

/** One deadline of an order: as a case's `Deadline`, an absolute instant beside its day, with the reason it exists. */
export interface PspoDeadline {
  readonly id: string;
  readonly pspoId: string;
  readonly kind: PspoDeadlineKind;
  readonly dueOn: LocalDate;
  /** The end of `dueOn` in England. */
  readonly dueAt: string;
  /** The day the owner is reminded of it, `reminderDaysAhead` before. */
  readonly remindOn: LocalDate;
  readonly reason: string;
}

/**
 * The deadlines an order has on `today`: none once it is discharged or expired; its expiry while it is
 * in force; and the consultation on extending it, until one is recorded for its current period. Planned
 * again after every decision (an extension moves both), by the PSPO policy in force on `today`.
 */
export function pspoDeadlines(pspo: Pspo, today: LocalDate, versions?: readonly PspoLocalPolicy[]): readonly PspoDeadline[] {
  if (pspoStatusOn(pspo, today) !== 'IN_FORCE') return [];
  const policy = pspoLocalPolicyOn(today, versions);
  const deadline = (kind: PspoDeadlineKind, dueOn: LocalDate, reason: string): PspoDeadline => ({
    id: `${pspo.id}:${kind}:${pspo.expiresOn}`,
    pspoId: pspo.id,
    kind,
    dueOn,
    dueAt: endOfLondonDay(dueOn).toISOString(),
    remindOn: addDays(dueOn, -policy.reminderDaysAhead),
    reason,
  });
  const deadlines = [deadline('PSPO_EXPIRY', pspo.expiresOn, `${pspo.title} has effect to the end of ${pspo.expiresOn} unless extended (s.60)`)];
  if (!extensionConsultationRecorded(pspo)) {
    const dueOn = addDays(pspo.expiresOn, -policy.consultationLeadDays);
    deadlines.unshift(deadline('PSPO_CONSULTATION', dueOn, `to extend ${pspo.title}, consult by ${dueOn}: ${policy.consultationLeadDays} days before it expires on ${pspo.expiresOn} (s.72; lead time policy ${policy.id})`));
  }
  return deadlines;
}
