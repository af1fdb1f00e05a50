import { z } from 'zod';
import { comparisonSchema } from '../history/compare';

/**
 * Everything a report is made from, gathered from one case. The interview, probe and case
 * modules each fill their part; a report never reads the database itself, so the same source
 * renders the same report anywhere (app preview, CLI, tests, a re-export months later).
 */

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

export const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const efforts = ['low', 'medium', 'high'] as const;
export const effortSchema = z.enum(efforts);
export type Effort = z.infer<typeof effortSchema>;

export const effortLabels: Record<Effort, string> = { low: 'Low effort', medium: 'Medium effort', high: 'High effort' };

export const quantityRules = ['per_user', 'per_device', 'per_site', 'fixed'] as const;
export const quantityRuleSchema = z.enum(quantityRules);
export type QuantityRule = z.infer<typeof quantityRuleSchema>;

export const quantityRuleLabels: Record<QuantityRule, string> = {
  per_user: 'Per user',
  per_device: 'Per device',
  per_site: 'Per site',
  fixed: 'Fixed',
};

/** A recommendation's reference to a price-book item; the rule overrides the item's default. */
export const skuRefSchema = z.object({
  sku: z.string().min(1).max(100),
  rule: quantityRuleSchema.optional(),
  /** For `fixed`, or a multiplier for the other rules (e.g. 2 per user). */
  quantity: z.number().positive().max(1_000_000).optional(),
});
export type SkuRef = z.infer<typeof skuRefSchema>;

export const answerSourceSchema = z.object({
  question: z.string(),
  answer: z.string(),
  note: z.string().default(''),
});
export type AnswerSource = z.infer<typeof answerSourceSchema>;

export const pillarSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 0–100. */
  score: z.number().min(0).max(100),
  /** Maturity level, e.g. 1–5, with its label. */
  level: z.number().int().min(0).max(10),
  levelLabel: z.string().default(''),
  /** 0–1: how much of the pillar was answered or measured. */
  confidence: z.number().min(0).max(1),
  answers: z.array(answerSourceSchema).default([]),
});
export type PillarSource = z.infer<typeof pillarSourceSchema>;

export const findingSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  pillarId: z.string().default(''),
  severity: severitySchema,
  effort: effortSchema,
  detail: z.string().default(''),
  evidence: z.array(z.string()).default([]),
  recommendation: z.string().default(''),
  skuRefs: z.array(skuRefSchema).default([]),
});
export type FindingSource = z.infer<typeof findingSourceSchema>;

export const exceptionSourceSchema = z.object({
  title: z.string(),
  reason: z.string().default(''),
  pillarId: z.string().default(''),
});
export type ExceptionSource = z.infer<typeof exceptionSourceSchema>;

export const sampleSchema = z.object({
  /** Milliseconds since the measurement started. */
  t: z.number(),
  value: z.number(),
});
export type Sample = z.infer<typeof sampleSchema>;

export const measurementStatuses = ['pass', 'warn', 'fail', 'info'] as const;

export const measurementSourceSchema = z.object({
  id: z.string(),
  /** The stable metric name, for the machine-readable attachment only (never printed). */
  metric: z.string().default(''),
  /** What it describes: this laptop, LAN path, internet path, AI endpoints. */
  scope: z.string().default(''),
  /** What it was measured against, in words: "teams.microsoft.com:443 (internet host)". */
  farEnd: z.string().default(''),
  probe: z.string(),
  name: z.string(),
  unit: z.string().default(''),
  value: z.number().nullable(),
  /** Shown instead of the value when set: text and yes/no measurements (a grade, an OS name). */
  display: z.string().default(''),
  target: z.string().default(''),
  status: z.enum(measurementStatuses).default('info'),
  measuredAt: z.string().default(''),
  samples: z.array(sampleSchema).default([]),
  /** Raw probe output for the appendix, as key/value text. */
  raw: z.record(z.string(), z.string()).default({}),
});
export type MeasurementSource = z.infer<typeof measurementSourceSchema>;

export const recommendationSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string().default(''),
  severity: severitySchema.default('medium'),
  effort: effortSchema.default('medium'),
  findingIds: z.array(z.string()).default([]),
  skuRefs: z.array(skuRefSchema).default([]),
});
export type RecommendationSource = z.infer<typeof recommendationSourceSchema>;

export const sizingSchema = z.object({
  users: z.number().int().min(0).max(10_000_000).default(0),
  devices: z.number().int().min(0).max(10_000_000).default(0),
  sites: z.number().int().min(0).max(100_000).default(1),
});
export type Sizing = z.infer<typeof sizingSchema>;

export const proposalTermsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code like EUR'),
  /** Tax in basis points: 2000 = 20 %. */
  taxRateBasisPoints: z.number().int().min(0).max(10_000),
  validityDays: z.number().int().min(1).max(365),
});
export type ProposalTerms = z.infer<typeof proposalTermsSchema>;

export const reportSourceSchema = z.object({
  caseId: z.string(),
  title: z.string(),
  /** The customer's logo as a checked data: URI, or empty. */
  customer: z.object({ name: z.string(), logoDataUri: z.string().default('') }),
  site: z.object({ name: z.string(), address: z.string() }).nullable(),
  engineer: z.string(),
  /** The report date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })).default([]),
  overall: z
    .object({ score: z.number().min(0).max(100), level: z.number().int(), levelLabel: z.string(), confidence: z.number().min(0).max(1) })
    .nullable(),
  pillars: z.array(pillarSourceSchema).default([]),
  findings: z.array(findingSourceSchema).default([]),
  exceptions: z.array(exceptionSourceSchema).default([]),
  measurements: z.array(measurementSourceSchema).default([]),
  /** Metrics tried and not measured, with why: listed, never a pass or a fail. */
  unmeasured: z.array(z.object({ probe: z.string(), name: z.string(), scope: z.string(), reason: z.string() })).default([]),
  recommendations: z.array(recommendationSourceSchema).default([]),
  sizing: sizingSchema,
  terms: proposalTermsSchema,
  /** Against the assessment this one re-assesses, when there is one. */
  comparison: comparisonSchema.nullable().default(null),
});
/** The plain input of every report. */
export type ReportSource = z.infer<typeof reportSourceSchema>;
