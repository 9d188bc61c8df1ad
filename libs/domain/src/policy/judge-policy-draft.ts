import { compareDates, type LocalDate } from '../calendar';
import { leavesOf } from './policy-leaves';
import { POLICY_ORDERINGS, rangeOf } from './policy-ranges';
import { PolicyVersionSchema } from './policy-version-schema';

/** What is wrong with a draft: the field (its path in the version) and why. */
export interface PolicyProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Every reason `draft` cannot be published, or none: each field present and of its type, every number
 * within its range (policy-ranges.ts), numbers that order each other in order, and each statutory
 * rule's entries in date order, no two on one date, each with its source.
 */
export function judgePolicyDraft(draft: unknown): PolicyProblem[] {
  const parsed = PolicyVersionSchema.safeParse(draft);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ field: pathOf(issue.path), message: isMissing(issue) ? 'missing' : issue.message }));
  }
  const leaves = leavesOf(parsed.data);
  return [...rangeProblems(leaves), ...orderProblems(leaves), ...dateProblems(parsed.data.statutory)];
}

function rangeProblems(leaves: Map<string, unknown>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [field, value] of leaves) {
    if (typeof value !== 'number') continue;
    const range = rangeOf(field);
    if (!range) problems.push({ field, message: 'no range is set for this number (policy-ranges.ts)' });
    else if (value < range.min || value > range.max) problems.push({ field, message: `must be ${range.min}–${range.max} ${range.unit}, not ${value}` });
  }
  return problems;
}

function orderProblems(leaves: Map<string, unknown>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [lower, higher, why] of POLICY_ORDERINGS) {
    for (let index = 0; ; index++) {
      const [a, b] = [lower, higher].map((path) => path.replace('[]', `[${index}]`)) as [string, string];
      if (!leaves.has(a) || !leaves.has(b)) break;
      const [x, y] = [leaves.get(a), leaves.get(b)] as [number, number];
      if (x > y) problems.push({ field: a, message: `must be no more than ${b} (${y}): ${why}` });
      if (!lower.includes('[]')) break;
    }
  }
  return problems;
}

function dateProblems(statutory: Record<string, readonly { effectiveFrom: string }[]>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [rule, entries] of Object.entries(statutory)) {
    entries.forEach((entry, index) => {
      const previous = entries[index - 1];
      if (!previous) return;
      const order = compareDates(previous.effectiveFrom as LocalDate, entry.effectiveFrom as LocalDate);
      if (order === 0) problems.push({ field: `statutory.${rule}[${index}].effectiveFrom`, message: `two entries take effect on ${entry.effectiveFrom}: one date, one value` });
      else if (order > 0) problems.push({ field: `statutory.${rule}[${index}].effectiveFrom`, message: `entries are in date order: ${entry.effectiveFrom} comes before the entry above it (${previous.effectiveFrom})` });
    });
  }
  return problems;
}

// zod reports a missing field as a type mismatch with undefined (it keeps no input unless asked).
const isMissing = (issue: { code: string; message: string }) => issue.code === 'invalid_type' && issue.message.endsWith('received undefined');

const pathOf = (path: readonly PropertyKey[]) => path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), '');
