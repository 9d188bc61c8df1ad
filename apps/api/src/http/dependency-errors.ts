import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { problems, type ProblemException } from './problem';

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P03']);
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Maps what Temporal and PostgreSQL throw to the problem a caller can act on, or undefined when it is a bug. */
export function toProblem(error: unknown): ProblemException | undefined {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const refusal = error.cause.details?.[0] as { condition?: string; holdsFrom?: string } | undefined;
    return problems.refused(error.cause.message, refusal?.condition ?? error.cause.type ?? 'REFUSED', refusal?.holdsFrom);
  }
  if (error instanceof WorkflowNotFoundError) return problems.notFound(`case ${error.workflowId}`);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return problems.unconfirmed();
  if (isTemporalUnavailable(error)) return problems.unavailable('Temporal');
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
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
