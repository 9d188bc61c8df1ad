import type { LocalDate } from '../calendar';
import { ruleOn, STATUTORY_RULES_2014_ACT, type StatutoryRules } from '../policy/statutory-rules';

/**
 * The most a fixed penalty for a breach on `breachOn` may be [law, s.68(6); £500 once the Crime and
 * Policing Act 2026's increase commences]. Keyed by the day of the breach, not of the notice: a heavier
 * penalty than the one the law set when the offence was committed may not be imposed (ECHR Art. 7), so a
 * breach the day before commencement stays at £100 even if its notice is issued after.
 */
export function pspoFixedPenaltyMaximumOn(breachOn: LocalDate, statutory: StatutoryRules = STATUTORY_RULES_2014_ACT): number {
  return ruleOn(statutory.pspoFixedPenaltyMaximumPounds, breachOn);
}
