import { addDays, londonDateOf } from '../calendar';
import { addWorkingDays } from '../working-days';
import { RISK_LEVELS, type RiskLevel } from '../case-classification';
import { type Deadline, deadlineOn } from '../deadline';
import { humanise, nextDeadlineId, resolvePending } from './change';
import type { CaseFile } from './state';
import { reviewOverdue } from './review-overdue';
import { RISK_FACTORS, type RiskAssessment } from './risk-assessment';
import { complainantDutiesOf } from '../case-types/complainant-duties';

export { RISK_FACTORS, type RiskAssessment } from './risk-assessment';


/** 4 or more factors (or repeat hate victimisation) is HIGH, 2 or 3 is MEDIUM, fewer is STANDARD. */
export function riskLevelOf(assessment: RiskAssessment): RiskLevel {
  const score = RISK_FACTORS.filter((factor) => assessment[factor]).length;
  const scored: RiskLevel = score >= 4 || (assessment.hateMotive && assessment.repeatVictimisation) ? 'HIGH' : score >= 2 ? 'MEDIUM' : 'STANDARD';
  const judged = assessment.professionalJudgement;
  return judged && RISK_LEVELS.indexOf(judged) > RISK_LEVELS.indexOf(scored) ? judged : scored;
}

/**
 * The deadlines the risk level drives, planned for a case whose risk is (re)set at `now`. Pending
 * ones are cancelled with the reason and replaced, so a change of risk never leaves two of a kind.
 */
export function planRiskDeadlines(file: CaseFile, risk: RiskLevel, now: Date, why: string): Deadline[] {
  const policy = file.policy.local;
  const opened = londonDateOf(new Date(file.openedAt));
  const today = londonDateOf(now);
  let deadlines = [...file.deadlines];
  const replace = (kind: Deadline['kind'], make: (id: string) => Deadline | undefined) => {
    const pending = deadlines.filter((deadline) => deadline.kind === kind && deadline.status === 'PENDING');
    const next = make(nextDeadlineId({ ...file, deadlines }, kind));
    if (!next) return;
    if (pending.length > 0 && pending.every((deadline) => deadline.dueAt === next.dueAt)) return;
    deadlines = resolvePending(deadlines, (deadline) => deadline.kind === kind, 'CANCELLED', `re-planned: ${why}`, now);
    deadlines.push(next);
  };

  const hasComplainant = file.complainants.length > 0;
  const duties = complainantDutiesOf(file);
  // Made, or missed and already alerted: either way there is nothing left to plan for first contact.
  const contactSettled = file.deadlines.some((deadline) => deadline.kind === 'INITIAL_CONTACT' && (deadline.status === 'MET' || deadline.status === 'MISSED'));
  if (hasComplainant && duties.initialContact && !contactSettled) {
    const days = policy.initialContactWorkingDays[risk];
    replace('INITIAL_CONTACT', (id) =>
      deadlineOn({ id, kind: 'INITIAL_CONTACT', reason: `${risk} risk: first contact with the complainant within ${days} working day${days === 1 ? '' : 's'} of the report` }, addWorkingDays(opened, days), now),
    );
  }

  if (file.stage !== 'CLOSED' && file.stage !== 'CLOSURE_REVIEW') {
    const interval = policy.reviewIntervalDays[risk];
    const from = file.lastReviewedAt ? londonDateOf(new Date(file.lastReviewedAt)) : opened;
    // An overdue review stays owed (and escalates) until a review is done; otherwise one is always planned.
    if (!reviewOverdue({ deadlines, lastReviewedAt: file.lastReviewedAt })) {
      const dueOn = addDays(from, interval);
      replace('CASE_REVIEW', (id) =>
        deadlineOn(
          { id, kind: 'CASE_REVIEW', reason: `${risk} risk cases are reviewed every ${interval} days (${file.lastReviewedAt ? 'from the last review' : 'from the report'})` },
          dueOn < today ? today : dueOn,
          now,
        ),
      );
    }
  }

  if (hasComplainant && duties.updates && !deadlines.some((deadline) => deadline.kind === 'COMPLAINANT_UPDATE' && deadline.status === 'PENDING')) {
    const days = policy.complainantUpdateWorkingDays;
    deadlines.push(
      deadlineOn(
        { id: nextDeadlineId({ ...file, deadlines }, 'COMPLAINANT_UPDATE'), kind: 'COMPLAINANT_UPDATE', reason: `the complainant is updated every ${days} working days` },
        addWorkingDays(today, days),
        now,
      ),
    );
  }
  return deadlines;
}

export function describeRiskChange(from: RiskLevel | undefined, to: RiskLevel): string {
  return from ? `Risk re-assessed from ${from} to ${to}` : `Risk assessed as ${to} (${humanise(to)})`;
}
