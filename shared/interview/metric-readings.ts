import { z } from 'zod';
import { farEndSchema, metricScopeSchema, type FarEnd } from '../probes/measurement';
import { formatMetricValue, metricInfo, metricLabel, metricScopeLabels, unitSuffix, type MetricScope } from '../probes/metric-names';
import type { LeafCondition } from './bank-schema';

/**
 * What the engine knows about one metric of a case, in one scope: the newest measured value
 * (with where and when it was measured), or that it could not be measured and why.
 */
export interface MetricReading {
  readonly state: 'measured' | 'not_measurable' | 'failed';
  /** Booleans read as 1/0, as in conditions and prefill bands. */
  readonly value?: number | string;
  readonly scope: MetricScope;
  readonly farEnd?: FarEnd;
  readonly reason?: string;
  readonly runId?: string;
  readonly measuredAt?: string;
}

/**
 * Probe metrics of a case by dotted name. A plain number (tests, the CLI, older callers) is a
 * measured value in the metric's home scope; a list holds one reading per scope, newest first.
 */
export type MetricInput = number | string | boolean | MetricReading | readonly MetricReading[];
export type Metrics = Readonly<Record<string, MetricInput>>;

/** `any` reads whichever scope was measured; a condition without a scope reads the metric's home scope. */
export type ScopeChoice = MetricScope | 'any';

export const homeScope = (metric: string): ScopeChoice => metricInfo(metric)?.scope ?? 'any';

const asReadings = (metric: string, input: MetricInput | undefined): readonly MetricReading[] => {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input as readonly MetricReading[];
  if (typeof input === 'object') return [input as MetricReading];
  const scope = metricInfo(metric)?.scope ?? 'laptop';
  const value = typeof input === 'boolean' ? (input ? 1 : 0) : (input as number | string);
  return [{ state: 'measured', value, scope }];
};

/** The reading in the scope asked for: a measured one wins over a newer failure in the same scope. */
export const readingOf = (metrics: Metrics, metric: string, scope: ScopeChoice | undefined): MetricReading | undefined => {
  const wanted = scope ?? homeScope(metric);
  const inScope = asReadings(metric, metrics[metric]).filter((r) => wanted === 'any' || r.scope === wanted);
  return inScope.find((r) => r.state === 'measured') ?? inScope[0];
};

/** Every reading of a case, flattened (for the "could not measure" list and confidence). */
export const allReadings = (metrics: Metrics): Array<{ metric: string; reading: MetricReading }> =>
  Object.entries(metrics).flatMap(([metric, input]) => asReadings(metric, input).map((reading) => ({ metric, reading })));

/** Where a measured answer came from: kept in the answer row and shown in the trace and the reports. */
export const provenanceSchema = z.object({
  metric: z.string().max(120),
  scope: metricScopeSchema,
  value: z.union([z.number(), z.string()]),
  farEnd: farEndSchema.optional(),
  runId: z.string().max(80).optional(),
  measuredAt: z.string().max(40).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const provenanceOf = (metric: string, reading: MetricReading): Provenance | undefined =>
  reading.state === 'measured' && reading.value !== undefined
    ? {
        metric,
        scope: reading.scope,
        value: reading.value,
        ...(reading.farEnd ? { farEnd: reading.farEnd } : {}),
        ...(reading.runId ? { runId: reading.runId } : {}),
        ...(reading.measuredAt ? { measuredAt: reading.measuredAt } : {}),
      }
    : undefined;

const boolMetric = (metric: string) => metricInfo(metric)?.unit === 'bool';

/** "3 %", "yes", "C" — a reading's value as people read it. */
export const readingValueLabel = (metric: string, value: number | string): string =>
  boolMetric(metric) && typeof value === 'number' ? (value ? 'yes' : 'no') : formatMetricValue(metric, value);

const opWords: Record<string, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', neq: '≠' };

/** The threshold a metric condition fires at, in the metric's unit: "≥ 1 %", "in C, D, F", "= yes". */
export const describeLeafThreshold = (leaf: LeafCondition): string | undefined => {
  if (leaf.metric === undefined) return undefined;
  const unit = metricInfo(leaf.metric)?.unit ?? 'count';
  const show = (v: unknown): string =>
    unit === 'bool' && (v === 1 || v === 0 || typeof v === 'boolean') ? (v === 1 || v === true ? 'yes' : 'no') : typeof v === 'number' ? `${v}${unitSuffix[unit]}` : String(v);
  if (leaf.op === 'in') return `one of ${(Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(show).join(', ')}`;
  const word = opWords[leaf.op];
  return word ? `${word} ${show(leaf.value)}` : undefined;
};

export const scopeLabel = (scope: MetricScope): string => metricScopeLabels[scope];

export { metricLabel };
