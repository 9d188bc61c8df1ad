import { commenceProvisions, type Commencement, type CommencementProblem } from './crime-and-policing-act-2026';
import type { PolicyVersion } from './local-policy';
import type { StatutoryRules } from './statutory-rules';

/**
 * What an admin sends for a draft: a whole version, or one `basedOn` a published version with only
 * what changes: local numbers (any part of them, merged into the base's), statutory rules (each named
 * rule's entries replace the base's), and provisions to commence on a date.
 */
export interface PolicyDraftRequest {
  readonly id: unknown;
  readonly effectiveFrom: unknown;
  readonly local?: unknown;
  readonly statutory?: unknown;
  readonly commence?: readonly Commencement[];
}

/** The whole version a request describes (to be judged by `judgePolicyDraft`), and what commencing its provisions found wrong. */
export function draftFrom(request: PolicyDraftRequest, base: PolicyVersion | undefined): { draft: unknown; problems: CommencementProblem[] } {
  const local = base ? deepMerge(base.local, request.local) : request.local;
  const statutory = base ? { ...base.statutory, ...(isObject(request.statutory) ? request.statutory : {}) } : request.statutory;
  if (!request.commence?.length || !isObject(statutory)) return { draft: { id: request.id, effectiveFrom: request.effectiveFrom, local, statutory }, problems: [] };
  const commenced = commenceProvisions(statutory as unknown as StatutoryRules, request.commence);
  return { draft: { id: request.id, effectiveFrom: request.effectiveFrom, local, statutory: commenced.statutory }, problems: commenced.problems };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function deepMerge(base: unknown, changes: unknown): unknown {
  if (!isObject(base) || !isObject(changes)) return changes === undefined ? base : changes;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) merged[key] = deepMerge(base[key], value);
  return merged;
}
