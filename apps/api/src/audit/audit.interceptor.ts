import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { appendAudit } from '../../../../libs/persistence/src';
import type { AuthenticatedRequest } from '../auth/current-caller.decorator';
import { AUDIT_ACTION, type AuditedRequest } from './audit-action.decorator';

/**
 * Every authenticated request leaves an entry (who, when, what, before/after), written before the
 * response goes out, and refusals too: an attempt is as much a fact as a change.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const action = this.reflector.get<string>(AUDIT_ACTION, context.getHandler());
    if (!request.caller || !action) return next.handle();
    const record = async (status: number) => {
      const reference = request.audit?.reference ?? (typeof request.params?.reference === 'string' ? request.params.reference : undefined);
      await appendAudit(this.em.fork(), {
        actor: request.caller!.id,
        roles: request.caller!.roles,
        action,
        ...(reference ? { reference } : {}),
        method: request.method,
        path: request.originalUrl,
        status,
        ...(request.audit?.before !== undefined ? { before: request.audit.before } : {}),
        ...(request.audit?.after !== undefined ? { after: request.audit.after } : {}),
      });
      // A restricted case shown in a list is viewed as much as one opened: found by its reference in the trail.
      for (const shown of request.audit?.restrictedShown ?? []) {
        await appendAudit(this.em.fork(), { actor: request.caller!.id, roles: request.caller!.roles, action: `${action}.restricted-case-shown`, reference: shown, method: request.method, path: request.originalUrl, status });
      }
    };
    return next.handle().pipe(
      mergeMap((value) => from(record(response.statusCode).then(() => value))),
      catchError((error: unknown) => from(record(error instanceof HttpException ? error.getStatus() : 500)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
