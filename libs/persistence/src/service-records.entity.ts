import { defineEntity, p } from '@mikro-orm/core';

/** The last case reference given out in a year (case-reference-allocator.ts). */
export const CaseReferenceSequenceRecord = defineEntity({
  name: 'CaseReferenceSequenceRecord',
  tableName: 'case_reference_sequence',
  properties: {
    year: p.integer().primary().autoincrement(false),
    lastSequence: p.integer(),
  },
});
export type CaseReferenceSequenceRecord = InstanceType<typeof CaseReferenceSequenceRecord.class>;

/** An `Idempotency-Key`, the request it was first used for, and its first answer (idempotent-request-store.ts). */
export const IdempotentRequestRecord = defineEntity({
  name: 'IdempotentRequestRecord',
  tableName: 'idempotent_request',
  properties: {
    idempotencyKey: p.text().primary(),
    requestHash: p.text(),
    reference: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    responseStatus: p.integer().nullable(),
    response: p.json<unknown>().nullable(),
  },
});
export type IdempotentRequestRecord = InstanceType<typeof IdempotentRequestRecord.class>;

/** A change of a case PostgreSQL refused for good (case-save-failure-store.ts). */
export const CaseSaveFailureRecord = defineEntity({
  name: 'CaseSaveFailureRecord',
  tableName: 'case_save_failure',
  properties: {
    failureId: p.text().primary(),
    reference: p.text(),
    operation: p.text(),
    sqlState: p.text(),
    condition: p.text(),
    message: p.text(),
    failedAt: p.datetime(),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
});
export type CaseSaveFailureRecord = InstanceType<typeof CaseSaveFailureRecord.class>;

/** One entry of the append-only audit trail (audit-trail.ts; a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const AuditEventRecord = defineEntity({
  name: 'AuditEventRecord',
  tableName: 'audit_event',
  properties: {
    id: p.bigint('string').primary(),
    at: p.datetime().defaultRaw('now()'),
    actor: p.text(),
    roles: p.json<string[]>(),
    action: p.text(),
    reference: p.text().nullable(),
    method: p.text(),
    path: p.text(),
    status: p.integer(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
  },
});
export type AuditEventRecord = InstanceType<typeof AuditEventRecord.class>;

/** One notice for one recipient in the outbox (notification-store.ts). */
export const NotificationOutboxRecord = defineEntity({
  name: 'NotificationOutboxRecord',
  tableName: 'notification',
  properties: {
    id: p.bigint('string').primary(),
    noticeKey: p.text(),
    kind: p.text(),
    reference: p.text().nullable(),
    recipient: p.text(),
    subject: p.text(),
    bodyText: p.text(),
    bodyHtml: p.text(),
    messageId: p.text().unique('notification_message_id_key'),
    status: p.text().check(`status in ('PENDING', 'SENT', 'FAILED')`),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    sentAt: p.datetime().nullable(),
    failedAt: p.datetime().nullable(),
    resendRequestedBy: p.text().nullable(),
    resendRequestedAt: p.datetime().nullable(),
    resendCount: p.integer().default(0),
  },
  uniques: [{ properties: ['noticeKey', 'recipient'], name: 'notification_notice_key_recipient_key' }],
});
export type NotificationOutboxRecord = InstanceType<typeof NotificationOutboxRecord.class>;
