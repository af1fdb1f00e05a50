import { z } from 'zod';
import { answerValueSchema } from './answer-values';
import { quantityRuleSchema, readinessLevelSchema, severitySchema, stakeholderSchema } from './bank-schema';
import { farEndSchema, metricScopeSchema } from '../probes/measurement';
import { provenanceSchema } from './metric-readings';

/** A typed answer that replaced a measured value, and why. */
export const overrideSchema = z.object({ reason: z.string(), measured: provenanceSchema });

/** A metric the bank reads that was tried and could not be measured: never a pass, never a fail. */
export const unmeasuredSchema = z.object({
  metric: z.string(),
  label: z.string(),
  scope: metricScopeSchema,
  state: z.enum(['not_measurable', 'failed']),
  reason: z.string(),
});
export type Unmeasured = z.infer<typeof unmeasuredSchema>;

/**
 * What the engine produces. These schemas are the contract output of the score and findings
 * calls, and the input of the reports: keep them stable, extend only with new optional fields.
 */

/** Typed by the engineer, taken from a probe, or given by the customer in a pre-visit questionnaire (not yet confirmed). */
export const answerSourceSchema = z.enum(['answer', 'measurement', 'customer']);
export type AnswerSource = z.infer<typeof answerSourceSchema>;

/** One question's part in a pillar score: what was answered, its maturity, the points it gave. */
export const contributionSchema = z.object({
  questionId: z.string(),
  questionText: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  weight: z.number(),
  status: z.enum(['known', 'unknown', 'unanswered']),
  value: answerValueSchema.optional(),
  valueLabel: z.string(),
  source: answerSourceSchema.optional(),
  /** Who at the customer gave it, when the source is the customer. */
  customer: z.string().optional(),
  /** The probe metric that answered it, when measured. */
  metric: z.string().optional(),
  /** Where the measured value came from: metric, scope, probe run, far end, time. */
  provenance: provenanceSchema.optional(),
  override: overrideSchema.optional(),
  /** Its measurement was tried and could not be made (the question stays open). */
  unmeasured: unmeasuredSchema.optional(),
  maturity: z.number().nullable(),
  /**
   * "Don't know" on a control a gate reads: it counts as absent (maturity 0) in the pillar score
   * until an answer or evidence settles it, and raises an unverified-control finding.
   */
  unverified: z.boolean().optional(),
  /** Points of the pillar score this answer accounts for; the points of a pillar add up to its score. */
  points: z.number(),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const pillarScoreSchema = z.object({
  pillarId: z.string(),
  title: z.string(),
  weight: z.number(),
  /** 0–100, weighted maturity over the answers that are known. */
  score: z.number().min(0).max(100),
  /** 0–1, the share of the pillar's scored weight that is known. */
  confidence: z.number().min(0).max(1),
  knownCount: z.number().int(),
  unknownCount: z.number().int(),
  unansweredCount: z.number().int(),
  contributions: z.array(contributionSchema),
});
export type PillarScore = z.infer<typeof pillarScoreSchema>;

export const evidenceItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    questionId: z.string(),
    questionText: z.string(),
    value: answerValueSchema.optional(),
    valueLabel: z.string(),
    source: answerSourceSchema.optional(),
    customer: z.string().optional(),
    /** The measurement behind a measured answer (or the one a typed answer overrode). */
    provenance: provenanceSchema.optional(),
    override: overrideSchema.optional(),
  }),
  z.object({
    kind: z.literal('metric'),
    metric: z.string(),
    /** The number read (booleans 1/0); null for text values and when not measured. */
    value: z.number().nullable(),
    label: z.string().optional(),
    /** "3 %", "C", "yes", or "not measured: why". */
    valueLabel: z.string().optional(),
    state: z.enum(['measured', 'not_measurable', 'failed', 'absent']).optional(),
    scope: metricScopeSchema.optional(),
    /** The level the rule fires at: "≥ 1 %". */
    threshold: z.string().optional(),
    farEnd: farEndSchema.optional(),
    runId: z.string().optional(),
    measuredAt: z.string().optional(),
  }),
]);
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const priceLineSchema = z.object({
  sku: z.string(),
  quantityRule: quantityRuleSchema,
  factor: z.number(),
  /** Resolved from the case's facts; null when the count it needs (users, devices) is unknown. */
  quantity: z.number().nullable(),
  note: z.string(),
});
export type PriceLine = z.infer<typeof priceLineSchema>;

export const exceptionRecordSchema = z.object({
  id: z.string(),
  findingId: z.string(),
  compensatingControl: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ExceptionRecord = z.infer<typeof exceptionRecordSchema>;

export const findingSchema = z.object({
  id: z.string(),
  pillarId: z.string(),
  title: z.string(),
  description: z.string(),
  recommendation: z.string(),
  severity: severitySchema,
  effort: z.object({ size: z.enum(['small', 'medium', 'large']), days: z.number().optional() }),
  /** The readiness level this finding caps the case at, if it is a gate. */
  gate: readinessLevelSchema.optional(),
  evidenceNote: z.string(),
  evidence: z.array(evidenceItemSchema),
  priceLines: z.array(priceLineSchema),
  /** A compensating control recorded by the engineer: the finding stays, its gate no longer caps. */
  exception: exceptionRecordSchema.optional(),
  /** Set on an unverified-control finding: the gated rule it stands in for and the questions nobody could answer. */
  unverified: z.object({ ruleId: z.string(), questionIds: z.array(z.string()) }).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const gateSchema = z.object({
  findingId: z.string(),
  title: z.string(),
  cap: readinessLevelSchema,
  /** False when an exception lifts it. */
  active: z.boolean(),
  /** What caps: a gated finding (the default), an unmet level requirement, or low confidence. */
  kind: z.enum(['finding', 'requirement', 'confidence']).optional(),
  /** Why it caps, for requirement and confidence gates. */
  reason: z.string().optional(),
});
export type Gate = z.infer<typeof gateSchema>;

export const stakeholderProgressSchema = z.object({
  stakeholder: stakeholderSchema,
  visible: z.number().int(),
  answered: z.number().int(),
  secondsLeft: z.number().int(),
});
export type StakeholderProgress = z.infer<typeof stakeholderProgressSchema>;

export const progressSchema = z.object({
  visible: z.number().int(),
  answered: z.number().int(),
  secondsLeft: z.number().int(),
  byStakeholder: z.array(stakeholderProgressSchema),
});
export type InterviewProgress = z.infer<typeof progressSchema>;

export const caseFactsSchema = z.object({
  users: z.number().nullable(),
  devices: z.number().nullable(),
  sites: z.number().nullable(),
});
export type CaseFacts = z.infer<typeof caseFactsSchema>;

export const requirementResultSchema = z.object({
  id: z.string(),
  level: readinessLevelSchema,
  pillarId: z.string(),
  title: z.string(),
  reason: z.string(),
  /** met; unmet (answered, and it fails); unverified (a "don't know" stands in the way); open (not yet answered). */
  status: z.enum(['met', 'unmet', 'unverified', 'open']),
});
export type RequirementResult = z.infer<typeof requirementResultSchema>;

export const scoreResultSchema = z.object({
  bankId: z.string(),
  bankVersion: z.string(),
  /** 0–100, pillar scores weighted by pillar weight (pillars with nothing known left out). */
  index: z.number().min(0).max(100),
  levelBeforeGates: readinessLevelSchema,
  level: readinessLevelSchema,
  confidence: z.number().min(0).max(1),
  pillars: z.array(pillarScoreSchema),
  gates: z.array(gateSchema),
  findings: z.array(findingSchema),
  exceptions: z.array(exceptionRecordSchema),
  facts: caseFactsSchema,
  progress: progressSchema,
  /** Entry requirements of each level and whether the case meets them (banks without requirements: absent). */
  requirements: z.array(requirementResultSchema).optional(),
  /** Present when confidence is below the bank's stated threshold: the level may still change. */
  provisional: z.object({ threshold: z.number(), reason: z.string() }).optional(),
  /** Metrics the bank reads that could not be measured; each lowers confidence a little. */
  unmeasured: z.array(unmeasuredSchema).default([]),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;
