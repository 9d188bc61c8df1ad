import { addDays, addMonths, type LocalDate } from '../calendar';
import { ruleOn, STATUTORY_RULES_2014_ACT, type StatutoryRules } from '../policy/statutory-rules';

/**
 * The last day an order made on `madeOn` may have effect [law, s.60(1)]: the maximum in force that day.
 * "Not more than 3 years" counts the day it is made, so the period ends the day before the third
 * anniversary: one made on 15 January 2026 can run to 14 January 2029, not to the 15th, which would be
 * 3 years and a day.
 */
export function latestPspoExpiry(madeOn: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): LocalDate {
  return lastDayOfYearsFrom(madeOn, ruleOn(statutory.pspoMaximumYears, madeOn));
}

/**
 * The last day an extension decided on `extendedOn` may run to [law, s.60(2)]: it extends the period "by
 * a further period of not more than 3 years", so the further period starts the day after the current
 * expiry, however early the extension is decided; an early decision does not lose the time left to run.
 */
export function latestExtendedPspoExpiry(currentExpiresOn: LocalDate, extendedOn: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): LocalDate {
  return lastDayOfYearsFrom(addDays(currentExpiresOn, 1), ruleOn(statutory.pspoMaximumYears, extendedOn));
}

/**
 * The last day of a period of `years` years beginning with `start`: the day before its anniversary. A
 * period beginning on 29 February has its anniversary on 1 March in a common year (the English rule for
 * anniversaries), so it ends on 28 February.
 */
function lastDayOfYearsFrom(start: LocalDate, years: number): LocalDate {
  const anniversary = addMonths(start, years * 12);
  // addMonths gives 28 February for 29 February in a common year: that is already the day before 1 March.
  return anniversary.slice(8) === start.slice(8) ? addDays(anniversary, -1) : anniversary;
}
