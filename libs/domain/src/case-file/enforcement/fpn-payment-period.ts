import { addDays, type LocalDate } from '../../calendar';
import type { PolicyVersion } from '../../policy/local-policy';
import { POLICY_VERSIONS, policyInForceOn } from '../../policy/policy-versions';
import { ruleOn, type StatutoryRules } from '../../policy/statutory-rules';

/** The fixed penalty's payment period [law, s.52(3)]: no prosecution for so many days following the date of the notice. */
export function fpnPaymentPeriod(issuedOn: LocalDate, statutory: StatutoryRules): { readonly days: number; readonly endsOn: LocalDate } {
  const days = ruleOn(statutory.fixedPenaltyNoProsecutionDays, issuedOn);
  return { days, endsOn: addDays(issuedOn, days) };
}

/**
 * The early-payment terms a fixed penalty notice issued on `issuedOn` states: those of the local policy
 * version in force that day, if it has any and they reduce this penalty. A change of terms is a new
 * policy version from its effective date, so a notice already issued keeps the terms of its day.
 */
export function fpnEarlyPayment(
  issuedOn: LocalDate,
  amountPounds: number,
  versions: readonly PolicyVersion[] = POLICY_VERSIONS,
): { readonly amountPounds: number; readonly days: number; readonly endsOn: LocalDate } | undefined {
  const terms = policyInForceOn(issuedOn, versions).local.fixedPenaltyEarlyPayment;
  if (!terms || terms.reducedAmountPounds >= amountPounds) return undefined;
  return { amountPounds: terms.reducedAmountPounds, days: terms.withinDays, endsOn: addDays(issuedOn, terms.withinDays) };
}
