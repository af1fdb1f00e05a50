import { z } from 'zod';
import { readinessLevelSchema, severitySchema } from '../interview/bank-schema';
import { thresholds } from '../probes/verdicts';

/** What one assessment contributes to a comparison: scores, findings, measurements. */
export const assessmentSnapshotSchema = z.object({
  caseId: z.string(),
  createdAt: z.string(),
  title: z.string(),
  level: readinessLevelSchema.nullable(),
  readinessIndex: z.number().nullable(),
  pillars: z.array(z.object({ pillarId: z.string(), title: z.string(), score: z.number(), confidence: z.number() })),
  findings: z.array(z.object({ id: z.string(), title: z.string(), severity: severitySchema })),
  metrics: z.record(z.string(), z.number()),
});
export type AssessmentSnapshot = z.infer<typeof assessmentSnapshotSchema>;

const findingRef = z.object({ id: z.string(), title: z.string(), severity: severitySchema });

export const comparisonSchema = z.object({
  before: assessmentSnapshotSchema.pick({ caseId: true, createdAt: true, title: true, level: true, readinessIndex: true }),
  after: assessmentSnapshotSchema.pick({ caseId: true, createdAt: true, title: true, level: true, readinessIndex: true }),
  indexDelta: z.number().nullable(),
  pillars: z.array(
    z.object({ pillarId: z.string(), title: z.string(), before: z.number().nullable(), after: z.number().nullable(), delta: z.number().nullable() }),
  ),
  findings: z.object({ resolved: z.array(findingRef), new: z.array(findingRef), stillOpen: z.array(findingRef) }),
  metrics: z.array(
    z.object({
      metric: z.string(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      delta: z.number().nullable(),
      /** Whether the change is an improvement, when the metric has a known better direction. */
      improved: z.boolean().nullable(),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Compares two assessments of the same customer; `before` is the earlier one. */
export const compareAssessments = (before: AssessmentSnapshot, after: AssessmentSnapshot): Comparison => {
  const pillarIds = [...new Set([...before.pillars, ...after.pillars].map((p) => p.pillarId))];
  const pillars = pillarIds.map((pillarId) => {
    const b = before.pillars.find((p) => p.pillarId === pillarId);
    const a = after.pillars.find((p) => p.pillarId === pillarId);
    return {
      pillarId,
      title: (a ?? b)?.title ?? pillarId,
      before: b ? round1(b.score) : null,
      after: a ? round1(a.score) : null,
      delta: a && b ? round1(a.score - b.score) : null,
    };
  });
  const beforeIds = new Set(before.findings.map((f) => f.id));
  const afterIds = new Set(after.findings.map((f) => f.id));
  const metricNames = [...new Set([...Object.keys(before.metrics), ...Object.keys(after.metrics)])].sort();
  const metrics = metricNames.map((metric) => {
    const b = before.metrics[metric] ?? null;
    const a = after.metrics[metric] ?? null;
    const delta = a !== null && b !== null ? a - b : null;
    const direction = thresholds[metric]?.direction;
    const improved = delta === null || delta === 0 || !direction ? null : direction === 'lower' ? delta < 0 : delta > 0;
    return { metric, before: b, after: a, delta: delta === null ? null : Number(delta.toFixed(3)), improved };
  });
  const head = ({ caseId, createdAt, title, level, readinessIndex }: AssessmentSnapshot) => ({ caseId, createdAt, title, level, readinessIndex });
  return {
    before: head(before),
    after: head(after),
    indexDelta: before.readinessIndex !== null && after.readinessIndex !== null ? round1(after.readinessIndex - before.readinessIndex) : null,
    pillars,
    findings: {
      resolved: before.findings.filter((f) => !afterIds.has(f.id)),
      new: after.findings.filter((f) => !beforeIds.has(f.id)),
      stillOpen: after.findings.filter((f) => beforeIds.has(f.id)),
    },
    metrics,
  };
};
