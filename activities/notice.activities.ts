import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { StaffDirectory } from '../libs/directory/src';
import { type DeliveryOutcome, type Notice, referenceOf } from '../libs/domain/src';
import { deliverToEach, type Mailer, type NoticeLinks, type RenderedNotice, renderNotice, sendRow } from '../libs/notifications/src';
import { findNotification } from '../libs/persistence/src';
import type { NoticeActivities } from './contract';
import { compileManagerDigests } from './manager-digest';
import { recipientsOf } from './recipients';

export interface NoticeDependencies {
  readonly orm: MikroORM;
  readonly mailer: Mailer;
  readonly directory: StaffDirectory;
  readonly links: NoticeLinks;
}

export function noticeActivities({ orm, mailer, directory, links }: NoticeDependencies): NoticeActivities {
  const deliverNotice: NoticeActivities['deliverNotice'] = async (notice: Notice) => {
    const recipients = recipientsOf(notice, directory);
    const reference = referenceOf(notice);
    return deliverOrRetry(orm, mailer, { noticeKey: notice.key, kind: notice.kind, ...(reference ? { reference } : {}), ...renderNotice(notice, links) }, recipients);
  };

  return {
    deliverNotice,

    compileManagerDigests: ({ asOf }) => compileManagerDigests(orm.em.fork(), directory, new Date(asOf)),

    async resendNotification({ id }) {
      const em = orm.em.fork();
      const row = await findNotification(em, id);
      if (!row) throw ApplicationFailure.nonRetryable(`no notification ${id}`, 'UnknownNotification');
      const facts = {
        noticeKey: row.noticeKey,
        kind: row.kind,
        recipient: row.recipient,
        ...(row.reference ? { reference: row.reference } : {}),
        ...(row.resendRequestedBy ? { requestedBy: row.resendRequestedBy } : {}),
      };
      if (row.status !== 'PENDING') return { outcome: 'not-pending', ...facts };
      const outcome = await sendRow(em, mailer, row.id, row);
      if (typeof outcome === 'object') throw ApplicationFailure.retryable(`mail server unavailable for ${row.recipient}: ${outcome.error}`, 'MailServerUnavailable');
      return { outcome, ...facts };
    },
  };
}

/**
 * Sends a rendered notice to each recipient through the outbox (once each, however often it is called).
 * While the mail server is unavailable for any of them it fails, to be retried: the rest are sent or
 * failed for good, and a retry sends only what is still owed.
 */
export async function deliverOrRetry(orm: MikroORM, mailer: Mailer, notice: RenderedNotice, recipients: readonly string[]): Promise<DeliveryOutcome> {
  const report = await deliverToEach(orm.em.fork(), mailer, notice, recipients);
  if (report.waiting.length > 0) {
    throw ApplicationFailure.retryable(`mail server unavailable for ${report.waiting.map((w) => w.recipient).join(', ')}: ${report.waiting[0]!.error}`, 'MailServerUnavailable');
  }
  return { sent: report.sent, failed: report.failed };
}
