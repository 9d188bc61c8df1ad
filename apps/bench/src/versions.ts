import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { temporalCliPath } from '../../../deploy/local/tools';
import { projectRoot } from '../../../libs/config/src';

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
}

export function machine(): Machine {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}` };
}

/** The versions of everything measured: the runtime, the SDK, the Temporal server (as it reports itself), PostgreSQL. */
export async function versions(temporalAddress: string, databaseUrl: string, localTemporal: boolean): Promise<Record<string, string>> {
  const connection = await Connection.connect({ address: temporalAddress });
  const { serverVersion } = await connection.workflowService.getSystemInfo({}).finally(() => connection.close());
  const pg = new PgClient({ connectionString: databaseUrl });
  // A server stopped under it (Ctrl-C) must not crash the benchmark before it cleans up.
  pg.on('error', () => undefined);
  await pg.connect();
  const { rows } = await pg.query<{ version: string }>('select version()').finally(() => pg.end());
  return {
    node: process.version,
    temporalSdk: packageVersion('@temporalio/client'),
    temporalServer: serverVersion ?? 'unknown',
    ...(localTemporal ? { temporalCli: safely(() => execFileSync(temporalCliPath(), ['--version'], { encoding: 'utf8' }).trim()) } : {}),
    temporalTestServer: safely(() => /temporal-test-server-([\d.]+)\.jar/.exec(readFileSync(join(projectRoot(), '.tools/temporal-test-server.classpath'), 'utf8'))?.[1] ?? 'unknown'),
    postgres: rows[0]?.version ?? 'unknown',
    nestjs: packageVersion('@nestjs/core'),
    mikroOrm: packageVersion('@mikro-orm/core'),
  };
}

function packageVersion(name: string): string {
  return safely(() => (JSON.parse(readFileSync(join(projectRoot(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version);
}

function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return 'unknown';
  }
}
