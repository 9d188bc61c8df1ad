import type { CaseType } from '../case-classification';

/**
 * [policy] The fewest cases of a type that routine statistics show. Below it the type's cases are left out
 * of every count and the type is reported as suppressed, so that a small number (one Prevent referral in
 * a ward in a month) does not point at a person. The Prevent duty guidance 2023 (s.4) and the ONS
 * disclosure control practice for small counts are why; 10 is the partnership's number.
 */
export const STATISTICS_MINIMUM_COUNT: Partial<Record<CaseType, number>> = { PREVENT: 10 };

/** The types whose count in the period is under their minimum: counted, but not shown. */
export function suppressedInStatistics(byType: readonly { readonly key: string | null; readonly count: number }[]): { type: CaseType; fewerThan: number }[] {
  return (Object.entries(STATISTICS_MINIMUM_COUNT) as [CaseType, number][])
    .filter(([type, minimum]) => (byType.find((row) => row.key === type)?.count ?? 0) < minimum)
    .map(([type, minimum]) => ({ type, fewerThan: minimum }));
}
