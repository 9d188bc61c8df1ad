import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalPostgres } from '../../../deploy/local/postgres';
import { startLocalTemporal } from '../../../deploy/local/temporal-dev-server';
import { migrate } from '../../../libs/persistence/src';
import type { BenchPorts } from './options';
import { SmtpSink } from './smtp-sink';

/** The real parts the service runs on: each started here, unless its variable names one already running. */
export interface BenchParts {
  readonly temporalAddress: string;
  /** The local dev server's process; undefined for a configured cluster (its memory is not ours to read). */
  readonly temporalPid: number | undefined;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  /** The SMTP sink started here (it counts what it accepts by Message-ID); undefined when SMTP_URL names another server. */
  readonly sink: SmtpSink | undefined;
  readonly configured: { readonly temporal: boolean; readonly database: boolean; readonly smtp: boolean };
  stopTemporal(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the stack as `npm run up` does (Temporal CLI dev server on SQLite, embedded PostgreSQL 18, an
 * SMTP server), but in its own directory, wiped first, and on its own ports, so that it runs beside a
 * developer's stack and the test suite. TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL point it elsewhere.
 */
export async function startBenchParts(dataDir: string, ports: BenchPorts, env: NodeJS.ProcessEnv = process.env): Promise<BenchParts> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch((error: unknown) => console.error(error));
  };
  try {
    let databaseUrl = env.DATABASE_URL || '';
    if (!databaseUrl) {
      const postgres = await startLocalPostgres({ dataDir: join(dataDir, 'postgres'), port: ports.postgres, database: 'asb', persistent: false });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    let temporalAddress = env.TEMPORAL_ADDRESS || '';
    let temporalPid: number | undefined;
    let stopTemporal = async () => undefined;
    if (!temporalAddress) {
      const temporal = await startLocalTemporal({ dataDir: join(dataDir, 'temporal'), port: ports.temporal, uiPort: ports.temporalUi });
      let stopped = false;
      stopTemporal = async () => {
        if (!stopped) await temporal.stop();
        stopped = true;
      };
      stops.push(stopTemporal);
      temporalAddress = temporal.address;
      temporalPid = temporal.pid;
    }
    let smtpUrl = env.SMTP_URL || '';
    let sink: SmtpSink | undefined;
    if (!smtpUrl) {
      const started = new SmtpSink();
      smtpUrl = `smtp://127.0.0.1:${await started.listen(ports.smtp)}`;
      stops.push(() => started.close());
      sink = started;
    }
    await migrate(databaseUrl);
    return {
      temporalAddress,
      temporalPid,
      databaseUrl,
      smtpUrl,
      sink,
      configured: { temporal: Boolean(env.TEMPORAL_ADDRESS), database: Boolean(env.DATABASE_URL), smtp: Boolean(env.SMTP_URL) },
      stopTemporal,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
