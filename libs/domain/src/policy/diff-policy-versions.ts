import type { PolicyVersion } from './local-policy';
import { leavesOf } from './policy-leaves';
import type { DatedRule, StatutoryRules } from './statutory-rules';

/**
 * One difference between two versions. A local number: its path, `before` and `after`. A statutory
 * entry: the rule's path and the entry's `commencement` (its effective date), `before` null when the
 * entry is new, `after` null when it was taken out, and the source the entry cites.
 */
export interface PolicyChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly commencement?: string;
  readonly source?: string;
}

/** What changes from `a` to `b`: local leaves first, then statutory entries by rule and date. The ids and effective dates are the versions' own, not a change. */
export function diffPolicyVersions(a: Pick<PolicyVersion, 'local' | 'statutory'>, b: Pick<PolicyVersion, 'local' | 'statutory'>): PolicyChange[] {
  return [...localChanges(a.local, b.local), ...statutoryChanges(a.statutory, b.statutory)];
}

function localChanges(a: object, b: object): PolicyChange[] {
  const [before, after] = [leavesOf(a, 'local'), leavesOf(b, 'local')];
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths.filter((path) => before.get(path) !== after.get(path)).map((path) => ({ path, before: before.get(path) ?? null, after: after.get(path) ?? null }));
}

function statutoryChanges(a: StatutoryRules, b: StatutoryRules): PolicyChange[] {
  const rules = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof StatutoryRules)[];
  return rules.flatMap((rule) => {
    const before = byDate(a[rule]);
    const after = byDate(b[rule]);
    const dates = [...new Set([...before.keys(), ...after.keys()])].sort();
    return dates.flatMap((date): PolicyChange[] => {
      const [was, is] = [before.get(date), after.get(date)];
      if (was && is && JSON.stringify(was) === JSON.stringify(is)) return [];
      return [{ path: `statutory.${rule}`, commencement: date, before: was?.value ?? null, after: is?.value ?? null, source: (is ?? was)!.source }];
    });
  });
}

const byDate = (entries: readonly DatedRule<unknown>[] | undefined) => new Map((entries ?? []).map((entry) => [entry.effectiveFrom, entry]));
