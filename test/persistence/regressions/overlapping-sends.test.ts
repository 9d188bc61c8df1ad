import { MikroORM } from '@mikro-orm/postgresql';
import { CaptureSmtpServer } from '../../../libs/mailbox/src';
import { Mailer, messageIdFor, sendRow } from '../../../libs/notifications/src';
import { enqueueNotification, findNotification, ormConfig } from '../../../libs/persistence/src';
import { createTestDatabase } from '../../support/runtime';

/**
 * Found by the fault campaign once both cluster workers ran: while Temporal's frontend was killed, one
 * alert reached the SMTP server twice. Nothing stopped two attempts at one outbox row (an activity
 * retried while its first attempt still runs) from both sending it; now one waits for the other.
 */
let orm: MikroORM;
let smtp: CaptureSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(await createTestDatabase(), { pool: { min: 0, max: 4 } }));
  smtp = new CaptureSmtpServer();
  mailer = new Mailer(`smtp://127.0.0.1:${await smtp.listen(0)}`, 'ASB case service <asb@council.example>');
});

afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await orm?.close(true);
});

test('two overlapping attempts at one overdue-review alert send it once and record it sent once', async () => {
  const message = {
    noticeKey: 'ASB-2026-000001:review-overdue:1',
    kind: 'REVIEW_OVERDUE',
    reference: 'ASB-2026-000001',
    recipient: 'jo.bennett@council.example',
    subject: 'Review overdue: ASB-2026-000001',
    text: 'The review of ASB-2026-000001 was due yesterday.',
    html: '<p>The review of ASB-2026-000001 was due yesterday.</p>',
    messageId: messageIdFor('ASB-2026-000001:review-overdue:1', 'jo.bennett@council.example'),
  };
  const row = await enqueueNotification(orm.em.fork(), message);

  const outcomes = await Promise.all([sendRow(orm.em.fork(), mailer, row.id, message), sendRow(orm.em.fork(), mailer, row.id, message)]);

  expect(outcomes).toEqual(['sent', 'sent']);
  expect(smtp.received.filter((mail) => mail.messageId === message.messageId)).toHaveLength(1);
  expect(await findNotification(orm.em.fork(), row.id)).toMatchObject({ status: 'SENT', attempts: 1 });
});
