import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/contract';

/**
 * Activities retry without limit: a deadline's consequence or a notice must not be dropped because
 * PostgreSQL or the mail server was down for a while; they are idempotent, so a retry never acts twice.
 */
export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
