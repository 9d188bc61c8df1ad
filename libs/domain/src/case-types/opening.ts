import { londonDateOf } from '../calendar';
import { type Deadline, deadlineAt, deadlineOn, type DeadlineKind } from '../deadline';
import { addWorkingDays, workingDayOn } from '../working-days';
import { nextDeadlineId } from '../case-file/change';
import { newPartnerAction } from '../case-file/partner-actions';
import type { CaseFile, PartnerAction } from '../case-file/state';
import { processOf } from './processes';
import { caseTypePolicyOf } from './type-policy';

const HOUR_MS = 3_600_000;

/** The type's own deadlines due from the report, and a partner-led type's first action for its lead agency. */
export function planTypeOpening(file: CaseFile, now: Date): Pick<CaseFile, 'deadlines' | 'partnerActions'> {
  const process = processOf(file.type);
  const policy = caseTypePolicyOf(file.policy.local);
  const reported = new Date(file.openedAt);
  const reportDay = workingDayOn(londonDateOf(reported));
  const deadlines: Deadline[] = [...file.deadlines];
  let partnerActions: readonly PartnerAction[] = file.partnerActions ?? [];
  const plan = (kind: DeadlineKind, reason: string) => ({ id: nextDeadlineId({ ...file, deadlines }, kind), kind, reason });
  const workingDays = (days: number) => (days === 0 ? 'the same working day' : `within ${days} working day${days === 1 ? '' : 's'}`);

  for (const kind of process.opening) {
    switch (kind) {
      case 'VICTIM_CONTACT': {
        const hours = policy.hateCrimeVictimContactHours;
        deadlines.push(deadlineAt(plan(kind, `the victim of a hate crime is contacted within ${hours} hours of the report`), new Date(reported.getTime() + hours * HOUR_MS), now));
        break;
      }
      case 'POLICE_NOTIFICATION': {
        const days = policy.hateCrimePoliceNotificationWorkingDays;
        deadlines.push(deadlineOn(plan(kind, `a hate crime is notified to the police ${workingDays(days)} of the report`), addWorkingDays(reportDay, days), now));
        break;
      }
      case 'SAFEGUARDING_REFERRAL':
        deadlines.push(deadlineOn(plan(kind, "a child at risk of sexual exploitation is referred to children's social care the same working day (Working Together to Safeguard Children 2023)"), reportDay, now));
        break;
      case 'PREVENT_REFERRAL': {
        const days = policy.preventReferralWorkingDays;
        deadlines.push(deadlineOn(plan(kind, `a Prevent concern is referred to the police Prevent gateway ${workingDays(days)} of the report`), addWorkingDays(reportDay, days), now));
        break;
      }
      case 'PARTNER_ACTION': {
        if (!process.leadAction) break;
        const days = policy.leadAgencyActionWorkingDays;
        const { action, deadline } = newPartnerAction(
          { ...file, deadlines, partnerActions },
          { agency: process.leadAction.agency, description: process.leadAction.description, dueOn: addWorkingDays(londonDateOf(reported), days) },
          now,
          file.openedBy,
        );
        partnerActions = [...partnerActions, action];
        deadlines.push(deadline);
        break;
      }
      default:
        throw new RangeError(`${kind} is not a deadline a case type plans at opening`);
    }
  }
  return { deadlines, partnerActions };
}
