import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { postgresRejectionOf } from '../libs/persistence/src';
import { CASE_WORKFLOW_TYPE } from '../workflows/case-messages';
import { REJECTED_BY_DATABASE } from './contract';

/**
 * From this attempt on, an activity that is still failing logs an error at every attempt: after about
 * 15 seconds at the workflows' backoff (1, 2, 4, 8 s), then once a minute at most (its ceiling).
 */
export const LOUD_FROM_ATTEMPT = 5;

/**
 * The one place activity failures are judged, applied to every activity. A refusal PostgreSQL would
 * repeat for ever (a data exception, a broken constraint) fails at once and is not retried; anything
 * else that may pass (PostgreSQL or the mail server down) is retried without limit, since a deadline's
 * consequence must not be dropped because a server was away, but never in silence.
 */
export function withFailurePolicy<T extends object>(activities: T): T {
  const judged = Object.entries(activities).map(([name, activity]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (activity as (...args: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw judge(name, error);
      }
    },
  ]);
  return Object.fromEntries(judged) as T;
}

function judge(activity: string, error: unknown): unknown {
  const rejection = postgresRejectionOf(error);
  if (rejection) {
    // Built afresh, without the driver's error as its cause: that may quote the data refused.
    return ApplicationFailure.create({
      type: REJECTED_BY_DATABASE,
      nonRetryable: true,
      message: `PostgreSQL refused ${activity}: SQLSTATE ${rejection.sqlState} (${rejection.condition}): ${rejection.message}`,
      details: [rejection],
    });
  }
  const finalFailure = error instanceof ApplicationFailure && error.nonRetryable;
  const { attempt, workflowExecution, workflowType } = Context.current().info;
  if (!finalFailure && attempt >= LOUD_FROM_ATTEMPT) {
    const workflowId = workflowExecution?.workflowId ?? 'none';
    const about = workflowType === CASE_WORKFLOW_TYPE ? `case ${workflowId}` : `${workflowType ?? 'no workflow'} ${workflowId}`;
    log.error(`${activity} for ${about} has failed ${attempt} times and is still being retried: ${error instanceof Error ? error.message : String(error)}`, { activity, workflowId, attempt });
  }
  return error;
}
