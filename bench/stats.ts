// Small statistics over repeated measurements: nearest-rank percentiles, so
// a p95 of 30 samples is an actual sample, never an interpolation.

/** The p-th percentile (0 < p <= 100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Milliseconds since an earlier `performance.now()`. */
export const since = (start: number): number => performance.now() - start;

/** Runs `work` `runs` times in a row and returns each wall time in ms. */
export async function timeRuns(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(since(start));
  }
  return times;
}
