import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/contract';

/**
 * Activities retry without limit what may pass: a deadline's consequence or a notice must not be
 * dropped because PostgreSQL or the mail server was down for a while; they are idempotent, so a retry
 * never acts twice, and from the fifth attempt each failure is logged as an error naming the case.
 * What retrying cannot cure (PostgreSQL refusing the data itself) fails at once, as `RejectedByDatabase`.
 */
const OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

export const activities = proxyActivities<CaseActivities>(OPTIONS);

/**
 * The same activities run inside the workflow task that asked for them: the save of a change completes
 * in the task that made it, so a command is one workflow task and its case file never enters history as
 * an activity's input. Under the same retry policy; past a minute of retries the worker waits on a
 * timer between attempts instead of holding the task.
 */
export const inTaskActivities = proxyLocalActivities<CaseActivities>({ ...OPTIONS, localRetryThreshold: '1 minute' });
