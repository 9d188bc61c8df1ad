import { defineEntity, p } from '@mikro-orm/core';

/** A PSPO as it stands (migration pspo; pspo-store.ts). `version` guards against two changes at once. */
export const PspoRecord = defineEntity({
  name: 'PspoRecord',
  tableName: 'pspo',
  properties: {
    pspoId: p.text().primary(),
    version: p.integer(),
    title: p.text(),
    areaDescription: p.text(),
    areaGeometry: p.json<unknown>().nullable(),
    prohibitions: p.json<string[]>(),
    requirements: p.json<string[]>(),
    madeOn: p.string().columnType('date'),
    expiresOn: p.string().columnType('date'),
    lastExtendedOn: p.string().columnType('date').nullable(),
    owner: p.text(),
    status: p.text().check(`status in ('IN_FORCE', 'EXPIRED', 'DISCHARGED')`),
    dischargedOn: p.string().columnType('date').nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type PspoRecord = InstanceType<typeof PspoRecord.class>;

const pspoOf = () => p.manyToOne(PspoRecord).fieldName('pspo_id').mapToPk().updateRule('no action').deleteRule('no action');

/** A consultation on a PSPO (s.72), once closed. Immutable (a trigger); which decision used it is read from pspo_decision. */
export const PspoConsultationRecord = defineEntity({
  name: 'PspoConsultationRecord',
  tableName: 'pspo_consultation',
  properties: {
    id: p.bigint('string').primary(),
    pspoId: pspoOf().foreignKeyName('pspo_consultation_pspo_id_fkey'),
    consultationId: p.text(),
    purpose: p.text().check(`purpose in ('MAKE', 'EXTEND', 'VARY', 'DISCHARGE')`),
    publishedOn: p.string().columnType('date'),
    closedOn: p.string().columnType('date'),
    consultees: p.json<string[]>(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [{ properties: ['pspoId', 'consultationId'], name: 'pspo_consultation_pspo_id_consultation_id_key' }],
});
export type PspoConsultationRecord = InstanceType<typeof PspoConsultationRecord.class>;

/** A decision on a PSPO (made, extended, varied, discharged) with the terms it left the order in. Immutable (a trigger). */
export const PspoDecisionEntity = defineEntity({
  name: 'PspoDecisionEntity',
  tableName: 'pspo_decision',
  properties: {
    id: p.bigint('string').primary(),
    pspoId: pspoOf().foreignKeyName('pspo_decision_pspo_id_fkey'),
    seq: p.integer(),
    kind: p.text().check(`kind in ('MAKE', 'EXTEND', 'VARY', 'DISCHARGE')`),
    decidedOn: p.string().columnType('date'),
    decidedBy: p.text(),
    consultationId: p.text(),
    reason: p.text(),
    expiryFrom: p.string().columnType('date').nullable(),
    expiryTo: p.string().columnType('date').nullable(),
    terms: p.json<unknown>(),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [{ properties: ['pspoId', 'seq'], name: 'pspo_decision_pspo_id_seq_key' }],
});
export type PspoDecisionEntity = InstanceType<typeof PspoDecisionEntity.class>;

/** A breach of a PSPO (s.67, s.63(6)) and its fixed penalty (s.68), in pence. Immutable (a trigger). */
export const PspoBreachRecord = defineEntity({
  name: 'PspoBreachRecord',
  tableName: 'pspo_breach',
  properties: {
    breachId: p.uuid().primary(),
    pspoId: pspoOf().foreignKeyName('pspo_breach_pspo_id_fkey'),
    occurredOn: p.string().columnType('date'),
    offence: p.text().check(`offence in ('FAILURE_TO_COMPLY', 'ALCOHOL_REQUIREMENT')`),
    description: p.text(),
    recordedBy: p.text(),
    caseReference: p.text().nullable(),
    penaltyIssuedOn: p.string().columnType('date').nullable(),
    penaltyAmountPence: p.integer().nullable().check('penalty_amount_pence > 0'),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
});
export type PspoBreachRecord = InstanceType<typeof PspoBreachRecord.class>;
