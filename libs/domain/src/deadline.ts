import { endOfLondonDay, type LocalDate } from './calendar';

export const DEADLINE_KINDS = ['CASE_REVIEW'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['PENDING', 'MET', 'MISSED', 'CANCELLED'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * One entry of a case's deadline ledger. Absolute times (not durations) so that the ledger means the
 * same after a worker restart or a continue-as-new. A deadline is never deleted: it ends MET, MISSED
 * or CANCELLED (re-planned), with the reason it existed kept beside it.
 */
export interface Deadline {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueOn: LocalDate;
  /** ISO instant: the end of `dueOn` in England. */
  readonly dueAt: string;
  readonly status: DeadlineStatus;
  readonly reason: string;
  readonly plannedAt: string;
  readonly resolvedAt?: string;
  readonly resolution?: string;
}

export function plannedDeadline(
  id: string,
  kind: DeadlineKind,
  dueOn: LocalDate,
  reason: string,
  now: Date,
): Deadline {
  return { id, kind, dueOn, dueAt: endOfLondonDay(dueOn).toISOString(), status: 'PENDING', reason, plannedAt: now.toISOString() };
}

export function resolveDeadline(
  deadline: Deadline,
  status: Exclude<DeadlineStatus, 'PENDING'>,
  resolution: string,
  now: Date,
): Deadline {
  return { ...deadline, status, resolution, resolvedAt: now.toISOString() };
}

/** The pending deadline that falls due first, or undefined when nothing is pending. */
export function nextPendingDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return deadlines
    .filter((deadline) => deadline.status === 'PENDING')
    .reduce<Deadline | undefined>((first, deadline) => (!first || deadline.dueAt < first.dueAt ? deadline : first), undefined);
}
