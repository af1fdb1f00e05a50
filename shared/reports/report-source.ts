import { z } from 'zod';
import { comparisonSchema } from '../history/compare';
import { frameworkAppendixSchema } from './framework-appendix';

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

/** A file the engineer attached as evidence; images carry a small inline copy for the report. */
export const attachmentSourceSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  mediaType: z.string().default(''),
  sizeBytes: z.number().int().min(0).default(0),
  caption: z.string().default(''),
  /** A checked data: URI of the image (PNG or JPEG), or empty when the file is not an image or too large. */
  imageDataUri: z.string().default(''),
  /** Pixel size of the image, for Word (which needs it); 0 when there is no image. */
  width: z.number().int().min(0).default(0),
  height: z.number().int().min(0).default(0),
});
export type AttachmentSource = z.infer<typeof attachmentSourceSchema>;

export const answerSourceSchema = z.object({
  question: z.string(),
  answer: z.string(),
  /** How the answer was obtained ("measured (latency.rtt_ms_p50)"), or empty. */
  note: z.string().default(''),
  /** What the engineer wrote beside the answer. */
  engineerNote: z.string().default(''),
  attachments: z.array(attachmentSourceSchema).default([]),
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
  /** The pillar's weight in the readiness index. */
  weight: z.number().min(0).default(1),
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
  /** What was collected: the answers and measurements that raised it, exceptions. */
  evidence: z.array(z.string()).default([]),
  /** What the question bank asks the engineer to collect, shown as a hint only. */
  expectedEvidence: z.string().default(''),
  /** The engineer's notes on the questions behind the finding. */
  notes: z.array(z.string()).default([]),
  attachments: z.array(attachmentSourceSchema).default([]),
  recommendation: z.string().default(''),
  skuRefs: z.array(skuRefSchema).default([]),
  /** Days of work the bank estimates, 0 when unknown. */
  effortDays: z.number().min(0).default(0),
  /** The readiness level this finding caps the case at, as a label, when it is a gate. */
  gateLabel: z.string().default(''),
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

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code like EUR');

/** One named tax on the subtotal (GST, QST, VAT); the rate in percent with up to three decimals (9.975). */
export const taxLineSchema = z.object({
  name: z.string().trim().min(1, 'A tax needs a name').max(40),
  ratePercent: z.number().min(0).max(100),
});
export type TaxLine = z.infer<typeof taxLineSchema>;

/** How many units of the proposal's currency one unit of `currency` is worth, as the user set it. */
export const exchangeRateSchema = z.object({
  currency: currencyCode,
  rate: z.number().positive('An exchange rate must be above 0').max(1_000_000),
});
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;

const termsText = z.string().max(5_000).default('');

export const proposalTermsSchema = z.object({
  currency: currencyCode,
  /** Tax in basis points: 2000 = 20 %. Used when no named taxes are set. */
  taxRateBasisPoints: z.number().int().min(0).max(10_000),
  validityDays: z.number().int().min(1).max(365),
  /** Named taxes, each on the subtotal; when set they replace taxRateBasisPoints. */
  taxes: z.array(taxLineSchema).max(5).default([]),
  exchangeRates: z.array(exchangeRateSchema).max(20).default([]),
  scope: termsText,
  assumptions: termsText,
  exclusions: termsText,
  paymentTerms: termsText,
  /** Months the recurring lines are contracted for: the total contract value counts them. */
  contractTermMonths: z.number().int().min(1).max(120).default(12),
});
export type ProposalTerms = z.infer<typeof proposalTermsSchema>;

export const reportSourceSchema = z.object({
  caseId: z.string(),
  /** The technical report's "Coverage by framework" appendix (framework-appendix.ts). */
  frameworkCoverage: frameworkAppendixSchema.default([]),
  title: z.string(),
  /** The customer's logo as a checked data: URI, or empty. */
  customer: z.object({ name: z.string(), logoDataUri: z.string().default('') }),
  site: z.object({ name: z.string(), address: z.string() }).nullable(),
  engineer: z.string(),
  /** The report date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })).default([]),
  overall: z
    .object({
      score: z.number().min(0).max(100),
      level: z.number().int(),
      levelLabel: z.string(),
      confidence: z.number().min(0).max(1),
      /** The level the index alone gives; differs from levelLabel only when a gate capped it. */
      uncappedLevelLabel: z.string().default(''),
      /** Titles of the findings that capped the level; empty when no gate changed it. */
      cappedBy: z.array(z.string()).default([]),
    })
    .nullable(),
  /** The readiness scale, best level first, with what each means: the report's legend. */
  scale: z.array(z.object({ label: z.string(), minIndex: z.number(), meaning: z.string() })).default([]),
  /** The organisation context in the customer's words, from the interview. */
  context: z.string().default(''),
  /** Evidence attached to the case rather than to one question. */
  caseAttachments: z.array(attachmentSourceSchema).default([]),
  pillars: z.array(pillarSourceSchema).default([]),
  findings: z.array(findingSourceSchema).default([]),
  exceptions: z.array(exceptionSourceSchema).default([]),
  measurements: z.array(measurementSourceSchema).default([]),
  /** Metrics tried and not measured, with why: listed, never a pass or a fail. */
  unmeasured: z.array(z.object({ probe: z.string(), name: z.string(), scope: z.string(), reason: z.string() })).default([]),
  recommendations: z.array(recommendationSourceSchema).default([]),
  sizing: sizingSchema,
  /** Which of the sizes came from the interview's facts rather than an entry. */
  sizingFromInterview: z.array(z.enum(['users', 'devices', 'sites'])).default([]),
  terms: proposalTermsSchema,
  /** Against the assessment this one re-assesses, when there is one. */
  comparison: comparisonSchema.nullable().default(null),
});
/** The plain input of every report. */
export type ReportSource = z.infer<typeof reportSourceSchema>;
