import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { StaffDirectory, StaffMember } from '../libs/directory/src';
import { deliverOnce, type Mailer, messageIdFor, renderDeadlineAlert } from '../libs/notifications/src';
import type { AlertActivities, DeadlineAlert } from './contract';

export interface AlertDependencies {
  readonly orm: MikroORM;
  readonly mailer: Mailer;
  readonly directory: StaffDirectory;
  readonly publicBaseUrl: string;
}

/** Who is told about a missed deadline, from the staff directory: never an address written in code. */
function recipientsOf(alert: DeadlineAlert, directory: StaffDirectory): StaffMember[] {
  switch (alert.audience) {
    case 'MANAGER':
      return directory.managersOf(alert.team);
    case 'HEAD_OF_SERVICE':
      return directory.withRole('head_of_service');
    case 'LEGAL':
      return directory.withRole('legal');
    case 'PARTNER_AGENCY': {
      // An agency with no one in the directory cannot be told: its case's manager is, so the miss is not lost.
      const partners = alert.agency ? directory.ofAgency(alert.agency) : [];
      return partners.length > 0 ? partners : directory.managersOf(alert.team);
    }
    case 'CASEWORKER': {
      const caseworker = alert.caseworker ? directory.find(alert.caseworker) : undefined;
      // An unallocated case's duties fall to its manager.
      return caseworker ? [caseworker] : directory.managersOf(alert.team);
    }
  }
}

export function alertActivities({ orm, mailer, directory, publicBaseUrl }: AlertDependencies): AlertActivities {
  return {
    async sendDeadlineAlert(alert) {
      const people = recipientsOf(alert, directory);
      if (people.length === 0) {
        // Retryable on purpose: the alert waits (visible as a failing activity) until the directory names someone.
        throw ApplicationFailure.retryable(`no ${alert.audience.toLowerCase().replaceAll('_', ' ')} for team ${alert.team} is listed in the staff directory`, 'NoRecipient');
      }
      const key = `${alert.reference}:${alert.deadlineId}:${alert.kind}:1`;
      const recipients = people.map((person) => person.email);
      await deliverOnce(orm.em.fork(), mailer, {
        key,
        kind: alert.kind,
        reference: alert.reference,
        to: recipients,
        messageId: messageIdFor(key),
        ...renderDeadlineAlert(alert, `${publicBaseUrl}/cases/${alert.reference}`),
      });
      return { recipients };
    },
  };
}
