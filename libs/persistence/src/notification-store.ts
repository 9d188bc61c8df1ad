import type { EntityManager } from '@mikro-orm/postgresql';
import { isoInstant } from './iso-instant';

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One rendered notice for one recipient, as it is kept until the mail server has taken it. */
export interface NotificationMessage {
  readonly noticeKey: string;
  readonly kind: string;
  readonly reference?: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
}

export interface NotificationRecord extends NotificationMessage {
  readonly id: string;
  readonly status: NotificationStatus;
  readonly attempts: number;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly failedAt?: string;
  readonly resendRequestedBy?: string;
  readonly resendRequestedAt?: string;
  readonly resendCount: number;
}

interface NotificationRow {
  id: string | number;
  notice_key: string;
  kind: string;
  reference: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string;
  message_id: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  created_at: string | Date;
  sent_at: string | Date | null;
  failed_at: string | Date | null;
  resend_requested_by: string | null;
  resend_requested_at: string | Date | null;
  resend_count: number;
}


function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: String(row.id),
    noticeKey: row.notice_key,
    kind: row.kind,
    ...(row.reference ? { reference: row.reference } : {}),
    recipient: row.recipient,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: isoInstant(row.created_at),
    ...(row.sent_at ? { sentAt: isoInstant(row.sent_at) } : {}),
    ...(row.failed_at ? { failedAt: isoInstant(row.failed_at) } : {}),
    ...(row.resend_requested_by ? { resendRequestedBy: row.resend_requested_by } : {}),
    ...(row.resend_requested_at ? { resendRequestedAt: isoInstant(row.resend_requested_at) } : {}),
    resendCount: row.resend_count,
  };
}

/** Writes the message before it is sent; the same notice for the same recipient is only ever one row. */
export async function enqueueNotification(em: EntityManager, message: NotificationMessage): Promise<NotificationRecord> {
  await em.execute(
    `insert into notification (notice_key, kind, reference, recipient, subject, body_text, body_html, message_id, status)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') on conflict (notice_key, recipient) do nothing`,
    [message.noticeKey, message.kind, message.reference ?? null, message.recipient, message.subject, message.text, message.html, message.messageId],
  );
  const [row] = await em.execute<NotificationRow[]>(`select * from notification where notice_key = ? and recipient = ?`, [message.noticeKey, message.recipient]);
  if (!row) throw new Error(`notification ${message.noticeKey} for ${message.recipient} vanished after it was written`);
  return toRecord(row);
}

export async function markNotificationSent(em: EntityManager, id: string): Promise<void> {
  await em.execute(`update notification set status = 'SENT', attempts = attempts + 1, last_error = null, sent_at = now() where id = ?`, [id]);
}

/** A refusal for good (a rejected address) fails the row; anything else is an attempt to be retried. */
export async function recordNotificationFailure(em: EntityManager, id: string, error: string, permanent: boolean): Promise<void> {
  await em.execute(
    permanent
      ? `update notification set status = 'FAILED', attempts = attempts + 1, last_error = ?, failed_at = now() where id = ?`
      : `update notification set attempts = attempts + 1, last_error = ? where id = ?`,
    [error, id],
  );
}

export async function findNotification(em: EntityManager, id: string): Promise<NotificationRecord | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const [row] = await em.execute<NotificationRow[]>(`select * from notification where id = ?`, [id]);
  return row ? toRecord(row) : undefined;
}

export interface NotificationFilter {
  readonly status?: NotificationStatus;
  readonly reference?: string;
  readonly limit: number;
}

/** Newest first: what an admin looks at when mail has gone wrong. */
export async function listNotifications(em: EntityManager, filter: NotificationFilter): Promise<NotificationRecord[]> {
  const rows = await em.execute<NotificationRow[]>(
    `select * from notification
     where (?::text is null or status = ?) and (?::text is null or reference = ?)
     order by created_at desc, id desc limit ?`,
    [filter.status ?? null, filter.status ?? null, filter.reference ?? null, filter.reference ?? null, filter.limit],
  );
  return rows.map(toRecord);
}

/**
 * Puts a failed notification back in line to be sent, once: of two admins pressing re-send, one
 * gets the row and the other is told it is no longer failed.
 */
export async function requestResend(em: EntityManager, id: string, by: string): Promise<NotificationRecord | undefined> {
  const [row] = await em.execute<NotificationRow[]>(
    `update notification set status = 'PENDING', resend_requested_by = ?, resend_requested_at = now(), resend_count = resend_count + 1, failed_at = null
     where id = ? and status = 'FAILED' returning *`,
    [by, id],
  );
  return row ? toRecord(row) : undefined;
}

/** Undoes a re-send request that could not be handed to the worker, so the admin can try again. */
export async function cancelResend(em: EntityManager, id: string): Promise<void> {
  await em.execute(`update notification set status = 'FAILED', failed_at = now(), resend_count = resend_count - 1 where id = ? and status = 'PENDING'`, [id]);
}
