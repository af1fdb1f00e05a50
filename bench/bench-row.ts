/** One line of `npm run bench`: our figure beside a reference measured in the same run. */
export interface BenchRow {
  readonly workload: string;
  readonly ours: number;
  readonly reference: number | null;
  readonly unit: string;
  readonly ratio: number | null;
  readonly target?: string;
  readonly note?: string;
}

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
};

export const row = (r: Omit<BenchRow, 'ratio'>): BenchRow => ({
  ...r,
  ratio: r.reference && r.reference > 0 ? Number((r.ours / r.reference).toFixed(2)) : null,
});

/** Milliseconds for one call of fn, measured n times after a warm-up. */
export const timeMany = async (n: number, fn: (i: number) => unknown): Promise<number[]> => {
  for (let i = 0; i < Math.min(5, n); i += 1) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
};
