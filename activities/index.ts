import type { CaseActivities } from './contract';
import { caseFileActivities } from './case-file.activities';
import { documentActivities } from './document.activities';
import { withFailurePolicy } from './failure-policy';
import { forumActivities } from './forum.activities';
import { type NoticeDependencies, noticeActivities } from './notice.activities';
import type { Client } from '@temporalio/client';
import { pspoActivities } from './pspo.activities';
import type { ObjectStore } from '../libs/storage/src';
import { policyFanOutActivities } from './policy-fan-out.activities';

export type { CaseActivities } from './contract';
export { REJECTED_BY_DATABASE } from './contract';

/**
 * A plain object of functions, as `Worker.create` wants (it registers own enumerable properties only),
 * each under the one failure policy: refused for good, or retried and loud.
 */
/** What the activities reach: PostgreSQL, the mail server, the staff directory, the store of documents and evidence, and the cases' own workflows. */
export interface CaseActivityDependencies extends NoticeDependencies {
  readonly store: ObjectStore;
  readonly temporal: Client;
}

export function createCaseActivities(deps: CaseActivityDependencies): CaseActivities {
  return withFailurePolicy({ ...caseFileActivities(deps.orm, deps.store), ...noticeActivities(deps), ...forumActivities(deps.orm, deps.directory), ...documentActivities(deps.orm, deps.store), ...pspoActivities(deps), ...policyFanOutActivities(deps.temporal) });
}
