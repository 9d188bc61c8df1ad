import type { CaseActivities } from './contract';
import { caseFileActivities } from './case-file.activities';
import { forumActivities } from './forum.activities';
import { type NoticeDependencies, noticeActivities } from './notice.activities';

export type { CaseActivities } from './contract';

/** A plain object of functions, as `Worker.create` wants: it registers own enumerable properties only. */
export function createCaseActivities(deps: NoticeDependencies): CaseActivities {
  return { ...caseFileActivities(deps.orm), ...noticeActivities(deps), ...forumActivities(deps.orm, deps.directory) };
}
