import { join } from 'node:path';
import { projectRoot } from './project-root';
import { z } from 'zod';
import { type DocumentStoreConfig, documentStoreConfig, DocumentStoreEnvironment } from './document-store-config';
import { type TemporalSecurity, temporalSecurity, TemporalConnectionEnvironment } from './temporal-connection-config';

/**
 * Everything the service reads from its environment, with the defaults that make a local run work
 * (the addresses `npm run up` starts things on). Nothing secret has a default.
 */
/** Five cron fields (Europe/London), or "off". */
const cronOrOff = (fallback: string) =>
  z
    .string()
    .regex(/^(off|\S+( \S+){4})$/, 'a five-field cron expression (minute hour day month weekday) or "off"')
    .default(fallback);

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  // Where people reach the console: every email's link to a case, a meeting or a team opens there.
  WEB_BASE_URL: z.url().default('http://localhost:3001'),
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('asb-cases'),
  TEMPORAL_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  ...TemporalConnectionEnvironment.shape,
  DATABASE_URL: z.string().min(1).default('postgres://asb:asb@localhost:5433/asb'),
  SMTP_URL: z.string().min(1).default('smtp://localhost:1025'),
  MAIL_FROM: z.string().min(1).default('ASB Case Service <asb-cases@localhost>'),
  // Five cron fields in Europe/London, or "off" where another deployment already sends the digest.
  DIGEST_SCHEDULE: cronOrOff('0 7 * * 1-5'),
  // When each forum's cycle runs (agenda compiled, meeting recorded, agenda sent): cron in Europe/London, or "off".
  JAG_SCHEDULE: cronOrOff('0 9 1 * *'),
  MAG_SCHEDULE: cronOrOff('0 9 15 * *'),
  DIRECTORY_PATH: z.string().min(1).default(() => join(projectRoot(), 'deploy/local/directory.json')),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).default('asb-case-service'),
  OIDC_JWKS_URI: z.url().optional(),
  // The local OpenID provider (`npm run up` starts it there): the issuer of `npm run token` and of the console's sign-in when OIDC_ISSUER is unset.
  DEV_ISSUER_URL: z.url().default('http://localhost:3100'),
  DEV_ISSUER_KEY_PATH: z.string().min(1).default(() => join(projectRoot(), '.data/dev-issuer/signing-key.json')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The worker's own HTTP server: /health for readiness and liveness, /metrics for Prometheus.
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3010),
  // Where the worker's Temporal runtime serves its own Prometheus metrics; the worker's /metrics appends them.
  TEMPORAL_METRICS_BIND_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'host:port').optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).default(25),
  // The largest evidence file accepted, in bytes: 50 MiB unless set.
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
}).extend(DocumentStoreEnvironment.shape);

export interface AppConfig {
  /** `publicBaseUrl` is the API's address, `consoleBaseUrl` the console's (where people follow an email's link). */
  readonly http: { readonly port: number; readonly publicBaseUrl: string; readonly consoleBaseUrl: string };
  readonly temporal: {
    readonly address: string;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly commandTimeoutMs: number;
    /** TLS (mTLS with a client certificate, or server-authenticated) and an API key, as Temporal Cloud asks; absent for a plain local server. */
    readonly security: TemporalSecurity;
  };
  readonly databaseUrl: string;
  /** `digestSchedule` is a cron expression in Europe/London; absent when the digest is switched off. */
  readonly mail: { readonly smtpUrl: string; readonly from: string; readonly digestSchedule?: string };
  readonly directoryPath: string;
  readonly auth: { readonly issuer?: string; readonly audience: string; readonly jwksUri?: string; readonly devKeyPath: string; readonly devIssuerUrl: string };
  readonly logLevel: string;
  /** The worker's HTTP port (/health, /metrics), and where its Temporal runtime serves the SDK's metrics (port + 1 on loopback unless set). */
  readonly workerHttp: { readonly port: number; readonly sdkMetricsBindAddress?: string };
  readonly shutdownGraceSeconds: number;
  /** Cron expressions (Europe/London) of the forum cycles; a forum switched off is absent. */
  readonly forumSchedules: { readonly JAG?: string; readonly MAG?: string };
  readonly documentStore: DocumentStoreConfig;
  /** The largest evidence file accepted (413 above it). */
  readonly evidenceMaxBytes: number;
}

export class ConfigError extends Error {}

/**
 * Variables read against a schema; an invalid one fails naming each variable and why. An
 * exported-but-empty variable (FOO=) means "not set", as shells and compose files use it.
 */
export function parseEnvironment<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = parseEnvironment(EnvironmentSchema, env);
  const documentStore = documentStoreConfig(e);
  if (typeof documentStore === 'string') throw new ConfigError(`invalid configuration: ${documentStore}`);
  const security = temporalSecurity(e);
  if (typeof security === 'string') throw new ConfigError(`invalid configuration: ${security}`);
  return {
    http: { port: e.PORT, publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''), consoleBaseUrl: e.WEB_BASE_URL.replace(/\/$/, '') },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      commandTimeoutMs: e.TEMPORAL_COMMAND_TIMEOUT_MS,
      security,
    },
    databaseUrl: e.DATABASE_URL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, ...(e.DIGEST_SCHEDULE === 'off' ? {} : { digestSchedule: e.DIGEST_SCHEDULE }) },
    directoryPath: e.DIRECTORY_PATH,
    auth: {
      ...(e.OIDC_ISSUER ? { issuer: e.OIDC_ISSUER } : {}),
      audience: e.OIDC_AUDIENCE,
      ...(e.OIDC_JWKS_URI ? { jwksUri: e.OIDC_JWKS_URI } : {}),
      devKeyPath: e.DEV_ISSUER_KEY_PATH,
      devIssuerUrl: e.DEV_ISSUER_URL.replace(/\/$/, ''),
    },
    logLevel: e.LOG_LEVEL,
    workerHttp: {
      port: e.WORKER_HTTP_PORT,
      // Port 0 (an in-process test) has no neighbour to derive from: the SDK's metrics are then not served.
      ...(e.TEMPORAL_METRICS_BIND_ADDRESS || e.WORKER_HTTP_PORT !== 0
        ? { sdkMetricsBindAddress: e.TEMPORAL_METRICS_BIND_ADDRESS ?? `127.0.0.1:${e.WORKER_HTTP_PORT + 1}` }
        : {}),
    },
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    forumSchedules: { ...(e.JAG_SCHEDULE === 'off' ? {} : { JAG: e.JAG_SCHEDULE }), ...(e.MAG_SCHEDULE === 'off' ? {} : { MAG: e.MAG_SCHEDULE }) },
    documentStore,
    evidenceMaxBytes: e.EVIDENCE_MAX_BYTES,
  };
}

export const APP_CONFIG = Symbol('AppConfig');
