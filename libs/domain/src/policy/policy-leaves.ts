/**
 * A version (or a draft) as its leaves: `local.reviewIntervalDays.HIGH` → 7,
 * `statutory.fixedPenaltyMaximumPounds[0].value` → 100. The one walk the ranges and the diff share.
 */
export function leavesOf(value: unknown, path = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}[${index}]`));
    else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, at ? `${at}.${key}` : key);
    else leaves.set(at, node);
  };
  walk(value, path);
  return leaves;
}
