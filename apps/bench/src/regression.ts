import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CpuProfile } from './cpu-profile';
import type { Results } from './report';

/**
 * The figures the regression check compares: each a ratio of the service to raw Temporal measured in
 * the same run (or, for the storm, to the raw update's throughput), so that a slower or busier machine
 * moves both sides and the ratio stays comparable from run to run.
 */
export const FIGURES = {
  openingShare: { title: 'opening throughput / raw start-with-update', better: 'higher' },
  commandP95: { title: 'command p95 (8 in flight) / raw update p95', better: 'lower' },
  commandAloneP50: { title: 'command p50 one at a time / raw update p50', better: 'lower' },
  commandCpu: { title: 'CPU per command / CPU per raw update', better: 'lower' },
  stormRealDrain: { title: 'storm-real alerts/s / raw updates/s', better: 'higher' },
} as const satisfies Record<string, { title: string; better: 'higher' | 'lower' }>;

export type FigureName = keyof typeof FIGURES;
export type Figures = Partial<Record<FigureName, number>>;

/** A run's figures as committed: which profile (quick or full), with what sizes, on what machine and load. */
export interface RecordedFigures {
  readonly recordedAt: string;
  readonly cases: number;
  readonly operations: number;
  readonly concurrency: number;
  readonly cores: number;
  /** The 1-, 5- and 15-minute load averages when the run ended: a busy machine moves the ratios too. */
  readonly loadAverage: readonly number[];
  readonly figures: Figures;
}

export type Profile = 'quick' | 'full';
export type CommittedFigures = Partial<Record<Profile, RecordedFigures>>;

export interface Comparison {
  readonly name: FigureName;
  readonly now: number;
  readonly committed: number | undefined;
  /** How much worse (positive) or better (negative) than committed, as a fraction of it. */
  readonly worse: number | undefined;
  readonly regressed: boolean;
}

/** CPU seconds of the stack (the load generator left out) per operation. */
function cpuPerOperation(profile: CpuProfile, operations: number): number {
  const total = Object.entries(profile.cpuSeconds).reduce((sum, [part, seconds]) => (part === 'benchmark' ? sum : sum + seconds), 0);
  return total / operations;
}

export function figuresOf(results: Results): Figures {
  const { baseline, service, stormReal } = results;
  const figures: Figures = {};
  if (baseline && service) {
    figures.openingShare = service.open.perSecond / baseline.startWithUpdate.perSecond;
    figures.commandP95 = service.commands.p95 / baseline.update.p95;
    figures.commandAloneP50 = service.commandsAlone.p50 / baseline.updateAlone.p50;
    figures.commandCpu = cpuPerOperation(service.cpu.commands, service.commands.count) / cpuPerOperation(baseline.cpu.update, baseline.update.count);
  }
  if (baseline && stormReal) figures.stormRealDrain = stormReal.drainPerSecond / baseline.update.perSecond;
  for (const [name, value] of Object.entries(figures)) if (!Number.isFinite(value)) delete figures[name as FigureName];
  return figures;
}

/** Each figure of this run beside the committed one; worse by more than `tolerance` (a fraction) is a regression. */
export function compareFigures(now: Figures, committed: Figures | undefined, tolerance: number): Comparison[] {
  return (Object.keys(FIGURES) as FigureName[]).flatMap((name): Comparison[] => {
    const value = now[name];
    if (value === undefined) return [];
    const before = committed?.[name];
    if (before === undefined || before === 0) return [{ name, now: value, committed: undefined, worse: undefined, regressed: false }];
    const worse = FIGURES[name].better === 'lower' ? value / before - 1 : before / value - 1;
    return [{ name, now: value, committed: before, worse, regressed: worse > tolerance }];
  });
}

export function formatComparison(comparisons: readonly Comparison[], against: string, tolerance: number): string {
  const header = ['figure (service / baseline)', 'this run', `committed (${against})`, 'worse by', `regression (> ${(tolerance * 100).toFixed(0)}%)`];
  const rows = comparisons.map((c) => [
    FIGURES[c.name].title,
    c.now.toFixed(2),
    c.committed === undefined ? '—' : c.committed.toFixed(2),
    c.worse === undefined ? '—' : `${(c.worse * 100).toFixed(0)}%`,
    c.committed === undefined ? 'not committed' : c.regressed ? 'REGRESSED' : 'no',
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function readCommittedFigures(path: string): CommittedFigures {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CommittedFigures) : {};
}

/** The committed figures a run is compared with: its own profile's, or else the other's (said in the report). */
export function committedFor(committed: CommittedFigures, profile: Profile): { against: Profile; recorded: RecordedFigures } | undefined {
  const other: Profile = profile === 'quick' ? 'full' : 'quick';
  const recorded = committed[profile] ?? committed[other];
  return recorded && { against: committed[profile] ? profile : other, recorded };
}

/** Replaces one profile's committed figures, keeping the other's. */
export function recordFigures(path: string, profile: Profile, recorded: RecordedFigures): void {
  writeFileSync(path, `${JSON.stringify({ ...readCommittedFigures(path), [profile]: recorded }, null, 2)}\n`);
}
