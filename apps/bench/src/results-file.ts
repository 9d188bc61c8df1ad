import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { BenchOptions } from './options';
import { figuresOf } from './regression';
import type { Results, Row } from './report';
import type { Machine } from './versions';

export interface ResultsFile {
  readonly startedAt: Date;
  readonly machine: Machine;
  readonly versions: Record<string, string>;
  readonly stack: Record<string, string>;
  readonly options: BenchOptions;
  readonly results: Results;
  readonly rows: readonly Row[];
  readonly failures: Record<string, string>;
}

/** Writes the run as JSON: the machine and versions, what was asked, every figure, and each target with whether it held. */
export function writeResults(path: string, run: ResultsFile): void {
  const finished = new Date();
  const { service } = run.results;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    `${JSON.stringify(
      {
        startedAt: run.startedAt.toISOString(),
        finishedAt: finished.toISOString(),
        seconds: Math.round((finished.getTime() - run.startedAt.getTime()) / 1000),
        machine: run.machine,
        // Other work on the machine moves every figure: the 1-, 5- and 15-minute load averages at the end.
        loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
        versions: run.versions,
        stack: run.stack,
        options: { ...run.options, dataDir: undefined },
        failures: run.failures,
        // The ratios the regression check (--quick) compares with apps/bench/baseline-figures.json.
        figures: figuresOf(run.results),
        targets: run.rows.filter((row) => row.holds !== undefined).map(({ measure, service: figure, baseline, target, holds }) => ({ measure: measure.trim(), service: figure, baseline, target, holds })),
        results: { ...run.results, service: service && { ...service, cases: service.cases.length } },
      },
      null,
      2,
    )}\n`,
  );
}
