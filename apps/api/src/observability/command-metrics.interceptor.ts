import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { CaseCommandsController } from '../cases/commands/case-commands.controller';
import { CasesController } from '../cases/cases.controller';
import { ApiMetrics } from './api-metrics';

/**
 * Counts each case command (and each opening, `openCase`) by outcome: `done`, `replayed` (a retry under
 * an Idempotency-Key, answered without acting), or the status it was refused with.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: ApiMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const command = commandOf(context);
    if (!command) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    // Counted as answered, so a refusal counts with the status the exception filter gave it.
    response.once('finish', () => this.metrics.commands.inc({ command, outcome: outcomeOf(response) }));
    return next.handle();
  }
}

function commandOf(context: ExecutionContext): string | undefined {
  if (context.getType() !== 'http') return undefined;
  const controller = context.getClass();
  if (controller === CaseCommandsController) return context.getHandler().name;
  if (controller === CasesController && context.switchToHttp().getRequest<{ method: string }>().method === 'POST' && context.getHandler().name === 'open') return 'openCase';
  return undefined;
}

function outcomeOf(response: Response): string {
  if (response.statusCode >= 300) return String(response.statusCode);
  return response.getHeader('Idempotent-Replayed') === 'true' ? 'replayed' : 'done';
}
