import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/contract';

/**
 * Activities retry without limit what may pass: a deadline's consequence or a notice must not be
 * dropped because PostgreSQL or the mail server was down for a while; they are idempotent, so a retry
 * never acts twice, and from the fifth attempt each failure is logged as an error naming the case.
 * What retrying cannot cure (PostgreSQL refusing the data itself) fails at once, as `RejectedByDatabase`.
 */
export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
