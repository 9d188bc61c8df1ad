import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { type AuditQuery, type AuditRecord, readAudit } from '../../../../libs/persistence/src';
import { problems } from '../http/problem';

/** The audit trail, the outbox and subject access are the admins' (the API's `/audit`, `/notifications`, `/subject-access`). */
export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');

export function mustReadAuditTrail(caller: Caller): void {
  if (!isAdmin(caller)) throw problems.forbidden('only admins read the audit trail');
}

/** The audit trail for an admin, newest first: the API's `GET /audit` and the console's audit page both read it here. */
export async function auditTrailFor(em: EntityManager, caller: Caller, query: AuditQuery): Promise<AuditRecord[]> {
  mustReadAuditTrail(caller);
  return readAudit(em, query);
}
