import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventRecord } from './service-records.entity';

export interface AuditEntry {
  readonly actor: string;
  readonly roles: readonly string[];
  /** What was done, e.g. `case.view`, `case.search`, `case.command.recordReview`. */
  readonly action: string;
  readonly reference?: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly at: string;
}

export async function appendAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
  await em.execute(
    `insert into audit_event (actor, roles, action, reference, method, path, status, before, after) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      entry.actor,
      JSON.stringify(entry.roles),
      entry.action,
      entry.reference ?? null,
      entry.method,
      entry.path,
      entry.status,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

export interface AuditQuery {
  readonly reference?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
  /** The id of the last entry already seen: entries come newest first. */
  readonly before?: string;
  readonly limit: number;
}

export async function readAudit(em: EntityManager, query: AuditQuery): Promise<AuditRecord[]> {
  const at = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lt: new Date(query.to) } : {}) };
  const events = await em.find(
    AuditEventRecord,
    {
      ...(query.reference ? { reference: query.reference } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.from || query.to ? { at } : {}),
      ...(query.before ? { id: { $lt: query.before } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: query.limit },
  );
  return events.map(auditRecordOf);
}

function auditRecordOf(event: AuditEventRecord): AuditRecord {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: event.actor,
    roles: event.roles,
    action: event.action,
    ...(event.reference ? { reference: event.reference } : {}),
    method: event.method,
    path: event.path,
    status: event.status,
    ...(event.before !== null && event.before !== undefined ? { before: event.before } : {}),
    ...(event.after !== null && event.after !== undefined ? { after: event.after } : {}),
  };
}
