import { z } from 'zod';

/**
 * Responsiveness under working conditions (draft-ietf-ippm-responsiveness): the pure arithmetic
 * of the test — trimmed means, the moving-average stability rule, RPM, its band and the
 * confidence — kept apart from the sockets so it can be checked on plain numbers.
 */

/** The draft's parameters, with its recommended values (section "Parameters"). */
export interface ResponsivenessParameters {
  /** MAD: intervals in the moving average and in the stability window. */
  readonly movingAverageIntervals: number;
  /** ID: length of one interval, ms. */
  readonly intervalMs: number;
  /** TMP: the share of probe times kept by the trimmed mean (the fastest 95 %). */
  readonly trimmedMeanKeep: number;
  /** SDT: stability holds while the moving averages' standard deviation is within this share of the latest one. */
  readonly stabilityTolerance: number;
  /** MNP: most load-generating connections per direction. */
  readonly maxConnections: number;
  /** MPS: most probes a second (foreign and self together). */
  readonly maxProbesPerSecond: number;
  /** The test's time limit, ms (the draft recommends 20 s). */
  readonly maxDurationMs: number;
}

export const draftParameters: ResponsivenessParameters = {
  movingAverageIntervals: 4,
  intervalMs: 1000,
  trimmedMeanKeep: 0.95,
  stabilityTolerance: 0.05,
  maxConnections: 16,
  maxProbesPerSecond: 100,
  maxDurationMs: 20_000,
};

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Mean of the smallest `keep` share of the values (the draft trims the slowest 5 %); null for none. */
export const trimmedMean = (values: readonly number[], keep = draftParameters.trimmedMeanKeep): number | null => {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  // Drop whole values only: fewer than 20 values lose none to a 5 % trim.
  const dropped = Math.floor(Number((sorted.length * (1 - keep)).toFixed(9)));
  const kept = sorted.slice(0, Math.max(1, sorted.length - dropped));
  return mean(kept);
};

/** Population standard deviation. */
export const standardDeviation = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
};

/**
 * Moving averages of the per-interval values: entry i averages intervals i−MAD+1..i (fewer at the
 * start). Intervals without a value (no probe finished) are skipped in the average.
 */
export const movingAverages = (perInterval: readonly (number | null)[], window = draftParameters.movingAverageIntervals): (number | null)[] =>
  perInterval.map((_, i) => {
    const slice = perInterval.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null);
    return slice.length > 0 ? mean(slice) : null;
  });

/**
 * The draft's stability rule: the last MAD moving averages exist (MAD full intervals after MAD
 * warm-up intervals) and their standard deviation is within SDT of the latest one.
 */
export const isStable = (perInterval: readonly (number | null)[], params: Pick<ResponsivenessParameters, 'movingAverageIntervals' | 'stabilityTolerance'> = draftParameters): boolean => {
  const mad = params.movingAverageIntervals;
  if (perInterval.length < 2 * mad - 1) return false;
  const averages = movingAverages(perInterval, mad).slice(-mad);
  if (averages.some((a) => a === null)) return false;
  const values = averages as number[];
  const latest = values[values.length - 1] as number;
  if (latest <= 0) return false;
  return standardDeviation(values) <= params.stabilityTolerance * latest;
};

/** Probe times of one kind, ms. `tls` is empty on a cleartext (http://) server. */
export interface ProbeTimes {
  readonly tcp: readonly number[];
  readonly tls: readonly number[];
  readonly http: readonly number[];
  readonly self: readonly number[];
}

/**
 * The loaded latency the RPM divides by: the foreign probes' components (TCP handshake, TLS
 * handshake, HTTP request on the new connection) weigh half together, the self probes the other
 * half, each component a trimmed mean. Without TLS the foreign half is shared by TCP and HTTP.
 */
export const responsivenessLatencyMs = (times: ProbeTimes, keep = draftParameters.trimmedMeanKeep): number | null => {
  const foreign = [times.tcp, times.tls, times.http].filter((series) => series.length > 0).map((series) => trimmedMean(series, keep) as number);
  const self = trimmedMean(times.self, keep);
  if (foreign.length === 0 && self === null) return null;
  if (foreign.length === 0) return self;
  const foreignMean = mean(foreign);
  return self === null ? foreignMean : foreignMean / 2 + self / 2;
};

/** Round-trips per minute: 60 000 / latency in ms. */
export const rpmFromLatency = (latencyMs: number | null): number | null => (latencyMs === null || latencyMs <= 0 ? null : 60_000 / latencyMs);

export const responsivenessBands = ['Low', 'Medium', 'High'] as const;
export type ResponsivenessBand = (typeof responsivenessBands)[number];

/**
 * Bands for people, as networkQuality prints them: High from 1 000 RPM (a loaded round trip under
 * 60 ms), Low below 300 RPM (over 200 ms, the point where calls and remote desktops stall).
 */
export const bandThresholds = { high: 1000, low: 300 } as const;

export const responsivenessBand = (rpm: number): ResponsivenessBand => (rpm >= bandThresholds.high ? 'High' : rpm < bandThresholds.low ? 'Low' : 'Medium');

export const confidenceLevels = ['Low', 'Medium', 'High'] as const;
export type Confidence = (typeof confidenceLevels)[number];

/** Fewest foreign and self probes in the final window for a High confidence. */
export const minProbesForHigh = 10;

/**
 * How far to trust the figure: High when goodput and responsiveness both became stable within the
 * time limit with enough probes in the final window; Medium when only one did (or too few probes);
 * Low when neither did.
 */
export const responsivenessConfidence = (input: { goodputStable: boolean; responsivenessStable: boolean; foreignProbes: number; selfProbes: number }): Confidence => {
  const stable = Number(input.goodputStable) + Number(input.responsivenessStable);
  if (stable === 2 && input.foreignProbes >= minProbesForHigh && input.selfProbes >= minProbesForHigh) return 'High';
  return stable >= 1 ? 'Medium' : 'Low';
};

/** The worse of two confidences (a combined figure is only as sure as its least sure part). */
export const lowerConfidence = (a: Confidence, b: Confidence): Confidence => (confidenceLevels.indexOf(a) <= confidenceLevels.indexOf(b) ? a : b);

/**
 * The configuration a responsiveness server publishes at /.well-known/nq. The draft names the URLs
 * `large_download_url`, `small_download_url` and `upload_url`; Apple's networkQuality and
 * goresponsiveness read `large_https_download_url`, `small_https_download_url` and
 * `https_upload_url`. Either set is accepted; a server should publish both.
 */
const urlField = z.url({ protocol: /^https?$/ });
export const responsivenessConfigSchema = z
  .object({
    version: z.number().int().optional(),
    test_endpoint: z.string().max(300).optional(),
    urls: z
      .object({
        large_download_url: urlField.optional(),
        small_download_url: urlField.optional(),
        upload_url: urlField.optional(),
        large_https_download_url: urlField.optional(),
        small_https_download_url: urlField.optional(),
        https_upload_url: urlField.optional(),
      })
      .loose(),
  })
  .loose();

export interface ResponsivenessUrls {
  readonly large: string;
  readonly small: string;
  readonly upload: string;
  /** Where to connect instead of the URLs' host (the config's test_endpoint), if given. */
  readonly testEndpoint: string | null;
}

/** The three URLs from a config document, or a plain-words reason it is not one. */
export const parseResponsivenessConfig = (json: unknown): { ok: true; urls: ResponsivenessUrls } | { ok: false; reason: string } => {
  const parsed = responsivenessConfigSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a responsiveness configuration (${parsed.error.issues[0]?.path.join('.') || 'document'}: ${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const u = parsed.data.urls;
  const large = u.large_download_url ?? u.large_https_download_url;
  const small = u.small_download_url ?? u.small_https_download_url;
  const upload = u.upload_url ?? u.https_upload_url;
  const missing = [!large && 'large download', !small && 'small download', !upload && 'upload'].filter(Boolean);
  if (!large || !small || !upload) return { ok: false, reason: `the configuration has no ${missing.join(', ')} URL` };
  return { ok: true, urls: { large, small, upload, testEndpoint: parsed.data.test_endpoint?.trim() || null } };
};

/** The config document a server publishes for its own origin (both key sets, see above). */
export const responsivenessConfigFor = (origin: string, paths: { large: string; small: string; upload: string }, testEndpoint?: string): Record<string, unknown> => ({
  version: 1,
  urls: {
    large_download_url: `${origin}${paths.large}`,
    small_download_url: `${origin}${paths.small}`,
    upload_url: `${origin}${paths.upload}`,
    large_https_download_url: `${origin}${paths.large}`,
    small_https_download_url: `${origin}${paths.small}`,
    https_upload_url: `${origin}${paths.upload}`,
  },
  ...(testEndpoint ? { test_endpoint: testEndpoint } : {}),
});

/** The endpoint paths our reflector and hub serve (the ones networkQuality servers commonly use). */
export const responsivenessPaths = { config: '/.well-known/nq', large: '/api/v1/large', small: '/api/v1/small', upload: '/api/v1/upload' } as const;

/**
 * The path the responsiveness test walks, nearest first: the LAN (the reflector on the customer's
 * site), the partner's hub, a server on the internet. Measuring each says where responsiveness is
 * lost, which a single figure cannot.
 */
export const responsivenessSegments = ['lan', 'hub', 'internet'] as const;
export type ResponsivenessSegment = (typeof responsivenessSegments)[number];

export const responsivenessSegmentLabels: Record<ResponsivenessSegment, string> = {
  lan: "the site's LAN (reflector)",
  hub: "the partner's hub",
  internet: 'the internet server',
};

export interface SegmentRpm {
  readonly segment: ResponsivenessSegment;
  readonly rpm: number | null;
}

/**
 * Where responsiveness is lost: the first pair of measured segments, going outward, where the band
 * drops (High on the LAN, Low at the hub: lost between the LAN and the hub). Null when it holds all
 * the way, or fewer than two segments were measured. Segments that were not measured are skipped:
 * with no hub figure, a LAN High and an internet Low still name LAN → internet.
 */
export const whereResponsivenessIsLost = (readings: readonly SegmentRpm[]): { readonly from: ResponsivenessSegment; readonly to: ResponsivenessSegment } | null => {
  const measured = responsivenessSegments
    .map((segment) => readings.find((r) => r.segment === segment))
    .filter((r): r is SegmentRpm & { rpm: number } => r !== undefined && r.rpm !== null);
  for (const [i, farther] of measured.entries()) {
    const nearer = measured[i - 1];
    if (nearer && responsivenessBands.indexOf(responsivenessBand(farther.rpm)) < responsivenessBands.indexOf(responsivenessBand(nearer.rpm))) {
      return { from: nearer.segment, to: farther.segment };
    }
  }
  return null;
};
