import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';

export const PROJECT_ROOT = projectRoot();
export const DATA_DIR = process.env.ASB_DATA_DIR ?? join(PROJECT_ROOT, '.data');

/** A `temporal` already on PATH wins (brew, a download); otherwise the one `scripts/bootstrap.sh` built. */
export function temporalCliPath(): string {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'temporal')), join(PROJECT_ROOT, '.tools/bin/temporal')];
  const found = candidates.find(isExecutable);
  if (!found) throw new Error('no Temporal CLI: run `npm run bootstrap` (it builds one into .tools/bin) or install `temporal`');
  return found;
}

/** The Java time-skipping test server, launched as `<path> <port> [args]` the way the SDK expects. */
export function temporalTestServerPath(): string {
  const wrapper = join(PROJECT_ROOT, 'scripts/tools/temporal-test-server');
  if (!exists(join(PROJECT_ROOT, '.tools/temporal-test-server.classpath'))) {
    throw new Error('the Temporal test server is not resolved: run `npm run bootstrap`');
  }
  return wrapper;
}

function exists(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
