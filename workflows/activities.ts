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
 * an activity's input. Under the same retry policy; past 5 seconds of retries (PostgreSQL away) the
 * worker waits on a server timer between attempts instead of holding the task: a worker told to stop
 * waits for its local activities and their retries (sdk-core does not stop them), so none may run long.
 */
export const inTaskActivities = proxyLocalActivities<CaseActivities>({ ...OPTIONS, localRetryThreshold: '5 seconds' });
