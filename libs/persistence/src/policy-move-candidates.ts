import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { textArray } from './text-array';
import { CASE_STAGES, CASE_TYPES, type CaseFile, type CaseType, OPEN_STAGES } from '../../domain/src';

export interface OpenCaseOfType {
  readonly reference: string;
  readonly type: CaseType;
}

/** The open cases that run under one of `policyVersionIds`, by reference. */
export async function openCasesUnder(em: EntityManager, policyVersionIds: readonly string[]): Promise<OpenCaseOfType[]> {
  const rows = await em.execute<unknown[]>(`select reference, type from asb_case where stage = any(?::text[]) and policy_version = any(?::text[]) order by reference`, [textArray(OPEN_STAGES), textArray(policyVersionIds)]);
  return z.array(z.looseObject({ reference: z.string(), type: z.enum(CASE_TYPES) })).parse(rows);
}

/** Which of `references` are cases of one of `types`. */
export async function casesOfTypes(em: EntityManager, references: readonly string[], types: readonly CaseType[]): Promise<Set<string>> {
  if (types.length === 0 || references.length === 0) return new Set();
  const rows = await em.execute<unknown[]>(`select reference from asb_case where reference = any(?::text[]) and type = any(?::text[])`, [textArray(references), textArray(types)]);
  return new Set(z.array(z.looseObject({ reference: z.string() })).parse(rows).map((row) => row.reference));
}

/**
 * What a policy move is judged on. The stored file is the workflow's own, written whole with every
 * save; the parts the move reads are checked, so a file of another shape fails here, not in the rule.
 */
const StoredCaseFile = z.looseObject({
  reference: z.string(),
  stage: z.enum(CASE_STAGES),
  openedAt: z.string(),
  policy: z.looseObject({ id: z.string(), local: z.looseObject({}), statutory: z.looseObject({}) }),
  deadlines: z.array(z.looseObject({ id: z.string(), kind: z.string(), dueOn: z.string(), dueAt: z.string(), status: z.string() })),
  complainants: z.array(z.unknown()),
});

/** The whole stored case files of `references`, in the same order; a reference without one is left out. */
export async function storedCaseFiles(em: EntityManager, references: readonly string[]): Promise<CaseFile[]> {
  const rows = await em.execute<{ file: unknown }[]>(`select file from case_file where reference = any(?::text[]) order by reference`, [textArray(references)]);
  return rows.map((row) => StoredCaseFile.parse(row.file) as unknown as CaseFile);
}
