/** Small, dependency-free statistics the probes and the UI share. */

/** Linear-interpolated percentile (p in 0..100) of the finite values; null when there are none. */
export const percentile = (values: readonly number[], p: number): number | null => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
};

export const minimum = (values: readonly number[]): number | null => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? null : Math.min(...finite);
};

/**
 * RFC 3550 §6.4.1 interarrival jitter: J += (|D| - J) / 16, where D is the change in transit
 * time between consecutive packets. For round trips the transit is the RTT, so D is the
 * difference of consecutive RTTs; lost probes (null) are skipped, as RTP skips lost packets.
 */
export const rfc3550Jitter = (rtts: readonly (number | null)[]): number | null => {
  let jitter = 0;
  let previous: number | null = null;
  let pairs = 0;
  for (const rtt of rtts) {
    if (rtt === null || !Number.isFinite(rtt)) continue;
    if (previous !== null) {
      jitter += (Math.abs(rtt - previous) - jitter) / 16;
      pairs += 1;
    }
    previous = rtt;
  }
  return pairs === 0 ? null : jitter;
};

export const lossPercent = (rtts: readonly (number | null)[]): number | null =>
  rtts.length === 0 ? null : (100 * rtts.filter((r) => r === null).length) / rtts.length;

export const round = (value: number | null, digits = 2): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export const bufferbloatGrades = ['A+', 'A', 'B', 'C', 'D', 'F'] as const;
export type BufferbloatGrade = (typeof bufferbloatGrades)[number];

/** DSLReports scale on latency added under load: A+ < 5 ms, A < 30, B < 60, C < 200, D < 400, F ≥ 400. */
export const bufferbloatGrade = (addedMs: number): BufferbloatGrade => {
  if (addedMs < 5) return 'A+';
  if (addedMs < 30) return 'A';
  if (addedMs < 60) return 'B';
  if (addedMs < 200) return 'C';
  if (addedMs < 400) return 'D';
  return 'F';
};
