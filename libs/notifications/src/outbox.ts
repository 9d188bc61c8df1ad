import type { EntityManager } from '@mikro-orm/postgresql';
import type { Mailer, OutgoingMail } from './mailer';

export interface OutboxEntry extends OutgoingMail {
  /** The alert's business identity (case, deadline, kind, occurrence): one row, one email, ever. */
  readonly key: string;
  readonly kind: string;
}

/**
 * Sends a mail at most once per business key: the row is written before the send and marked sent
 * after it, so a retry after a successful send finds it sent and stops. A crash between the send and
 * the mark resends with the same Message-ID, which the receiving side can recognise.
 */
export async function deliverOnce(em: EntityManager, mailer: Mailer, entry: OutboxEntry): Promise<'sent' | 'already-sent'> {
  await em.execute(
    `insert into outbox_message (message_key, kind, reference, recipients, subject, message_id, status)
     values (?, ?, ?, ?, ?, ?, 'PENDING') on conflict (message_key) do nothing`,
    [entry.key, entry.kind, entry.reference, JSON.stringify(entry.to), entry.subject, entry.messageId],
  );
  const [row] = await em.execute<{ status: string }[]>(`select status from outbox_message where message_key = ?`, [entry.key]);
  if (row?.status === 'SENT') return 'already-sent';
  try {
    await mailer.send(entry);
  } catch (error) {
    await em.execute(`update outbox_message set attempts = attempts + 1, last_error = ? where message_key = ?`, [
      error instanceof Error ? error.message : String(error),
      entry.key,
    ]);
    throw error;
  }
  await em.execute(
    `update outbox_message set status = 'SENT', attempts = attempts + 1, last_error = null, sent_at = now() where message_key = ?`,
    [entry.key],
  );
  return 'sent';
}

export function messageIdFor(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '.')}@asb-case-service>`;
}
