import { compareDates, type LocalDate } from '../calendar';
import type { DatedRule, StatutoryRules } from './statutory-rules';

export const ACT_2026 = 'Crime and Policing Act 2026';

/**
 * An ASB provision of the Crime and Policing Act 2026 as shipped data: the statutory rule it changes,
 * the value it gives it and its source. `commencement` is the date commencement regulations bring it
 * into force, where one is published; otherwise none, and the author of a draft supplies it
 * (`commence: [{ provision, on }]`). docs/policy-administration.md cites each.
 */
export interface StatutoryProvision<K extends keyof StatutoryRules = keyof StatutoryRules> {
  readonly rule: K;
  readonly value: StatutoryRules[K][number]['value'];
  readonly source: string;
  readonly summary: string;
  readonly commencement?: string;
}

const provision = <K extends keyof StatutoryRules>(p: StatutoryProvision<K>) => p;

export const ACT_2026_PROVISIONS = {
  /** The fixed penalty for breach of a CPN (2014 Act s.52(6)); the PSPO one is its own provision. */
  CPN_FIXED_PENALTY_500: provision({
    rule: 'fixedPenaltyMaximumPounds',
    value: 500,
    source: `${ACT_2026}, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.52(6)`,
    summary: 'The maximum fixed penalty for breach of a Community Protection Notice rises from £100 to £500.',
  }),
  PSPO_FIXED_PENALTY_500: provision({
    rule: 'pspoFixedPenaltyMaximumPounds',
    value: 500,
    source: `${ACT_2026}, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.68(6)`,
    summary: 'The maximum fixed penalty for breach of a Public Spaces Protection Order rises from £100 to £500.',
  }),
  RESPECT_ORDERS: provision({
    rule: 'respectOrdersInForce',
    value: true,
    source: `${ACT_2026}, Part 1 (Respect Orders)`,
    summary: 'An adult’s Part 1 order is a Respect Order, no longer a civil injunction; under-18s keep the injunction.',
  }),
  CPW_MINIMUM_AGE_10: provision({
    rule: 'cpwMinimumAge',
    value: 10,
    source: `${ACT_2026}, Part 1, amending Anti-social Behaviour, Crime and Policing Act 2014 s.43(1)`,
    summary: 'A Community Protection Warning (and Notice) may be given to a person aged 10 or over, not 16.',
  }),
} as const satisfies Record<string, StatutoryProvision>;

export type Act2026Provision = keyof typeof ACT_2026_PROVISIONS;
export const ACT_2026_PROVISION_NAMES = Object.keys(ACT_2026_PROVISIONS) as [Act2026Provision, ...Act2026Provision[]];

export interface Commencement {
  readonly provision: Act2026Provision;
  /** The day it comes into force; absent only where a published date is shipped with the provision. */
  readonly on?: string;
}

export interface CommencementProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * `statutory` with each provision commenced on its date: its entry added to its rule, in date order.
 * An entry already on that rule for the same date is replaced by the provision (the author said so);
 * whatever else is wrong (two provisions on one rule the same day) is judged with the whole draft.
 */
export function commenceProvisions(statutory: StatutoryRules, commence: readonly Commencement[]): { statutory: StatutoryRules; problems: CommencementProblem[] } {
  const problems: CommencementProblem[] = [];
  let result: StatutoryRules = statutory;
  commence.forEach((item, index) => {
    const shipped = ACT_2026_PROVISIONS[item.provision] as StatutoryProvision | undefined;
    if (!shipped) return problems.push({ field: `commence[${index}].provision`, message: `no such provision: one of ${ACT_2026_PROVISION_NAMES.join(', ')}` });
    const on = item.on ?? shipped.commencement;
    if (!on) return problems.push({ field: `commence[${index}].on`, message: `no commencement date is published for ${item.provision}: say the day it comes into force` });
    const entry: DatedRule<unknown> = { effectiveFrom: on, value: shipped.value, source: shipped.source };
    const rule = (result[shipped.rule] ?? []) as readonly DatedRule<unknown>[];
    const entries = [...rule.filter((existing) => existing.effectiveFrom !== on), entry].sort((x, y) => compareDates(x.effectiveFrom as LocalDate, y.effectiveFrom as LocalDate));
    result = { ...result, [shipped.rule]: entries };
    return undefined;
  });
  return { statutory: result, problems };
}
