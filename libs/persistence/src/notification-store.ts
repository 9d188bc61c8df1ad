import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotificationOutboxRecord } from './service-records.entity';

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
const NotificationStatus = z.enum(NOTIFICATION_STATUSES);

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

/** The outbox row as the service reads it; an outbox shared between calls must not answer from its identity map. */
const FRESH = { disableIdentityMap: true } as const;

function toRecord(row: NotificationOutboxRecord): NotificationRecord {
  return {
    id: row.id,
    noticeKey: row.noticeKey,
    kind: row.kind,
    ...(row.reference ? { reference: row.reference } : {}),
    recipient: row.recipient,
    subject: row.subject,
    text: row.bodyText,
    html: row.bodyHtml,
    messageId: row.messageId,
    status: NotificationStatus.parse(row.status),
    attempts: row.attempts,
    ...(row.lastError ? { lastError: row.lastError } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.sentAt ? { sentAt: row.sentAt.toISOString() } : {}),
    ...(row.failedAt ? { failedAt: row.failedAt.toISOString() } : {}),
    ...(row.resendRequestedBy ? { resendRequestedBy: row.resendRequestedBy } : {}),
    ...(row.resendRequestedAt ? { resendRequestedAt: row.resendRequestedAt.toISOString() } : {}),
    resendCount: row.resendCount,
  };
}

/** Writes the message before it is sent; the same notice for the same recipient is only ever one row. */
export async function enqueueNotification(em: EntityManager, message: NotificationMessage): Promise<NotificationRecord> {
  await em.execute(
    `insert into notification (notice_key, kind, reference, recipient, subject, body_text, body_html, message_id, status)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') on conflict (notice_key, recipient) do nothing`,
    [message.noticeKey, message.kind, message.reference ?? null, message.recipient, message.subject, message.text, message.html, message.messageId],
  );
  const row = await em.findOne(NotificationOutboxRecord, { noticeKey: message.noticeKey, recipient: message.recipient }, FRESH);
  if (!row) throw new Error(`notification ${message.noticeKey} for ${message.recipient} vanished after it was written`);
  return toRecord(row);
}

/**
 * Locks the row until the caller's transaction ends and reads its status then: of two attempts at one
 * message (an activity retried on another worker while the first attempt still runs), the second waits
 * and finds it SENT.
 */
export async function lockNotificationStatus(em: EntityManager, id: string): Promise<NotificationStatus | undefined> {
  const [row] = await em.execute<{ status: string }[]>(`select status from notification where id = ? for update`, [id]);
  return row ? NotificationStatus.parse(row.status) : undefined;
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
  const row = await em.findOne(NotificationOutboxRecord, { id }, FRESH);
  return row ? toRecord(row) : undefined;
}

export interface NotificationFilter {
  readonly status?: NotificationStatus;
  readonly reference?: string;
  readonly limit: number;
}

/** Newest first: what an admin looks at when mail has gone wrong. */
export async function listNotifications(em: EntityManager, filter: NotificationFilter): Promise<NotificationRecord[]> {
  const rows = await em.find(
    NotificationOutboxRecord,
    { ...(filter.status ? { status: filter.status } : {}), ...(filter.reference ? { reference: filter.reference } : {}) },
    { ...FRESH, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: filter.limit },
  );
  return rows.map(toRecord);
}

/**
 * Puts a failed notification back in line to be sent, once: of two admins pressing re-send, one
 * gets the row and the other is told it is no longer failed.
 */
export async function requestResend(em: EntityManager, id: string, by: string): Promise<NotificationRecord | undefined> {
  const [claimed] = await em.execute<{ id: string }[]>(
    `update notification set status = 'PENDING', resend_requested_by = ?, resend_requested_at = now(), resend_count = resend_count + 1, failed_at = null
     where id = ? and status = 'FAILED' returning id`,
    [by, id],
  );
  return claimed ? findNotification(em, id) : undefined;
}

/** Undoes a re-send request that could not be handed to the worker, so the admin can try again. */
export async function cancelResend(em: EntityManager, id: string): Promise<void> {
  await em.execute(`update notification set status = 'FAILED', failed_at = now(), resend_count = resend_count - 1 where id = ? and status = 'PENDING'`, [id]);
}
