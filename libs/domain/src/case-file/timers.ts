import { londonDateOf } from '../calendar';
import { addWorkingDays } from '../working-days';
import { type Deadline, DEADLINE_CATALOGUE, deadlineOn, natureOf, resolveDeadline } from '../deadline';
import { changed, type NewEntry, nextDeadlineId } from './change';
import type { CaseChange, CaseFile } from './state';
import { retentionEnded } from './retention';
import { SYSTEM_ACTOR } from '../system-actor';


/**
 * A deadline has passed. A duty left undone is recorded as MISSED and raises its alert; a period
 * that ran its course is MET, and what it leads to falls due. Nothing pending is ever dropped.
 */
export function deadlinePassed(file: CaseFile, deadlineId: string, now: Date): CaseChange {
  const deadline = file.deadlines.find((candidate) => candidate.id === deadlineId);
  if (!deadline || deadline.status !== 'PENDING') return { file, timeline: [] };
  if (deadline.kind === 'RETENTION_END') return retentionEnded(file, deadline, now);
  const title = DEADLINE_CATALOGUE[deadline.kind].title;
  const planned: Deadline[] = [];
  const plan = (kind: Deadline['kind'], reason: string, workingDays: number) =>
    planned.push(
      deadlineOn(
        { id: nextDeadlineId(file, kind, planned), kind, reason, ...(deadline.stepId ? { stepId: deadline.stepId } : {}), ...(deadline.subjectId ? { subjectId: deadline.subjectId } : {}) },
        addWorkingDays(deadline.dueOn, workingDays),
        now,
      ),
    );
  const policy = file.policy.local;

  if (natureOf(deadline.kind) === 'DUTY') {
    if (deadline.kind === 'CASE_REVIEW') {
      plan('REVIEW_ESCALATION', `a review still overdue ${policy.overdueReviewHeadOfServiceWorkingDays} working days after it was due goes to the head of service`, policy.overdueReviewHeadOfServiceWorkingDays);
    }
    const missed = resolveDeadline(deadline, 'MISSED', `passed unmet at ${deadline.dueAt}`, now);
    const entries: NewEntry[] = [
      { kind: 'DEADLINE_MISSED', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: `${title} due on ${deadline.dueOn} was missed`, data: { deadlineId, kind: deadline.kind, dueOn: deadline.dueOn } },
    ];
    return changed(file, { deadlines: [...replace(file.deadlines, missed), ...planned] }, entries, [missed]);
  }

  let consequence: string;
  /** What else the end of the period changes on the case, beyond its deadlines. */
  let alsoChanges: Partial<CaseFile> = {};
  switch (deadline.kind) {
    case 'CPW_COMPLIANCE':
    case 'CPN_REQUIREMENT':
      plan('COMPLIANCE_CHECK', `the ${deadline.kind === 'CPW_COMPLIANCE' ? 'CPW compliance period' : 'CPN requirement'} has ended: record whether it was complied with`, policy.complianceCheckWorkingDays);
      consequence = 'compliance check now due';
      break;
    case 'FPN_PAYMENT':
      plan('PROSECUTION_DECISION', 'the fixed penalty went unpaid: decide whether to prosecute', policy.prosecutionDecisionWorkingDays);
      consequence = 'unpaid: prosecution decision now due';
      break;
    case 'ORDER_EXPIRY':
      alsoChanges = {
        legalReferrals: file.legalReferrals.map((referral) => (referral.stepId === deadline.stepId && referral.status === 'ORDER_MADE' ? { ...referral, status: 'ORDER_ENDED' } : referral)),
      };
      consequence = 'order expired';
      break;
    case 'ABC_END':
      alsoChanges = { enforcement: file.enforcement.map((step) => (step.id === deadline.stepId ? { ...step, endedAt: now.toISOString() } : step)) };
      consequence = 'contract term ended';
      break;
    case 'CPN_APPEAL_WINDOW':
      consequence = 'appeal window closed';
      break;
    default:
      consequence = 'ended';
  }
  // Reviews of an order stop with the order.
  const baseDeadlines = deadline.kind === 'ORDER_EXPIRY'
    ? file.deadlines.map((d) => (d.kind === 'ORDER_REVIEW' && d.status === 'PENDING' && d.stepId === deadline.stepId ? resolveDeadline(d, 'CANCELLED', 'order expired', now) : d))
    : file.deadlines;
  const elapsed = resolveDeadline(deadline, 'MET', `${consequence} at ${deadline.dueAt}`, now);
  return changed(file, { ...alsoChanges, deadlines: [...replace(baseDeadlines, elapsed), ...planned] }, [
    { kind: 'PERIOD_ENDED', at: now.toISOString(), actor: SYSTEM_ACTOR, summary: `${title} ended on ${londonDateOf(new Date(deadline.dueAt))}: ${consequence}`, data: { deadlineId, kind: deadline.kind } },
  ]);
}

function replace(deadlines: readonly Deadline[], updated: Deadline): Deadline[] {
  return deadlines.map((deadline) => (deadline.id === updated.id ? updated : deadline));
}

/** Closed (or anonymised) and nothing left to watch: the case's process has ended. */
export function processEnded(file: CaseFile): boolean {
  return (file.stage === 'CLOSED' || file.stage === 'ANONYMISED') && file.deadlines.every((deadline) => deadline.status !== 'PENDING');
}

/** The review that is due next, if one is pending. */
export function nextReviewDeadline(file: CaseFile): Deadline | undefined {
  return file.deadlines.filter((deadline) => deadline.kind === 'CASE_REVIEW' && deadline.status === 'PENDING').sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}
