import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { StaffDirectory } from '../libs/directory/src';
import { deliverOnce, type Mailer, messageIdFor, renderOverdueReviewAlert } from '../libs/notifications/src';
import type { AlertActivities } from './contract';

export interface AlertDependencies {
  readonly orm: MikroORM;
  readonly mailer: Mailer;
  readonly directory: StaffDirectory;
  readonly publicBaseUrl: string;
}

export function alertActivities({ orm, mailer, directory, publicBaseUrl }: AlertDependencies): AlertActivities {
  return {
    async sendOverdueReviewAlert(alert) {
      const managers = directory.managersOf(alert.team);
      if (managers.length === 0) {
        // Retryable on purpose: the alert waits (visible as a failing activity) until the directory names a manager.
        throw ApplicationFailure.retryable(`no manager is listed for team ${alert.team} in the staff directory`, 'NoRecipient');
      }
      const key = `${alert.reference}:${alert.deadlineId}:OVERDUE_REVIEW:1`;
      const mail = renderOverdueReviewAlert(alert, `${publicBaseUrl}/cases/${alert.reference}`);
      const recipients = managers.map((manager) => manager.email);
      await deliverOnce(orm.em.fork(), mailer, {
        key,
        kind: 'OVERDUE_REVIEW',
        reference: alert.reference,
        to: recipients,
        messageId: messageIdFor(key),
        ...mail,
      });
      return { recipients };
    },
  };
}
