/** Latency and throughput of one measured operation, as the report prints them. */
export interface Summary {
  readonly count: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Successful operations per second of wall-clock time. */
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** The nearest-rank percentile (the smallest value with at least p% of the values at or below it). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export function summarise(latenciesMs: readonly number[], elapsedMs: number, errors = 0): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    elapsedMs,
    perSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
