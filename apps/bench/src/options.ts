import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../../libs/config/src';

export const PHASES = ['baseline', 'service', 'scale', 'read-model', 'evidence', 'storm-real', 'storm'] as const;
/** `--quick`: the regression check's phases, and the sizes that keep it under 5 minutes. */
export const QUICK = { phases: ['baseline', 'service', 'storm-real'] as Phase[], cases: 300, operations: 200 } as const;
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
  /** The short regression check: its phases and sizes, compared with the committed figures. */
  readonly quick: boolean;
  /** Write this run's figures as the committed ones (apps/bench/baseline-figures.json), as its profile (quick or full). */
  readonly record: boolean;
  /** How much worse than the committed figure a ratio may be before it is flagged (0.25: 25%). */
  readonly tolerance: number;
  readonly dataDir: string;
  readonly ports: BenchPorts;
}

const USAGE = `npm run bench -- [--cases 10000] [--read-model-cases 100000] [--concurrency 8] [--operations 1000] [--queries 200] [--only ${PHASES.join(',')}] [--quick] [--record] [--tolerance 0.25]`;

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
      quick: { type: 'boolean' },
      record: { type: 'boolean' },
      tolerance: { type: 'string' },
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
  const quick = values.quick ?? false;
  const phases = (values.only ?? env.BENCH_ONLY ?? (quick ? QUICK.phases : PHASES).join(',')).split(',').map((phase) => phase.trim());
  const tolerance = Number(values.tolerance ?? env.BENCH_TOLERANCE ?? '0.25');
  if (!(tolerance > 0 && tolerance < 10)) throw new Error(`--tolerance must be a fraction above 0 (0.25 is 25%), not "${values.tolerance ?? env.BENCH_TOLERANCE}"\n${USAGE}`);
  const unknown = phases.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length > 0) throw new Error(`unknown phase ${unknown.join(', ')}: choose from ${PHASES.join(', ')}\n${USAGE}`);
  return {
    cases: count('cases', values.cases, 'BENCH_CASES', quick ? QUICK.cases : 10_000),
    readModelCases: count('read-model-cases', values['read-model-cases'], 'BENCH_READ_MODEL_CASES', 100_000),
    concurrency: count('concurrency', values.concurrency, 'BENCH_CONCURRENCY', 8),
    operations: count('operations', values.operations, 'BENCH_OPERATIONS', quick ? QUICK.operations : 1_000),
    queries: count('queries', values.queries, 'BENCH_QUERIES', 200),
    phases: phases as Phase[],
    quick,
    record: values.record ?? false,
    tolerance,
    dataDir: env.BENCH_DATA_DIR || join(projectRoot(), '.data/bench'),
    ports: portsFrom(env),
  };
}

/** The benchmark's ports, all moved by BENCH_PORT_OFFSET (e.g. 100) so that two benchmarks can run side by side. */
function portsFrom(env: NodeJS.ProcessEnv): BenchPorts {
  const offset = Number(env.BENCH_PORT_OFFSET ?? '0');
  if (!Number.isInteger(offset) || offset < 0 || offset > 900) throw new Error(`BENCH_PORT_OFFSET must be a whole number from 0 to 900, not "${env.BENCH_PORT_OFFSET}"`);
  const base = { api: 13_000, stormApi: 13_001, postgres: 15_433, temporal: 17_233, temporalUi: 18_233, smtp: 11_025, stormSmtp: 11_026 };
  return Object.fromEntries(Object.entries(base).map(([name, port]) => [name, port + offset])) as unknown as BenchPorts;
}
