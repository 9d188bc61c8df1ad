import type { Client } from 'pg';

/** An overdue-review alert as the outbox holds it: one row per recipient (the case's team manager). */
export interface OutboxAlert {
  readonly reference: string;
  readonly messageId: string;
  readonly status: string;
  readonly attempts: number;
}

/** The outbox rows of missed-review alerts (notice key `<reference>:<deadline>:CASE_REVIEW:<n>`) of these cases. */
const REVIEW_ALERTS = `from notification where reference = any($1::text[]) and kind = 'DEADLINE_MISSED' and notice_key like '%:CASE_REVIEW:%'`;

export async function reviewAlertCounts(pg: Client, references: readonly string[]): Promise<{ rows: number; sent: number }> {
  const { rows } = await pg.query<{ rows: number; sent: number }>(`select count(*)::int as rows, (count(*) filter (where status = 'SENT'))::int as sent ${REVIEW_ALERTS}`, [references]);
  return rows[0] ?? { rows: 0, sent: 0 };
}

export async function reviewAlerts(pg: Client, references: readonly string[]): Promise<OutboxAlert[]> {
  const { rows } = await pg.query<{ reference: string; message_id: string; status: string; attempts: number }>(
    `select reference, message_id, status, attempts ${REVIEW_ALERTS}`,
    [references],
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
