import type { EntityManager } from '@mikro-orm/postgresql';
import { isoInstant } from './iso-instant';

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
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (query.reference) add('reference = ?', query.reference);
  if (query.actor) add('actor = ?', query.actor);
  if (query.from) add('at >= ?', query.from);
  if (query.to) add('at < ?', query.to);
  if (query.before) add('id < ?', query.before);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select id, at, actor, roles, action, reference, method, path, status, before, after from audit_event
     ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`,
    [...params, query.limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    at: isoInstant(row.at as string),
    actor: row.actor as string,
    roles: row.roles as string[],
    action: row.action as string,
    ...(row.reference ? { reference: row.reference as string } : {}),
    method: row.method as string,
    path: row.path as string,
    status: row.status as number,
    ...(row.before !== null ? { before: row.before } : {}),
    ...(row.after !== null ? { after: row.after } : {}),
  }));
}
