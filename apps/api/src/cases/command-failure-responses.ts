import { ApiResponse } from '@nestjs/swagger';
import { Problem } from './case.schemas';

const PROBLEMS = 'https://asb-case-service.example/problems';

/**
 * What a 503 from a call that goes through Temporal means, each cause its own problem `type`; `retry`
 * says how to retry (a command names its Idempotency-Key).
 */
export const TemporalUnavailableResponse = (retry: string) =>
  ApiResponse({
    status: 503,
    description:
      'Not done, or not yet known to be done; `type` says why. `temporal-unreachable`: Temporal cannot be reached. ' +
      '`no-worker`: Temporal is up but no worker has polled the case task queue for over 75 seconds. ' +
      '`not-finished-in-time`: Temporal and a worker are up, but it did not finish within TEMPORAL_COMMAND_TIMEOUT_MS (it may still finish). ' +
      `\`unavailable\`: PostgreSQL cannot be reached. ${retry} See Retry-After.`,
    standardSchema: Problem,
    example: {
      type: `${PROBLEMS}/no-worker`,
      title: 'No worker is processing cases',
      status: 503,
      detail:
        'Temporal is up, but no worker has polled the task queue asb-cases in the last 75 seconds, so the command was not carried out. Retry with the same Idempotency-Key once a worker runs: it acts at most once.',
      instance: '/cases/ASB-2026-000123/reviews',
    },
  });

/** A command's change that PostgreSQL refused for good: retrying the same request cannot cure it. */
export const CaseNotSavedResponse = () =>
  ApiResponse({
    status: 500,
    description:
      'The case could not be saved (type `case-not-saved`): PostgreSQL refused the change for good (a data exception or a broken constraint), so it was not retried. ' +
      'The case is as it was before the command; the failure is recorded and the admins are told. `detail` names the SQLSTATE.',
    standardSchema: Problem,
    example: {
      type: `${PROBLEMS}/case-not-saved`,
      title: 'The case could not be saved',
      status: 500,
      detail:
        'case ASB-2026-000123 could not be saved (allocate): PostgreSQL refused it with SQLSTATE 08P01 (protocol violation: invalid message format). ' +
        'Retrying the same request cannot cure this: the case is as it was before it, the failure is recorded and the admins have been told.',
      instance: '/cases/ASB-2026-000123/allocation',
    },
  });
