import { addDays, type LocalDate } from '../../calendar';
import { ruleOn, type StatutoryRules } from '../../policy/statutory-rules';

/** The fixed penalty's payment period [law, s.52(3)]: no prosecution for so many days following the date of the notice. */
export function fpnPaymentPeriod(issuedOn: LocalDate, statutory: StatutoryRules): { readonly days: number; readonly endsOn: LocalDate } {
  const days = ruleOn(statutory.fixedPenaltyNoProsecutionDays, issuedOn);
  return { days, endsOn: addDays(issuedOn, days) };
}
