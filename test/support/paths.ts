import { join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';

export const TEST_DATA_ROOT = join(projectRoot(), '.data/test');
/** Set by global setup for the test files of one run; runs side by side do not share a directory. */
export const TEST_RUNTIME_ENV = 'ASB_TEST_RUNTIME';

/** What global setup started for every test file: one PostgreSQL server and the workflow bundle. */
export interface TestRuntime {
  readonly runDir: string;
  readonly postgresAdminUrl: string;
  readonly workflowBundlePath: string;
}
