import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  type LocalDate,
  type Pspo,
  PSPO_CONSULTEES,
  PSPO_DECISIONS,
  PSPO_OFFENCES,
  type PspoBreach,
  type PspoDecisionRecord,
  pspoGeometryProblem,
  type PspoGeometry,
  type PspoTerms,
} from '../../domain/src';
import { localDateColumn } from './row-columns';

/**
 * PSPOs in PostgreSQL: the order as it stands in `pspo`, its history (consultations, decisions, breaches)
 * appended beside it and never changed. Rows are checked as they are read and handed back as the
 * domain's types: a stored value the domain does not know fails here, by name.
 */

const localDate = localDateColumn;
const Geometry = z.unknown().refine((value) => pspoGeometryProblem(value) === undefined, 'not a GeoJSON Polygon or MultiPolygon') as unknown as z.ZodType<PspoGeometry>;
const Terms = z.object({ area: z.object({ description: z.string(), geometry: Geometry.optional() }), prohibitions: z.array(z.string()), requirements: z.array(z.string()) });

const PspoRow = z.object({
  pspo_id: z.string(),
  version: z.int(),
  title: z.string(),
  area_description: z.string(),
  area_geometry: Geometry.nullable(),
  prohibitions: z.array(z.string()),
  requirements: z.array(z.string()),
  made_on: localDate,
  expires_on: localDate,
  last_extended_on: localDate.nullable(),
  owner: z.string(),
  status: z.enum(['IN_FORCE', 'EXPIRED', 'DISCHARGED']),
  discharged_on: localDate.nullable(),
});
const ConsultationRow = z.object({
  pspo_id: z.string(),
  consultation_id: z.string(),
  purpose: z.enum(PSPO_DECISIONS),
  published_on: localDate,
  closed_on: localDate,
  consultees: z.array(z.enum(PSPO_CONSULTEES)),
  used_for: z.enum(PSPO_DECISIONS).nullable(),
});
const DecisionRow = z.object({
  pspo_id: z.string(),
  kind: z.enum(PSPO_DECISIONS),
  decided_on: localDate,
  decided_by: z.string(),
  consultation_id: z.string(),
  reason: z.string(),
  expiry_from: localDate.nullable(),
  expiry_to: localDate.nullable(),
  terms: Terms,
});
const BreachRow = z.object({
  breach_id: z.string(),
  pspo_id: z.string(),
  occurred_on: localDate,
  offence: z.enum(PSPO_OFFENCES),
  description: z.string(),
  recorded_by: z.string(),
  case_reference: z.string().nullable(),
  penalty_issued_on: localDate.nullable(),
  penalty_amount_pence: z.int().nullable(),
});

/** A decision as recorded: with the terms it left the order in, so that the order's past terms can be read. */
export interface RecordedPspoDecision extends PspoDecisionRecord {
  readonly terms: PspoTerms;
}

/** An order as stored: its decisions carry their terms, and `version` is what a change must find unchanged. */
export interface StoredPspo {
  readonly pspo: Omit<Pspo, 'decisions'> & { readonly decisions: readonly RecordedPspoDecision[] };
  readonly version: number;
}

const DATES = (columns: string[]) => columns.map((column) => `to_char(${column}, 'YYYY-MM-DD') as ${column}`).join(', ');
const PSPO_COLUMNS = `pspo_id, version, title, area_description, area_geometry, prohibitions, requirements, owner, status, ${DATES(['made_on', 'expires_on', 'last_extended_on', 'discharged_on'])}`;

/** The orders with the ids given (all of them when none are), oldest first. */
async function readPspos(em: EntityManager, pspoId?: string): Promise<StoredPspo[]> {
  const where = pspoId === undefined ? '' : 'where pspo_id = ?';
  const params = pspoId === undefined ? [] : [pspoId];
  const rows = z.array(PspoRow).parse(await em.execute(`select ${PSPO_COLUMNS} from pspo ${where} order by made_on, pspo_id`, params));
  if (rows.length === 0) return [];
  const consultations = z.array(ConsultationRow).parse(
    await em.execute(
      `select c.pspo_id, c.consultation_id, c.purpose, c.consultees, ${DATES(['c.published_on', 'c.closed_on']).replaceAll('as c.', 'as ')},
              (select d.kind from pspo_decision d where d.pspo_id = c.pspo_id and d.consultation_id = c.consultation_id order by d.seq limit 1) as used_for
       from pspo_consultation c ${where.replace('pspo_id', 'c.pspo_id')} order by c.id`,
      params,
    ),
  );
  const decisions = z.array(DecisionRow).parse(
    await em.execute(
      `select pspo_id, kind, decided_by, consultation_id, reason, terms, ${DATES(['decided_on', 'expiry_from', 'expiry_to'])}
       from pspo_decision ${where} order by pspo_id, seq`,
      params,
    ),
  );
  return rows.map((row) => ({
    version: row.version,
    pspo: {
      id: row.pspo_id,
      title: row.title,
      area: { description: row.area_description, ...(row.area_geometry ? { geometry: row.area_geometry } : {}) },
      prohibitions: row.prohibitions,
      requirements: row.requirements,
      madeOn: row.made_on,
      expiresOn: row.expires_on,
      ...(row.last_extended_on ? { lastExtendedOn: row.last_extended_on } : {}),
      owner: row.owner,
      status: row.status,
      ...(row.discharged_on ? { dischargedOn: row.discharged_on } : {}),
      consultations: consultations
        .filter((c) => c.pspo_id === row.pspo_id)
        .map((c) => ({ id: c.consultation_id, purpose: c.purpose, publishedOn: c.published_on, closedOn: c.closed_on, consultees: c.consultees, ...(c.used_for ? { usedFor: c.used_for } : {}) })),
      decisions: decisions
        .filter((d) => d.pspo_id === row.pspo_id)
        .map((d) => ({
          kind: d.kind,
          on: d.decided_on,
          by: d.decided_by,
          consultationId: d.consultation_id,
          reason: d.reason,
          ...(d.expiry_from && d.expiry_to ? { expiry: { from: d.expiry_from, to: d.expiry_to } } : {}),
          terms: d.terms as PspoTerms,
        })),
    },
  }));
}

export async function findPspo(em: EntityManager, pspoId: string): Promise<StoredPspo | undefined> {
  return (await readPspos(em, pspoId))[0];
}

export function listPspos(em: EntityManager): Promise<StoredPspo[]> {
  return readPspos(em);
}

/** The next PSPO id of a year, `PSPO-2026-001`: the year the order is made, numbered in order of recording. */
export async function nextPspoId(em: EntityManager, year: number): Promise<string> {
  const [row] = await em.execute<{ next: number }[]>(`select count(*)::int + 1 as next from pspo where pspo_id like ?`, [`PSPO-${year}-%`]);
  return `PSPO-${year}-${String(row!.next).padStart(3, '0')}`;
}

/** Records a new order with its consultation and its making. A second order under the same id is refused by its primary key. */
export async function insertPspo(em: EntityManager, pspo: Pspo): Promise<StoredPspo> {
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into pspo (pspo_id, version, title, area_description, area_geometry, prohibitions, requirements, made_on, expires_on, owner, status)
       values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [pspo.id, pspo.title, pspo.area.description, json(pspo.area.geometry ?? null), json(pspo.prohibitions), json(pspo.requirements), pspo.madeOn, pspo.expiresOn, pspo.owner, pspo.status],
    );
    await appendHistory(tx, undefined, pspo);
  });
  return (await findPspo(em, pspo.id))!;
}

/**
 * Records a change the domain made of `before` (a decision, a consultation, its lapse): the order's row
 * as it now stands, and what was added to its history. `undefined` when another change came first (the
 * version moved): the caller reads the order again and decides afresh.
 */
export async function savePspoChange(em: EntityManager, before: StoredPspo, after: Pspo, changedBy: string): Promise<StoredPspo | undefined> {
  const saved = await em.transactional(async (tx) => {
    const updated = await tx.execute<{ pspo_id: string }[]>(
      `update pspo set version = version + 1, area_description = ?, area_geometry = ?, prohibitions = ?, requirements = ?, expires_on = ?, last_extended_on = ?,
              status = ?, discharged_on = ?, updated_at = now()
       where pspo_id = ? and version = ? returning pspo_id`,
      [after.area.description, json(after.area.geometry ?? null), json(after.prohibitions), json(after.requirements), after.expiresOn, after.lastExtendedOn ?? null, after.status, after.dischargedOn ?? null, after.id, before.version],
    );
    if (updated.length === 0) return false;
    await appendHistory(tx, before.pspo, after, changedBy);
    return true;
  });
  return saved ? findPspo(em, after.id) : undefined;
}

/** The consultations and decisions `after` has that `before` did not: each new decision with the terms the order now has. */
async function appendHistory(tx: EntityManager, before: Pspo | undefined, after: Pspo, recordedBy = after.decisions[0]?.by ?? after.owner): Promise<void> {
  const known = new Set(before?.consultations.map((consultation) => consultation.id));
  for (const consultation of after.consultations.filter((candidate) => !known.has(candidate.id))) {
    await tx.execute(`insert into pspo_consultation (pspo_id, consultation_id, purpose, published_on, closed_on, consultees, recorded_by) values (?, ?, ?, ?, ?, ?, ?)`, [
      after.id,
      consultation.id,
      consultation.purpose,
      consultation.publishedOn,
      consultation.closedOn,
      json(consultation.consultees),
      recordedBy,
    ]);
  }
  const terms: PspoTerms = { area: after.area, prohibitions: after.prohibitions, requirements: after.requirements };
  for (const [seq, decision] of after.decisions.entries()) {
    if (seq < (before?.decisions.length ?? 0)) continue;
    await tx.execute(
      `insert into pspo_decision (pspo_id, seq, kind, decided_on, decided_by, consultation_id, reason, expiry_from, expiry_to, terms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [after.id, seq, decision.kind, decision.on, decision.by, decision.consultationId, decision.reason, decision.expiry?.from ?? null, decision.expiry?.to ?? null, json(terms)],
    );
  }
}

export async function insertPspoBreach(em: EntityManager, breach: PspoBreach): Promise<void> {
  await em.execute(
    `insert into pspo_breach (breach_id, pspo_id, occurred_on, offence, description, recorded_by, case_reference, penalty_issued_on, penalty_amount_pence) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      breach.id,
      breach.pspoId,
      breach.occurredOn,
      breach.offence,
      breach.description,
      breach.recordedBy,
      breach.caseReference ?? null,
      breach.fixedPenalty?.issuedOn ?? null,
      breach.fixedPenalty ? Math.round(breach.fixedPenalty.amountPounds * 100) : null,
    ],
  );
}

/** The breaches of one order, or of every order, oldest first. */
export async function listPspoBreaches(em: EntityManager, pspoId?: string): Promise<PspoBreach[]> {
  const rows = z.array(BreachRow).parse(
    await em.execute(
      `select breach_id::text, pspo_id, offence, description, recorded_by, case_reference, penalty_amount_pence, ${DATES(['occurred_on', 'penalty_issued_on'])}
       from pspo_breach ${pspoId === undefined ? '' : 'where pspo_id = ?'} order by occurred_on, recorded_at`,
      pspoId === undefined ? [] : [pspoId],
    ),
  );
  return rows.map((row) => ({
    id: row.breach_id,
    pspoId: row.pspo_id,
    occurredOn: row.occurred_on,
    offence: row.offence,
    description: row.description,
    recordedBy: row.recorded_by,
    ...(row.case_reference ? { caseReference: row.case_reference } : {}),
    ...(row.penalty_issued_on !== null && row.penalty_amount_pence !== null ? { fixedPenalty: { issuedOn: row.penalty_issued_on as LocalDate, amountPounds: row.penalty_amount_pence / 100 } } : {}),
  }));
}

const json = (value: unknown): string => JSON.stringify(value);
