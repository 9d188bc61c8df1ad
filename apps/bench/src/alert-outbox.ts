import type { Client } from 'pg';

/** A missed-deadline alert as the outbox holds it: one row per recipient (for a review or an interview, the case's team manager). */
export interface OutboxAlert {
  readonly reference: string;
  readonly messageId: string;
  readonly status: string;
  readonly attempts: number;
}

/** The deadlines a storm is made of: reviews (time-skipping server), return home interviews (real time). */
export type StormDeadline = 'CASE_REVIEW' | 'RETURN_HOME_INTERVIEW';

/** The outbox rows of missed-deadline alerts of one kind (notice key `<reference>:<deadline>:<KIND>:<n>`) of these cases. */
const ALERTS = `from notification where reference = any($1::text[]) and kind = 'DEADLINE_MISSED' and notice_key like '%:' || $2 || ':%'`;

export async function missedAlertCounts(pg: Client, references: readonly string[], deadline: StormDeadline = 'CASE_REVIEW'): Promise<{ rows: number; sent: number }> {
  const { rows } = await pg.query<{ rows: number; sent: number }>(`select count(*)::int as rows, (count(*) filter (where status = 'SENT'))::int as sent ${ALERTS}`, [references, deadline]);
  return rows[0] ?? { rows: 0, sent: 0 };
}

export async function missedAlerts(pg: Client, references: readonly string[], deadline: StormDeadline = 'CASE_REVIEW'): Promise<OutboxAlert[]> {
  const { rows } = await pg.query<{ reference: string; message_id: string; status: string; attempts: number }>(
    `select reference, message_id, status, attempts ${ALERTS}`,
    [references, deadline],
  );
  return rows.map((row) => ({ reference: row.reference, messageId: row.message_id, status: row.status, attempts: row.attempts }));
}

/** Every message of these cases not yet sent (of any kind): zero when the service has nothing left to mail. */
export async function unsentMessages(pg: Client, references: readonly string[]): Promise<{ total: number; unsent: number }> {
  const { rows } = await pg.query<{ total: number; unsent: number }>(
    `select count(*)::int as total, (count(*) filter (where status <> 'SENT'))::int as unsent from notification where reference = any($1::text[])`,
    [references],
  );
  return rows[0] ?? { total: 0, unsent: 0 };
}

/** How the alerts owed went: in the outbox, sent, accepted by SMTP (by Message-ID), and none twice. */
export interface AlertTally {
  readonly outboxRows: number;
  readonly sent: number;
  /** Accepted by the benchmark's own SMTP sink; undefined when SMTP_URL points at another server, which the benchmark cannot count. */
  readonly accepted: number | undefined;
  readonly acceptedTwice: number | undefined;
  readonly resent: number;
  readonly casesWithoutOne: number;
  readonly casesWithMore: number;
}

/**
 * Tallies the alerts of these cases against what the SMTP sink accepted (`accepted`: Message-ID → how
 * many times, and when first). `lastAcceptedAt` is when the last one owed was first accepted, if all were.
 */
export function tallyAlerts(
  messages: readonly OutboxAlert[],
  references: readonly string[],
  accepted: ReadonlyMap<string, { times: number; firstAt: number }> | undefined,
): { alerts: AlertTally; lastAcceptedAt: number | undefined } {
  const perCase = new Map<string, number>();
  for (const message of messages) perCase.set(message.reference, (perCase.get(message.reference) ?? 0) + 1);
  const seen = accepted ? messages.map((message) => accepted.get(message.messageId)) : undefined;
  const lastAcceptedAt = seen && seen.every(Boolean) && messages.length >= references.length ? Math.max(...seen.map((at) => at!.firstAt)) : undefined;
  return {
    alerts: {
      outboxRows: messages.length,
      sent: messages.filter((message) => message.status === 'SENT').length,
      accepted: seen?.filter(Boolean).length,
      acceptedTwice: seen?.filter((at) => at && at.times > 1).length,
      resent: messages.filter((message) => message.attempts > 1).length,
      casesWithoutOne: references.filter((reference) => !perCase.has(reference)).length,
      casesWithMore: [...perCase.values()].filter((count) => count > 1).length,
    },
    lastAcceptedAt,
  };
}

/** How many of these cases' deadlines of one kind the ledger (the read model) records as MISSED. */
export async function missedInLedger(pg: Client, references: readonly string[], deadline: StormDeadline): Promise<number> {
  const { rows } = await pg.query<{ count: number }>(`select count(*)::int as count from case_deadline where reference = any($1::text[]) and kind = $2 and status = 'MISSED'`, [references, deadline]);
  return rows[0]?.count ?? 0;
}
