import { Controller, Get, HttpException, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { auditTrailFor, mustReadAuditTrail } from '../../../api/src/audit/audit-trail-reader';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { CaseReferenceParam } from '../../../api/src/cases/case.schemas';
import { NotificationOutbox } from '../../../api/src/notifications/notification-outbox';
import { staffNameOf } from '../rendering/staff-names';
import { auditActionInWords, auditOutcomeInWords } from './audit-words';

/** The refused notifications listed, and the audit entries shown, at most. */
const LISTED = 100;

/**
 * The admin's pages: refused mail with re-send, and the audit trail by case or by person, each through
 * the API's own logic and its admin-only rule (a caller who is not an admin gets "You cannot do this").
 */
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly em: EntityManager,
    private readonly directory: StaffDirectory,
  ) {}

  @Get('notifications')
  @Render('admin/notifications')
  @AuditAction('notification.list')
  async notifications(@CurrentCaller() caller: Caller, @Query('resent') resent: string | undefined) {
    const failed = await this.outbox.list(caller, { status: 'FAILED', limit: LISTED });
    const resentTo = resent ? (await this.outbox.read(caller, resent).catch(() => undefined))?.recipient : undefined;
    return { pageTitle: 'Refused emails', activeNav: 'admin', notifications: failed, resentTo };
  }

  /** Only a refused email is queued again: a second press (or a replayed form) changes nothing and says so. */
  @Post('notifications/:id/resend')
  @AuditAction('notification.resend')
  async resend(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    try {
      await this.outbox.resend(caller, id);
    } catch (error) {
      // Already re-sent (NOT_FAILED): the page shows it as under way, which is what the admin wanted.
      if (!(error instanceof HttpException && error.getStatus() === 409)) throw error;
    }
    res.redirect(303, `/admin/notifications?resent=${encodeURIComponent(id)}`);
  }

  @Get('audit')
  @Render('admin/audit')
  @AuditAction('audit.read')
  async audit(@CurrentCaller() caller: Caller, @Query('reference') referenceText: string | undefined, @Query('actor') actorText: string | undefined, @Req() audited: AuditedRequest) {
    // Refused to a non-admin before the search form is even shown, as the API refuses the trail.
    mustReadAuditTrail(caller);
    const reference = referenceText?.trim().toUpperCase() || undefined;
    const actor = actorText?.trim() || undefined;
    const referenceError = reference && !CaseReferenceParam.safeParse(reference).success ? 'Enter a case reference like ASB-2026-00001' : undefined;
    const searched = Boolean(reference || actor) && !referenceError;
    const entries = searched ? await auditTrailFor(this.em.fork(), caller, { ...(reference ? { reference } : {}), ...(actor ? { actor } : {}), limit: LISTED }) : [];
    audited.audit = { after: { query: { reference, actor }, results: entries.length } };
    return {
      pageTitle: 'Audit trail',
      pageError: Boolean(referenceError),
      activeNav: 'admin',
      query: { reference: referenceText ?? '', actor: actor ?? '' },
      referenceError,
      searched,
      people: this.directory.members().map((member) => ({ value: member.id, text: member.name, selected: member.id === actor })),
      entries: entries.map((entry) => ({
        ...entry,
        who: staffNameOf(this.directory, entry.actor),
        what: auditActionInWords(entry.action),
        outcome: auditOutcomeInWords(entry.status),
      })),
    };
  }
}
