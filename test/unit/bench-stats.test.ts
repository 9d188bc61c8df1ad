import { percentile, summarise } from '../../apps/bench/src/stats';

describe('benchmark statistics (pure helpers; the benchmark itself is not a test)', () => {
  it('takes the nearest-rank percentile: the smallest value with at least p% of values at or below it', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted latencies with throughput over the wall-clock time', () => {
    const summary = summarise([30, 10, 20, 40], 2000, 1);
    expect(summary).toMatchObject({ count: 4, errors: 1, perSecond: 2, p50: 20, p95: 40, p99: 40, max: 40 });
  });
});
