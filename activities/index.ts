import type { CaseActivities } from './contract';
import { type AlertDependencies, alertActivities } from './alert.activities';
import { caseFileActivities } from './case-file.activities';

export type { CaseActivities } from './contract';

/** A plain object of functions, as `Worker.create` wants: it registers own enumerable properties only. */
export function createCaseActivities(deps: AlertDependencies): CaseActivities {
  return { ...caseFileActivities(deps.orm), ...alertActivities(deps) };
}
