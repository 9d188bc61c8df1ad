import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../../libs/config/src';

export const PHASES = ['baseline', 'service', 'scale', 'read-model', 'evidence', 'storm'] as const;
export type Phase = (typeof PHASES)[number];

/** Ports of the benchmark's own stack: clear of `npm run up` (3000, 5433, 7233, 8233, 1025) and of the tests (ephemeral ports). */
export interface BenchPorts {
  readonly api: number;
  readonly stormApi: number;
  readonly postgres: number;
  readonly temporal: number;
  readonly temporalUi: number;
  readonly smtp: number;
  readonly stormSmtp: number;
}

export interface BenchOptions {
  /** Open cases held at once (scale), and review deadlines falling due together (storm). */
  readonly cases: number;
  /** Cases in PostgreSQL when the read model is queried. */
  readonly readModelCases: number;
  /** Requests in flight at once, for the baseline and for the service alike. */
  readonly concurrency: number;
  /** Measured operations of each kind (opening, commands, and their baselines). */
  readonly operations: number;
  /** Requests of each read-model query. */
  readonly queries: number;
  readonly phases: readonly Phase[];
  readonly dataDir: string;
  readonly ports: BenchPorts;
}

const USAGE = `npm run bench -- [--cases 10000] [--read-model-cases 100000] [--concurrency 8] [--operations 1000] [--queries 200] [--only ${PHASES.join(',')}]`;

export function benchOptions(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string' },
      'read-model-cases': { type: 'string' },
      concurrency: { type: 'string' },
      operations: { type: 'string' },
      queries: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: string, flag: string | undefined, variable: string, fallback: number) => {
    const raw = flag ?? env[variable] ?? String(fallback);
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} (or ${variable}) must be a whole number above 0, not "${raw}"\n${USAGE}`);
    return value;
  };
  const phases = (values.only ?? env.BENCH_ONLY ?? PHASES.join(',')).split(',').map((phase) => phase.trim());
  const unknown = phases.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length > 0) throw new Error(`unknown phase ${unknown.join(', ')}: choose from ${PHASES.join(', ')}\n${USAGE}`);
  return {
    cases: count('cases', values.cases, 'BENCH_CASES', 10_000),
    readModelCases: count('read-model-cases', values['read-model-cases'], 'BENCH_READ_MODEL_CASES', 100_000),
    concurrency: count('concurrency', values.concurrency, 'BENCH_CONCURRENCY', 8),
    operations: count('operations', values.operations, 'BENCH_OPERATIONS', 1_000),
    queries: count('queries', values.queries, 'BENCH_QUERIES', 200),
    phases: phases as Phase[],
    dataDir: env.BENCH_DATA_DIR || join(projectRoot(), '.data/bench'),
    ports: { api: 13_000, stormApi: 13_001, postgres: 15_433, temporal: 17_233, temporalUi: 18_233, smtp: 11_025, stormSmtp: 11_026 },
  };
}
