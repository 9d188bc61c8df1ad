import { addDays, type LocalDate } from '../../calendar';
import { ruleOn, type StatutoryRules } from '../../policy/statutory-rules';

/** The CPN appeal window [law, s.46(2)]: so many days beginning with the day of issue, which is day 1. */
export function cpnAppealWindow(issuedOn: LocalDate, statutory: StatutoryRules): { readonly days: number; readonly endsOn: LocalDate } {
  const days = ruleOn(statutory.cpnAppealWindowDays, issuedOn);
  return { days, endsOn: addDays(issuedOn, days - 1) };
}
