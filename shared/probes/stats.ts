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
 *
 * Started at 0 as the RFC does, J needs ~50 pairs to settle (20 probes read ~70 % of the truth),
 * so J is seeded with the first |D| instead: from there on its expectation is already the
 * steady state E|D|. One J after N pairs still swings by ±13 % (the filter remembers ~16
 * pairs), so the figure reported is J averaged over the series: the same steady state, with
 * the spread of N pairs instead of 16. The J trace itself is in `rfc3550JitterTrace`.
 */
export const rfc3550JitterTrace = (rtts: readonly (number | null)[]): number[] => {
  const trace: number[] = [];
  let jitter: number | null = null;
  let previous: number | null = null;
  for (const rtt of rtts) {
    if (rtt === null || !Number.isFinite(rtt)) continue;
    if (previous !== null) {
      const d = Math.abs(rtt - previous);
      jitter = jitter === null ? d : jitter + (d - jitter) / 16;
      trace.push(jitter);
    }
    previous = rtt;
  }
  return trace;
};

/** RFC 3550 jitter in steady state (see above); null with fewer than two answers. */
export const rfc3550Jitter = (rtts: readonly (number | null)[]): number | null => {
  const trace = rfc3550JitterTrace(rtts);
  return trace.length === 0 ? null : trace.reduce((a, b) => a + b, 0) / trace.length;
};

/** How the jitter figure is computed, in the words a report shows beside it. */
export const jitterMethod = 'RFC 3550 steady state (J seeded from the first pair, averaged over the series)';

export const lossPercent = (rtts: readonly (number | null)[]): number | null =>
  rtts.length === 0 ? null : (100 * rtts.filter((r) => r === null).length) / rtts.length;

export interface LossInterval {
  readonly lost: number;
  readonly sent: number;
  /** 95 % Wilson score interval of the loss rate, in percent. */
  readonly lowPct: number;
  readonly highPct: number;
}

/**
 * Wilson score interval (95 %) for `lost` of `sent`: unlike the normal approximation it stays
 * inside 0..100 % and is honest at 0 losses (0 of 200 still allows up to 1.9 %).
 */
export const wilsonInterval = (lost: number, sent: number, z = 1.959964): LossInterval | null => {
  if (sent <= 0 || lost < 0 || lost > sent) return null;
  const p = lost / sent;
  const z2 = z * z;
  const centre = (p + z2 / (2 * sent)) / (1 + z2 / sent);
  const half = (z / (1 + z2 / sent)) * Math.sqrt((p * (1 - p)) / sent + z2 / (4 * sent * sent));
  return { lost, sent, lowPct: 100 * Math.max(0, centre - half), highPct: 100 * Math.min(1, centre + half) };
};

export const lossInterval = (rtts: readonly (number | null)[]): LossInterval | null =>
  wilsonInterval(rtts.filter((r) => r === null).length, rtts.length);

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
