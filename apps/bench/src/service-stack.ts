import { join } from 'node:path';
import { type ServiceProcess, startProcess } from './service-process';

export interface ServiceWiring {
  readonly temporalAddress: string;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  readonly taskQueue: string;
  readonly port: number;
  /** Where the development issuer's key is kept: the API verifies, and the benchmark mints, with it. */
  readonly devKeyPath: string;
  /** Where each process's output is written, as `<name>.log`. */
  readonly logDir: string;
}

export interface RunningService {
  readonly baseUrl: string;
  readonly worker: ServiceProcess;
  readonly api: ServiceProcess;
  stop(): Promise<void>;
}

/** The worker and the API, each its own compiled process configured from the environment, as `npm run up` starts them. */
export async function startServiceProcesses(wiring: ServiceWiring): Promise<RunningService> {
  const baseUrl = `http://127.0.0.1:${wiring.port}`;
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  // The benchmark mints its own tokens: the API it starts trusts the development issuer only.
  for (const name of ['OIDC_ISSUER', 'OIDC_JWKS_URI', 'OIDC_AUDIENCE']) delete env[name];
  Object.assign(env, {
    PORT: String(wiring.port),
    PUBLIC_BASE_URL: baseUrl,
    TEMPORAL_ADDRESS: wiring.temporalAddress,
    TEMPORAL_TASK_QUEUE: wiring.taskQueue,
    DATABASE_URL: wiring.databaseUrl,
    SMTP_URL: wiring.smtpUrl,
    DEV_ISSUER_KEY_PATH: wiring.devKeyPath,
    // Beside a local stack, whose worker has 3010.
    WORKER_HTTP_PORT: '0',
    // The managers' digest and the MAG and JAG cycles would run at their hour in the middle of a run:
    // each phase measures only itself.
    DIGEST_SCHEDULE: 'off',
    JAG_SCHEDULE: 'off',
    MAG_SCHEDULE: 'off',
  });
  // BENCH_WORKER_NODE_OPTIONS reaches the worker alone: e.g. --cpu-prof to see where its time goes, or a heap limit.
  const workerEnv = process.env.BENCH_WORKER_NODE_OPTIONS ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${process.env.BENCH_WORKER_NODE_OPTIONS}`.trim() } : env;
  const worker = await startProcess('worker', join('apps/worker/src/main.js'), workerEnv, { output: 'polling task queue' }, join(wiring.logDir, 'worker.log'));
  try {
    const api = await startProcess('api', join('apps/api/src/main.js'), env, { healthUrl: `${baseUrl}/health` }, join(wiring.logDir, 'api.log'));
    return {
      baseUrl,
      worker,
      api,
      async stop() {
        await api.stop();
        await worker.stop();
      },
    };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}
