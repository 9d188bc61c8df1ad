import { compareDates, type LocalDate } from '../calendar';

/**
 * One statutory number through time: each entry applies from its date until the next. A provision
 * not yet in force has no entry for its new value; when commencement regulations are made, an entry
 * with that date is added, and every step taken on or after it uses the new value.
 */
export interface DatedRule<T> {
  readonly effectiveFrom: string;
  readonly value: T;
  readonly source: string;
}

export interface StatutoryRules {
  readonly cpwMinimumAge: readonly DatedRule<number>[];
  readonly cpnAppealWindowDays: readonly DatedRule<number>[];
  readonly fixedPenaltyMaximumPounds: readonly DatedRule<number>[];
  readonly fixedPenaltyNoProsecutionDays: readonly DatedRule<number>[];
  readonly injunctionMinimumAge: readonly DatedRule<number>[];
  readonly youthInjunctionMaximumMonths: readonly DatedRule<number>[];
  /** Whether an adult's Part 1 order is a Respect Order (2026 Act) rather than a civil injunction. */
  readonly respectOrdersInForce: readonly DatedRule<boolean>[];
  readonly breachArrestBeforeJudgeHours: readonly DatedRule<number>[];
  readonly closureNoticeHours: readonly DatedRule<{ readonly standard: number; readonly extended: number }>[];
  readonly closureOrderHearingHours: readonly DatedRule<number>[];
  readonly closureOrderMaximumMonths: readonly DatedRule<{ readonly initial: number; readonly total: number }>[];
  readonly youthCriminalBehaviourOrderReviewMonths: readonly DatedRule<number>[];
  readonly possessionNoticeAfterClosureOrderMonths: readonly DatedRule<number>[];
  readonly tenantReviewRequestDays: readonly DatedRule<number>[];
  /** The longest a Public Spaces Protection Order, or each extension of it, has effect. */
  readonly pspoMaximumYears: readonly DatedRule<number>[];
  /** The most a fixed penalty for breach of a Public Spaces Protection Order may be, on the day of the breach. */
  readonly pspoFixedPenaltyMaximumPounds: readonly DatedRule<number>[];
}

const ACT_2014 = 'Anti-social Behaviour, Crime and Policing Act 2014';
const IN_FORCE_2014 = '2014-10-20';


/** The law as it stands: 2014 Act numbers; the Crime and Policing Act 2026 changes await commencement. */
export const STATUTORY_RULES_2014_ACT: StatutoryRules = {
  cpwMinimumAge: [{ effectiveFrom: IN_FORCE_2014, value: 16, source: `${ACT_2014} s.43(1)` }],
  cpnAppealWindowDays: [{ effectiveFrom: IN_FORCE_2014, value: 21, source: `${ACT_2014} s.46(1)` }],
  fixedPenaltyMaximumPounds: [{ effectiveFrom: IN_FORCE_2014, value: 100, source: `${ACT_2014} s.52(6)` }],
  fixedPenaltyNoProsecutionDays: [{ effectiveFrom: IN_FORCE_2014, value: 14, source: `${ACT_2014} s.52(3)` }],
  injunctionMinimumAge: [{ effectiveFrom: IN_FORCE_2014, value: 10, source: `${ACT_2014} s.1(1)` }],
  youthInjunctionMaximumMonths: [{ effectiveFrom: IN_FORCE_2014, value: 12, source: `${ACT_2014} s.1(6)` }],
  respectOrdersInForce: [{ effectiveFrom: IN_FORCE_2014, value: false, source: `${ACT_2014} Part 1` }],
  breachArrestBeforeJudgeHours: [{ effectiveFrom: IN_FORCE_2014, value: 24, source: `${ACT_2014} s.9(2)` }],
  closureNoticeHours: [{ effectiveFrom: IN_FORCE_2014, value: { standard: 24, extended: 48 }, source: `${ACT_2014} s.77(1)` }],
  closureOrderHearingHours: [{ effectiveFrom: IN_FORCE_2014, value: 48, source: `${ACT_2014} s.81(3)` }],
  closureOrderMaximumMonths: [{ effectiveFrom: IN_FORCE_2014, value: { initial: 3, total: 6 }, source: `${ACT_2014} ss.80(5), 82(7)` }],
  youthCriminalBehaviourOrderReviewMonths: [{ effectiveFrom: IN_FORCE_2014, value: 12, source: `${ACT_2014} s.28` }],
  possessionNoticeAfterClosureOrderMonths: [{ effectiveFrom: IN_FORCE_2014, value: 3, source: 'Housing Act 1985 s.83ZA' }],
  tenantReviewRequestDays: [{ effectiveFrom: IN_FORCE_2014, value: 7, source: 'Housing Act 1985 s.85ZA' }],
  pspoMaximumYears: [{ effectiveFrom: IN_FORCE_2014, value: 3, source: `${ACT_2014} s.60(1), (2)` }],
  // The Crime and Policing Act 2026's £500 is a provision an admin's policy version commences (PSPO_FIXED_PENALTY_500).
  pspoFixedPenaltyMaximumPounds: [{ effectiveFrom: IN_FORCE_2014, value: 100, source: `${ACT_2014} s.68(6)` }],
};

/** The value of `rule` on `date`: the entry with the latest effective date not after it. */
export function ruleOn<T>(rule: readonly DatedRule<T>[], date: LocalDate): T {
  const inForce = rule.filter((entry) => compareDates(entry.effectiveFrom as LocalDate, date) <= 0);
  const latest = inForce.reduce<DatedRule<T> | undefined>(
    (best, entry) => (!best || compareDates(entry.effectiveFrom as LocalDate, best.effectiveFrom as LocalDate) > 0 ? entry : best),
    undefined,
  );
  if (!latest) throw new RangeError(`no statutory rule is in force on ${date}`);
  return latest.value;
}
