import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueNotification, lockNotificationStatus, markNotificationSent, type NotificationMessage, recordNotificationFailure } from '../../persistence/src';
import type { Mailer } from './mailer';
import { describeFailure, isPermanentRefusal } from './smtp-failure';

export interface RenderedNotice {
  readonly noticeKey: string;
  readonly kind: string;
  readonly reference?: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface DeliveryReport {
  /** Accepted by the mail server, now or on an earlier attempt. */
  readonly sent: string[];
  /** Refused for good; each waits for an admin to re-send it. */
  readonly failed: string[];
  /** Not delivered because the server was unavailable: to be tried again. */
  readonly waiting: { readonly recipient: string; readonly error: string }[];
}

/** `<key.recipient@asb-case-service>`: the same notice to the same person always has the same Message-ID. */
export function messageIdFor(noticeKey: string, recipient: string): string {
  return `<${`${noticeKey}.${recipient}`.replace(/[^A-Za-z0-9._-]/g, '.')}@asb-case-service>`;
}

/**
 * Sends a notice to each recipient separately, so that one refused address holds up nobody else. Each
 * message is written to the outbox before it is sent and marked once the server has taken it, so a
 * repeated call sends only what is still owed. A crash after the server's answer but before the mark
 * (SMTP cannot close that gap) repeats the message with its Message-ID, by which receivers drop it.
 */
export async function deliverToEach(em: EntityManager, mailer: Mailer, notice: RenderedNotice, recipients: readonly string[]): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: [], failed: [], waiting: [] };
  for (const recipient of recipients) {
    const message: NotificationMessage = { ...notice, recipient, messageId: messageIdFor(notice.noticeKey, recipient) };
    const row = await enqueueNotification(em, message);
    if (row.status === 'SENT') {
      report.sent.push(recipient);
      continue;
    }
    if (row.status === 'FAILED') {
      report.failed.push(recipient);
      continue;
    }
    const outcome = await sendRow(em, mailer, row.id, message);
    if (outcome === 'sent') report.sent.push(recipient);
    else if (outcome === 'failed') report.failed.push(recipient);
    else report.waiting.push({ recipient, error: outcome.error });
  }
  return report;
}

/**
 * One attempt at one stored message, its outcome written back to the outbox. The row stays locked from
 * before the send until its outcome is written, so two overlapping attempts never both send it.
 */
export async function sendRow(em: EntityManager, mailer: Mailer, id: string, message: NotificationMessage): Promise<'sent' | 'failed' | { error: string }> {
  return em.transactional(async (tx) => {
    const status = await lockNotificationStatus(tx, id);
    if (status === 'SENT') return 'sent';
    if (status === 'FAILED') return 'failed';
    try {
      await mailer.send({ to: message.recipient, subject: message.subject, text: message.text, html: message.html, messageId: message.messageId, ...(message.reference ? { reference: message.reference } : {}) });
    } catch (error) {
      const permanent = isPermanentRefusal(error);
      await recordNotificationFailure(tx, id, describeFailure(error), permanent);
      return permanent ? 'failed' : { error: describeFailure(error) };
    }
    await markNotificationSent(tx, id);
    return 'sent';
  });
}
