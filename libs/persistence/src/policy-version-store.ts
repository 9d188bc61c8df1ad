import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { POLICY_VERSIONS, type PolicyVersion, PolicyVersionSchema } from '../../domain/src';
import { instantColumn, localDateColumn } from './row-columns';

export type PolicyVersionStatus = 'DRAFT' | 'PUBLISHED';

/** A policy version as the database keeps it: the version a case would carry, and its administration. */
export interface StoredPolicyVersion {
  readonly version: PolicyVersion;
  readonly status: PolicyVersionStatus;
  readonly basedOn?: string;
  readonly appliesToOpenCasesFrom?: string;
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
}

const COLUMNS = `id, to_char(effective_from, 'YYYY-MM-DD') as effective_from, local, statutory, status, based_on,
  to_char(applies_to_open_cases_from, 'YYYY-MM-DD') as applies_to_open_cases_from, drafted_by, drafted_at, approved_by, approved_at`;

/** A stored row of another shape fails here, by name, rather than reaching a case. */
const Row = z
  .looseObject({
    id: z.string(),
    effective_from: localDateColumn,
    local: z.unknown(),
    statutory: z.unknown(),
    status: z.enum(['DRAFT', 'PUBLISHED']),
    based_on: z.string().nullable(),
    applies_to_open_cases_from: localDateColumn.nullable(),
    drafted_by: z.string(),
    drafted_at: instantColumn,
    approved_by: z.string().nullable(),
    approved_at: instantColumn.nullable(),
  })
  .transform((row): StoredPolicyVersion => ({
    version: PolicyVersionSchema.parse({ id: row.id, effectiveFrom: row.effective_from, local: row.local, statutory: row.statutory }) as PolicyVersion,
    status: row.status,
    ...(row.based_on ? { basedOn: row.based_on } : {}),
    ...(row.applies_to_open_cases_from ? { appliesToOpenCasesFrom: row.applies_to_open_cases_from } : {}),
    draftedBy: row.drafted_by,
    draftedAt: row.drafted_at,
    ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
    ...(row.approved_at ? { approvedAt: row.approved_at } : {}),
  }));

export interface PolicyDraftRow {
  readonly version: PolicyVersion;
  readonly basedOn?: string;
  readonly appliesToOpenCasesFrom?: string;
  readonly draftedBy: string;
}

/** Inserts a draft; false when a version (draft or published) already has its id. */
export async function insertPolicyDraft(em: EntityManager, draft: PolicyDraftRow): Promise<boolean> {
  const inserted = await em.execute<unknown[]>(
    `insert into policy_version (id, effective_from, local, statutory, based_on, applies_to_open_cases_from, drafted_by)
     values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing returning id`,
    [draft.version.id, draft.version.effectiveFrom, JSON.stringify(draft.version.local), JSON.stringify(draft.version.statutory), draft.basedOn ?? null, draft.appliesToOpenCasesFrom ?? null, draft.draftedBy],
  );
  return inserted.length > 0;
}

/** Replaces a draft's contents (its author only, and while it is a draft): false when no such draft is theirs. */
export async function replacePolicyDraft(em: EntityManager, draft: PolicyDraftRow): Promise<boolean> {
  const updated = await em.execute<unknown[]>(
    `update policy_version set effective_from = ?, local = ?, statutory = ?, based_on = ?, applies_to_open_cases_from = ?, drafted_at = now()
     where id = ? and status = 'DRAFT' and drafted_by = ? returning id`,
    [draft.version.effectiveFrom, JSON.stringify(draft.version.local), JSON.stringify(draft.version.statutory), draft.basedOn ?? null, draft.appliesToOpenCasesFrom ?? null, draft.version.id, draft.draftedBy],
  );
  return updated.length > 0;
}

/** Publishes a draft by another admin's approval; false when it is no longer a draft (a repeated approval acts once). */
export async function publishPolicyDraft(em: EntityManager, id: string, approvedBy: string): Promise<boolean> {
  const updated = await em.execute<unknown[]>(
    `update policy_version set status = 'PUBLISHED', approved_by = ?, approved_at = now() where id = ? and status = 'DRAFT' and drafted_by <> ? returning id`,
    [approvedBy, id, approvedBy],
  );
  return updated.length > 0;
}

export async function findStoredPolicyVersion(em: EntityManager, id: string): Promise<StoredPolicyVersion | undefined> {
  const [row] = await em.execute<unknown[]>(`select ${COLUMNS} from policy_version where id = ?`, [id]);
  return row ? Row.parse(row) : undefined;
}

/** Stored versions, by effective date: the published only, or drafts too. */
export async function listStoredPolicyVersions(em: EntityManager, options: { withDrafts: boolean }): Promise<StoredPolicyVersion[]> {
  const rows = await em.execute<unknown[]>(`select ${COLUMNS} from policy_version ${options.withDrafts ? '' : `where status = 'PUBLISHED'`} order by effective_from, id`);
  return rows.map((row) => Row.parse(row));
}

/**
 * Every version a case may run under: those shipped in code, then those admins published (never a
 * draft). The API reads it through PolicyVersionSource; documents made by the worker read it here.
 */
export async function publishedPolicyVersions(em: EntityManager): Promise<readonly PolicyVersion[]> {
  const published = await listStoredPolicyVersions(em, { withDrafts: false });
  return [...POLICY_VERSIONS, ...published.map((stored) => stored.version)];
}
