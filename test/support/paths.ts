import { join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';

export const TEST_DATA_DIR = join(projectRoot(), '.data/test');
export const TEST_RUNTIME_FILE = join(TEST_DATA_DIR, 'runtime.json');

/** What global setup started for every test file: one PostgreSQL server and the workflow bundle. */
export interface TestRuntime {
  readonly postgresAdminUrl: string;
  readonly workflowBundlePath: string;
}
