import type { CaseActivities } from './contract';
import { caseFileActivities } from './case-file.activities';
import { withFailurePolicy } from './failure-policy';
import { forumActivities } from './forum.activities';
import { type NoticeDependencies, noticeActivities } from './notice.activities';

export type { CaseActivities } from './contract';
export { REJECTED_BY_DATABASE } from './contract';

/**
 * A plain object of functions, as `Worker.create` wants (it registers own enumerable properties only),
 * each under the one failure policy: refused for good, or retried and loud.
 */
export function createCaseActivities(deps: NoticeDependencies): CaseActivities {
  return withFailurePolicy({ ...caseFileActivities(deps.orm), ...noticeActivities(deps), ...forumActivities(deps.orm, deps.directory) });
}
