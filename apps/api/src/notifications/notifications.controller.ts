import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { ValidQuery } from '../http/query';
import { NotificationOutbox } from './notification-outbox';
import { NOTIFICATION_EXAMPLE, NotificationPage, NotificationQuery, NotificationView, notificationView } from './notification.schemas';
import { NotificationPath } from '../http/path-params';

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
  constructor(private readonly outbox: NotificationOutbox) {}

  @Get()
  @AuditAction('notification.list')
  @ApiOperation({ summary: 'List notifications (admins)', description: 'Every email the service sent or owes, one per recipient, newest first. `status=FAILED` shows what waits to be re-sent.' })
  @ApiResponse({ status: 200, description: 'The notifications that match.', standardSchema: NotificationPage, example: { notifications: [NOTIFICATION_EXAMPLE] } })
  @ApiResponse({ status: 400, description: 'An invalid filter.', standardSchema: Problem, example: problemExample(400) })
  async list(@ValidQuery(NotificationQuery) query: z.output<typeof NotificationQuery>, @CurrentCaller() caller: Caller): Promise<z.output<typeof NotificationPage>> {
    return { notifications: (await this.outbox.list(caller, query)).map(notificationView) };
  }

  @Get(':id')
  @AuditAction('notification.read')
  @ApiOperation({ summary: 'One notification (admins)' })
  @NotificationPath()
  @ApiResponse({ status: 200, description: 'The notification.', standardSchema: NotificationView, example: NOTIFICATION_EXAMPLE })
  @ApiResponse({ status: 404, description: 'No such notification.', standardSchema: Problem, example: problemExample(404) })
  async read(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<NotificationView> {
    return notificationView(await this.outbox.read(caller, id));
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
    return notificationView(await this.outbox.resend(caller, id));
  }
}
