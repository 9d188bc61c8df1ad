import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { cancelResend, findNotification, listNotifications, type NotificationRecord, requestResend } from '../../../../libs/persistence/src';
import { NOTIFICATION_RESEND_WORKFLOW_TYPE } from '../../../../workflows/notification-resend.workflow';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { problems } from '../http/problem';
import { ValidQuery } from '../http/query';
import { TemporalClient } from '../temporal/temporal-client';
import { NOTIFICATION_EXAMPLE, NotificationPage, NotificationQuery, NotificationView, notificationView } from './notification.schemas';
import { NotificationPath } from '../http/path-params';

const onlyAdmins = (caller: Caller) => {
  if (!caller.roles.includes('admin')) throw problems.forbidden('only admins manage the notification outbox');
};

/**
 * The outbox as an admin needs it when mail goes wrong: what was refused, by whom, and a way to send
 * it again once the address or the mailbox is put right.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 403, description: 'Only admins manage the outbox.', standardSchema: Problem, example: problemExample(403) })
@ApiResponse({ status: 503, description: 'PostgreSQL or Temporal is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
  ) {}

  @Get()
  @AuditAction('notification.list')
  @ApiOperation({ summary: 'List notifications (admins)', description: 'Every email the service sent or owes, one per recipient, newest first. `status=FAILED` shows what waits to be re-sent.' })
  @ApiResponse({ status: 200, description: 'The notifications that match.', standardSchema: NotificationPage, example: { notifications: [NOTIFICATION_EXAMPLE] } })
  @ApiResponse({ status: 400, description: 'An invalid filter.', standardSchema: Problem, example: problemExample(400) })
  async list(@ValidQuery(NotificationQuery) query: z.output<typeof NotificationQuery>, @CurrentCaller() caller: Caller): Promise<z.output<typeof NotificationPage>> {
    onlyAdmins(caller);
    return { notifications: (await listNotifications(this.em.fork(), query)).map(notificationView) };
  }

  @Get(':id')
  @AuditAction('notification.read')
  @ApiOperation({ summary: 'One notification (admins)' })
  @NotificationPath()
  @ApiResponse({ status: 200, description: 'The notification.', standardSchema: NotificationView, example: NOTIFICATION_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No such notification.', standardSchema: Problem, example: problemExample(404) })
  async read(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<NotificationView> {
    onlyAdmins(caller);
    return notificationView(await this.existing(id));
  }

  @Post(':id/resend')
  @HttpCode(202)
  @AuditAction('notification.resend')
  @ApiOperation({
    summary: 'Re-send a refused notification (admins)',
    description:
      'Puts a FAILED notification back in line; the worker sends it with the usual retries, and the case timeline records it once the mail server accepts it. Only a FAILED notification can be re-sent, so pressing twice sends once.',
  })
  @NotificationPath()
  @ApiResponse({ status: 202, description: 'Queued to be sent again: it is PENDING until the mail server takes it.', standardSchema: NotificationView, example: { ...NOTIFICATION_EXAMPLE, status: 'PENDING', failedAt: undefined, resendRequestedBy: 'admin', resendRequestedAt: '2026-11-27T15:30:00.000Z', resendCount: 1 } })
  @ApiResponse({ status: 404, description: 'No such notification.', standardSchema: Problem, example: problemExample(404) })
  @ApiResponse({ status: 409, description: 'The notification is not FAILED (it was sent, or a re-send is already under way).', standardSchema: Problem, example: problemExample(409) })
  async resend(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<NotificationView> {
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
    return notificationView(queued);
  }

  private async existing(id: string): Promise<NotificationRecord> {
    const record = await findNotification(this.em.fork(), id);
    if (!record) throw problems.notFound(`notification ${id}`);
    return record;
  }
}
