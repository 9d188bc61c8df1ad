import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedFor, compareFigures, formatComparison, readCommittedFigures, recordFigures, type RecordedFigures } from '../../apps/bench/src/regression';

const recorded = (figures: RecordedFigures['figures'], recordedAt = '2026-12-02T02:00:00.000Z'): RecordedFigures => ({
  recordedAt,
  cases: 300,
  operations: 200,
  concurrency: 8,
  cores: 2,
  loadAverage: [3.1, 2.5, 2],
  figures,
});

describe('benchmark regression check (the comparison only; the benchmark itself is not a test)', () => {
  it('flags a ratio that got worse beyond the tolerance, in the direction that is worse for it', () => {
    const committed = { openingShare: 0.5, commandP95: 4, stormRealDrain: 0.1 };
    const comparisons = compareFigures({ openingShare: 0.35, commandP95: 4.8, stormRealDrain: 0.2 }, committed, 0.25);
    expect(comparisons.map(({ name, regressed }) => [name, regressed])).toEqual([
      // a lower share of the baseline's throughput: 0.5 / 0.35 - 1 = 43% worse
      ['openingShare', true],
      // a higher latency ratio: 4.8 / 4 - 1 = 20% worse, within 25%
      ['commandP95', false],
      // a faster drain is better, never a regression
      ['stormRealDrain', false],
    ]);
    expect(comparisons[0]!.worse).toBeCloseTo(0.4286, 3);
    expect(comparisons[1]!.worse).toBeCloseTo(0.2, 6);
    expect(comparisons[2]!.worse).toBeCloseTo(-0.5, 6);
  });

  it('compares only the figures this run measured, and says so when none was committed', () => {
    const comparisons = compareFigures({ commandCpu: 3.2 }, undefined, 0.25);
    expect(comparisons).toEqual([{ name: 'commandCpu', now: 3.2, committed: undefined, worse: undefined, regressed: false }]);
    const row = formatComparison(comparisons, 'none', 0.25).split('\n')[2]!;
    expect(row.split('|').slice(1, -1).map((cell) => cell.trim())).toEqual(['CPU per command / CPU per raw update', '3.20', '—', '—', 'not committed']);
  });

  it('prints the ratio of this run beside the committed one, and REGRESSED where it is', () => {
    const table = formatComparison(compareFigures({ commandP95: 6 }, { commandP95: 4 }, 0.25), 'quick, 2026-12-02, load 3.1', 0.25);
    const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
    const [header, , row] = table.split('\n');
    expect(cells(header!)).toEqual(['figure (service / baseline)', 'this run', 'committed (quick, 2026-12-02, load 3.1)', 'worse by', 'regression (> 25%)']);
    expect(cells(row!)).toEqual(['command p95 (8 in flight) / raw update p95', '6.00', '4.00', '50%', 'REGRESSED']);
  });

  it('records one profile without losing the other, and compares a run with its own profile first', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-figures-')), 'baseline-figures.json');
    expect(readCommittedFigures(path)).toEqual({});
    recordFigures(path, 'full', recorded({ commandP95: 5.4 }, '2026-11-26T00:00:00.000Z'));
    expect(committedFor(readCommittedFigures(path), 'quick')).toEqual({ against: 'full', recorded: recorded({ commandP95: 5.4 }, '2026-11-26T00:00:00.000Z') });
    recordFigures(path, 'quick', recorded({ commandP95: 3.9 }));
    const committed = readCommittedFigures(path);
    expect(committedFor(committed, 'quick')?.recorded.figures).toEqual({ commandP95: 3.9 });
    expect(committedFor(committed, 'full')?.recorded.figures).toEqual({ commandP95: 5.4 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(committed);
  });
});
