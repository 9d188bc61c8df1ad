import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { Refusal } from '../../../../libs/domain/src';
import { CASE_NOT_OPEN, CASE_NOT_SAVED, COMMAND_REFUSED } from '../../../../workflows/case-messages';
import { CommandNotFinished, POLLED_RECENTLY_SECONDS } from '../temporal/temporal-client';
import { problems, type ProblemException } from './problem';

// 57P01-57P03: the server is shutting down, crashed (another backend was killed) or not yet accepting; 08xxx: the connection failed.
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** What `pg` throws, with no code at all, when the server vanished mid-query (killed with SIGKILL) or no connection came in time. */
const LOST_CONNECTION = /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect)$/;
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Maps what Temporal and PostgreSQL throw to the problem a caller can act on, or undefined when it is a bug. */
export function toProblem(error: unknown): ProblemException | undefined {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    switch (error.cause.type) {
      case CASE_NOT_SAVED:
        return problems.caseNotSaved(error.cause.message);
      case CASE_NOT_OPEN:
        return problems.notFound(`case ${String(error.cause.details?.[0])}`);
      case COMMAND_REFUSED: {
        const refusal = error.cause.details?.[0] as Refusal;
        return problems.refused(refusal.message, refusal.condition, refusal.holdsFrom);
      }
    }
    return undefined;
  }
  if (error instanceof WorkflowNotFoundError) return problems.notFound(`case ${error.workflowId}`);
  if (error instanceof CommandNotFinished) {
    switch (error.because) {
      case 'temporal-unreachable':
        return problems.temporalUnreachable();
      case 'no-worker':
        return problems.noWorker(error.details.taskQueue, POLLED_RECENTLY_SECONDS);
      case 'not-finished-in-time':
        return problems.notFinishedInTime(error.details.timeoutSeconds);
    }
  }
  if (isTemporalUnavailable(error)) return problems.temporalUnreachable();
  if (isDatabaseUnavailable(error)) return problems.unavailable('PostgreSQL');
  return undefined;
}

function isTemporalUnavailable(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return false;
  const code = (error.cause as { code?: number } | undefined)?.code;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || /unavailable|connect/i.test(error.message);
}

function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
    if (current instanceof Error && LOST_CONNECTION.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
