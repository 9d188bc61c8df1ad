import { defineEntity, p } from '@mikro-orm/core';
import { caseReference } from './case-record.entity';

/** A partner agency a case is shared with, and whether it sees the summary only. */
export const CaseShareRecord = defineEntity({
  name: 'CaseShareRecord',
  tableName: 'case_share',
  properties: {
    reference: caseReference('case_share_reference_fkey').primary(),
    agency: p.text().primary(),
    summaryOnly: p.boolean(),
    sharedBy: p.text(),
    sharedAt: p.datetime(),
  },
});
export type CaseShareRecord = InstanceType<typeof CaseShareRecord.class>;

/** An action assigned to a partner agency, with whether the case's ledger holds its deadline missed. */
export const PartnerActionRecord = defineEntity({
  name: 'PartnerActionRecord',
  tableName: 'partner_action',
  properties: {
    reference: caseReference('partner_action_reference_fkey').primary(),
    actionId: p.text().primary(),
    agency: p.text(),
    description: p.text(),
    dueOn: p.string().columnType('date'),
    forum: p.text().nullable(),
    assignedBy: p.text(),
    assignedAt: p.datetime(),
    completedAt: p.datetime().nullable(),
    completedBy: p.text().nullable(),
    outcome: p.text().nullable(),
    deadlineMissed: p.boolean().default(false),
  },
});
export type PartnerActionRecord = InstanceType<typeof PartnerActionRecord.class>;

/** A complainant, subject or witness of a case, for questions across cases (search, the same person, a subject access request). */
export const CasePartyRecord = defineEntity({
  name: 'CasePartyRecord',
  tableName: 'case_party',
  properties: {
    reference: caseReference('case_party_reference_fkey').primary(),
    role: p.text().primary().check(`role in ('COMPLAINANT', 'SUBJECT', 'WITNESS')`),
    partyId: p.text().primary(),
    name: p.text(),
    dateOfBirth: p.string().columnType('date').nullable(),
  },
});
export type CasePartyRecord = InstanceType<typeof CasePartyRecord.class>;

/** When an incident of a case happened and was reported, for the ASB Case Review threshold across cases. */
export const CaseIncidentRecord = defineEntity({
  name: 'CaseIncidentRecord',
  tableName: 'case_incident',
  properties: {
    reference: caseReference('case_incident_reference_fkey').primary(),
    incidentId: p.text().primary(),
    occurredAt: p.datetime(),
    reportedAt: p.datetime(),
  },
});
export type CaseIncidentRecord = InstanceType<typeof CaseIncidentRecord.class>;

/** The whole case file as the workflow last saved it; read back against a schema (case-file-parts.ts). */
export const CaseFileRecord = defineEntity({
  name: 'CaseFileRecord',
  tableName: 'case_file',
  properties: {
    reference: caseReference('case_file_reference_fkey').primary(),
    version: p.integer(),
    file: p.json<unknown>(),
  },
});
export type CaseFileRecord = InstanceType<typeof CaseFileRecord.class>;
