import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { cancelResend, findNotification, listNotifications, type NotificationRecord, requestResend } from '../../../../libs/persistence/src';
import { NOTIFICATION_RESEND_WORKFLOW_TYPE } from '../../../../workflows/notification-resend.workflow';
import { problems } from '../http/problem';
import { TemporalClient } from '../temporal/temporal-client';

const onlyAdmins = (caller: Caller) => {
  if (!caller.roles.includes('admin')) throw problems.forbidden('only admins manage the notification outbox');
};

/**
 * The outbox as an admin needs it when mail goes wrong: what was refused, and a way to send it again
 * once the address or the mailbox is put right. The API's notification routes and the console's admin
 * pages both go through here.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
  ) {}

  async list(caller: Caller, query: Parameters<typeof listNotifications>[1]): Promise<NotificationRecord[]> {
    onlyAdmins(caller);
    return listNotifications(this.em.fork(), query);
  }

  async read(caller: Caller, id: string): Promise<NotificationRecord> {
    onlyAdmins(caller);
    return this.existing(id);
  }

  /** Only a FAILED notification is queued again, so pressing twice sends once. */
  async resend(caller: Caller, id: string): Promise<NotificationRecord> {
    onlyAdmins(caller);
    const em = this.em.fork();
    const current = await this.existing(id);
    const queued = await requestResend(em, id, caller.id);
    if (!queued) throw problems.refused(`notification ${id} is ${current.status.toLowerCase()}, not failed: only a failed notification is re-sent`, 'NOT_FAILED');
    try {
      await this.temporal.command(() =>
        this.temporal.client.workflow.start(NOTIFICATION_RESEND_WORKFLOW_TYPE, {
          workflowId: `notification-resend-${id}-${queued.resendCount}`,
          taskQueue: this.temporal.taskQueue,
          args: [{ id }],
        }),
      );
    } catch (error) {
      // Not queued after all: put it back as it was, so the admin can press again once Temporal answers.
      await cancelResend(em, id);
      throw error;
    }
    return queued;
  }

  private async existing(id: string): Promise<NotificationRecord> {
    const record = await findNotification(this.em.fork(), id);
    if (!record) throw problems.notFound(`notification ${id}`);
    return record;
  }
}
