import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { DEADLINE_CATALOGUE } from '../../../../libs/domain/src';
import type { CaseDeadlineItem } from '../../../../libs/persistence/src';
import { CaseReports } from '../../../api/src/cases/case-reports';
import { CaseReadModel } from '../../../api/src/cases/case-read-model';
import type { CaseView } from '../../../api/src/cases/case.schemas';

type Referral = CaseView['legalReferrals'][number];

/**
 * The legal team's queue as referrals: the API's legal queue (its deadlines and its access rule),
 * each deadline shown with the referral it belongs to, that referral's step, every deadline of it,
 * and its hearing, read from the case file.
 */
@Injectable()
export class LegalQueue {
  constructor(
    private readonly reports: CaseReports,
    private readonly readModel: CaseReadModel,
  ) {}

  async of(caller: Caller) {
    const queue = await this.reports.legalQueue(caller);
    const referrals = [];
    // The queue's order (missed first, then by due time) is kept: each case is read once, where it first appears.
    for (const reference of new Set(queue.map((item) => item.reference))) {
      const file = await this.readModel.find(reference);
      if (!file) continue;
      const items = queue.filter((item) => item.reference === reference);
      const queued = new Set(items.map((item) => item.deadlineId));
      for (const referral of file.legalReferrals.filter((r) => r.windows.some((w) => queued.has(w.deadlineId)))) referrals.push(this.referralView(file, referral, items));
    }
    return referrals;
  }

  private referralView(file: CaseView, referral: Referral, queued: readonly CaseDeadlineItem[]) {
    const step = file.enforcementSteps.find((s) => s.id === referral.stepId);
    const missed = queued.some((item) => item.status === 'MISSED' && referral.windows.some((w) => w.deadlineId === item.deadlineId));
    return {
      reference: file.reference,
      referral,
      stepTitle: step?.title ?? referral.stepKind,
      missed,
      acknowledgementDue: referral.acknowledgedAt === null && referral.windows.some((w) => w.kind === 'LEGAL_ACKNOWLEDGEMENT' && w.status !== 'MET' && w.status !== 'CANCELLED'),
      deadlines: referral.windows.map((window) => ({ ...window, title: DEADLINE_CATALOGUE[window.kind].title })),
    };
  }
}
