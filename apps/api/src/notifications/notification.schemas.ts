import { z } from 'zod';
import { queryInteger } from '../http/query';
import { NOTIFICATION_STATUSES, type NotificationRecord } from '../../../../libs/persistence/src';
import { CaseReferenceParam } from '../cases/case.schemas';

export const NotificationQuery = z
  .strictObject({
    status: z.enum(NOTIFICATION_STATUSES).optional().describe('FAILED lists what the mail server refused for good and waits to be re-sent.'),
    reference: CaseReferenceParam.optional(),
    limit: queryInteger({ min: 1, max: 500, default: 100 }),
  })
  .meta({ id: 'NotificationQuery' });

export const NotificationView = z
  .strictObject({
    id: z.string(),
    noticeKey: z.string().describe('The notice it belongs to: case, subject, kind and occurrence.'),
    kind: z.string(),
    reference: z.string().optional(),
    recipient: z.email(),
    subject: z.string(),
    messageId: z.string().describe('Deterministic: the same notice to the same person always carries the same Message-ID.'),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.int(),
    lastError: z.string().optional().describe('What the mail server last said, when it did not take the message.'),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().optional(),
    failedAt: z.iso.datetime().optional(),
    resendRequestedBy: z.string().optional(),
    resendRequestedAt: z.iso.datetime().optional(),
    resendCount: z.int(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.output<typeof NotificationView>;

export const NotificationPage = z.strictObject({ notifications: z.array(NotificationView) }).meta({ id: 'NotificationPage' });

export function notificationView(record: NotificationRecord): NotificationView {
  const { text: _text, html: _html, ...view } = record;
  return view;
}

export const NOTIFICATION_EXAMPLE: NotificationView = {
  id: '318',
  noticeKey: 'ASB-2026-000123:entry-7:LEGAL_STEP:1',
  kind: 'LEGAL_STEP',
  reference: 'ASB-2026-000123',
  recipient: 'legal@melton.example',
  subject: 'Legal: Referred to the legal team: Civil injunction (Part 1, 2014 Act) against subject-1 (ASB-2026-000123)',
  messageId: '<ASB-2026-000123.entry-7.LEGAL_STEP.1.legal.melton.example@asb-case-service>',
  status: 'FAILED',
  attempts: 1,
  lastError: "Can't send mail - all recipients were rejected: 550 mailbox unavailable: legal@melton.example",
  createdAt: '2026-11-27T14:02:11.480Z',
  failedAt: '2026-11-27T14:02:11.612Z',
  resendCount: 0,
};
