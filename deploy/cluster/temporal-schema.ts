import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ClusterTools } from './cluster-tools';
import { TEMPORAL_DATABASES } from './temporal-config';

const run = promisify(execFile);

/**
 * Temporal's persistence and visibility schemas, set up and brought to the server's version with its
 * own tool, as its docker auto-setup does. Both steps are safe to repeat: setup-schema keeps a newer
 * version, update-schema applies only what is missing. The databases must exist already.
 */
export async function setUpTemporalSchema(tools: ClusterTools, db: { port: number; user: string; password: string }): Promise<void> {
  const schemas = [
    [TEMPORAL_DATABASES.persistence, 'temporal'],
    [TEMPORAL_DATABASES.visibility, 'visibility'],
  ] as const;
  for (const [database, folder] of schemas) {
    const tool = (...args: string[]) =>
      run(
        tools.temporalSqlTool,
        ['--plugin', 'postgres12', '--endpoint', '127.0.0.1', '--port', String(db.port), '--user', db.user, '--password', db.password, '--database', database, ...args],
        { encoding: 'utf8' },
      ).catch((error: unknown) => {
        const failed = error as { stderr?: string; stdout?: string };
        throw new Error(`temporal-sql-tool ${args[0]} on ${database}: ${(failed.stderr ?? '') + (failed.stdout ?? '')}`.trim().slice(-2000), { cause: error });
      });
    await tool('setup-schema', '--version', '0.0');
    await tool('update-schema', '--schema-dir', join(tools.temporalSchemaDir, folder, 'versioned'));
  }
}
