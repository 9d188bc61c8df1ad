import { defineEntity, p } from '@mikro-orm/core';

/** A drafted or published policy version (migration policy_version; policy-version-store.ts). A trigger holds its lifecycle: draft, then published once, then fixed. */
export const PolicyVersionRecord = defineEntity({
  name: 'PolicyVersionRecord',
  tableName: 'policy_version',
  properties: {
    id: p.text().primary(),
    effectiveFrom: p.string().columnType('date'),
    local: p.json<unknown>(),
    statutory: p.json<unknown>(),
    status: p.text().default('DRAFT').check(`status in ('DRAFT', 'PUBLISHED')`),
    basedOn: p.text().nullable(),
    appliesToOpenCasesFrom: p.string().columnType('date').nullable(),
    draftedBy: p.text(),
    draftedAt: p.datetime().defaultRaw('now()'),
    approvedBy: p.text().nullable(),
    approvedAt: p.datetime().nullable(),
  },
});
export type PolicyVersionRecord = InstanceType<typeof PolicyVersionRecord.class>;
