import { Controller, Get, Render } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { AuditAction } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { LegalQueue } from './legal-queue';

/** The legal referral queue, for the legal team and the head of service as the API's `GET /legal/queue`. */
@Controller('legal')
export class LegalPagesController {
  constructor(private readonly queue: LegalQueue) {}

  @Get()
  @Render('legal/legal-queue')
  @AuditAction('legal.queue')
  async legal(@CurrentCaller() caller: Caller) {
    return { pageTitle: 'Legal referrals', activeNav: 'legal', referrals: await this.queue.of(caller) };
  }
}
