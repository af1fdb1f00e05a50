import { reportLocaleSchema } from '../i18n/locales';
import { bankTranslationsSchema } from './bank-translations';
import { z } from 'zod';
import { metricScopes } from '../probes/metric-names';

/**
 * The question bank format: a versioned tree pillars → sections → questions, plus declarative
 * finding rules. Loaded from assets/ (the built-in bank) and later pushed from the partner hub,
 * so everything here is validated, and cross-references are checked by `parseBank`.
 */

export const stakeholders = ['it_lead', 'operations', 'finance', 'executive', 'end_user'] as const;
export const stakeholderSchema = z.enum(stakeholders);
export type Stakeholder = z.infer<typeof stakeholderSchema>;
export const stakeholderLabels: Record<Stakeholder, string> = {
  it_lead: 'IT lead',
  operations: 'Operations',
  finance: 'Finance',
  executive: 'Executive',
  end_user: 'End user',
};

export const questionTypes = ['single', 'multi', 'scale', 'number', 'yes_no_unknown', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Ids are short, lowercase, dotted: `network.wan_redundancy`. They are stable across bank versions. */
export const bankIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be lowercase letters, digits, _ and dots, starting with a letter')
  .max(80);

/** Probe metric names are dotted too: `throughput.upload_mbps`, `latency.rtt_ms_p50`. */
export const metricNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'must be a dotted metric name such as throughput.upload_mbps')
  .max(120);

/** Maturity of an answer, 0 (absent) to 100 (best practice). */
export const maturitySchema = z.number().min(0).max(100);

const text = (max: number) => z.string().trim().min(1).max(max);

const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

export const conditionOps = ['eq', 'neq', 'in', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'unknown', 'unanswered'] as const;

/**
 * Which measurement of a metric a condition or prefill reads: one measured on the LAN path, the
 * internet path, this laptop or the AI endpoints. Left out, the metric's home scope in the
 * catalogue (throughput: internet); `any` takes whichever was measured.
 */
export const metricScopeChoiceSchema = z.enum([...metricScopes, 'any']);

/**
 * One test on an answer (by question id) or on a probe metric (by metric name and scope). On a
 * metric, `answered` means measured, `unknown` means tried but not measurable or failed, and
 * `unanswered` means never measured; comparisons never hold on a metric that was not measured.
 */
export const leafConditionSchema = z
  .object({
    question: bankIdSchema.optional(),
    metric: metricNameSchema.optional(),
    scope: metricScopeChoiceSchema.optional(),
    op: z.enum(conditionOps),
    value: z.union([scalar, z.array(scalar).max(50)]).optional(),
  })
  .strict()
  .superRefine((leaf, ctx) => {
    if ((leaf.question === undefined) === (leaf.metric === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a condition names exactly one of question or metric' });
    }
    if (leaf.scope !== undefined && leaf.metric === undefined) ctx.addIssue({ code: 'custom', path: ['scope'], message: 'a scope goes with a metric' });
    const needsValue = !['answered', 'unknown', 'unanswered'].includes(leaf.op);
    if (needsValue && leaf.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${leaf.op} needs a value` });
    if (['gt', 'gte', 'lt', 'lte'].includes(leaf.op) && typeof leaf.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${leaf.op} needs a number` });
    }
    if (leaf.op === 'in' && !Array.isArray(leaf.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'op in needs a list' });
  });
export type LeafCondition = z.infer<typeof leafConditionSchema>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    leafConditionSchema,
  ]),
);

export const optionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, 'option ids are lowercase letters, digits and _').max(60),
    label: text(300),
    maturity: maturitySchema,
  })
  .strict();
export type QuestionOption = z.infer<typeof optionSchema>;

/** A number is scored by the first band it falls in: min inclusive, max exclusive. */
export const numberBandSchema = z
  .object({ min: z.number().optional(), max: z.number().optional(), maturity: maturitySchema })
  .strict();
export type NumberBand = z.infer<typeof numberBandSchema>;

/** Measured values answer a question: the metric's number, or the option whose band it falls in. */
export const prefillSchema = z
  .object({
    metric: metricNameSchema,
    /** Only a measurement in this scope answers the question (an internet-speed question: internet). */
    scope: metricScopeChoiceSchema.optional(),
    /** For single-choice questions: option chosen by the band the metric falls in. */
    bands: z.array(z.object({ min: z.number().optional(), max: z.number().optional(), option: z.string() }).strict()).max(20).optional(),
  })
  .strict();
export type Prefill = z.infer<typeof prefillSchema>;

/**
 * Where a question or rule sits in the public frameworks an auditor reads the assessment against.
 * The values are fixed lists (labels in frameworks.ts) so a typo cannot slip into the report.
 */
export const ciscoPillars = ['strategy', 'infrastructure', 'data', 'governance', 'talent', 'culture'] as const;
export const nistFunctions = ['govern', 'map', 'measure', 'manage'] as const;
export const isoClauses = [
  'context',
  'leadership',
  'planning',
  'support',
  'operation',
  'performance',
  'improvement',
  'annex_a_policies',
  'annex_a_organisation',
  'annex_a_resources',
  'annex_a_impact',
  'annex_a_lifecycle',
  'annex_a_data',
  'annex_a_information',
  'annex_a_use',
  'annex_a_third_party',
] as const;
export const owaspLlmItems = [
  'llm01_prompt_injection',
  'llm02_sensitive_disclosure',
  'llm03_supply_chain',
  'llm04_poisoning',
  'llm05_output_handling',
  'llm06_excessive_agency',
  'llm07_system_prompt_leakage',
  'llm08_vector_weaknesses',
  'llm09_misinformation',
  'llm10_unbounded_consumption',
] as const;
export const cafPhases = ['strategy', 'plan', 'ready', 'govern', 'secure', 'manage'] as const;

export const frameworkTagsSchema = z
  .object({
    cisco: z.array(z.enum(ciscoPillars)).min(1).max(6),
    nist: z.array(z.enum(nistFunctions)).min(1).max(4),
    iso42001: z.array(z.enum(isoClauses)).min(1).max(6),
    /** Only where an LLM risk is at stake; most infrastructure questions have none. */
    owasp: z.array(z.enum(owaspLlmItems)).max(10).optional(),
    caf: z.array(z.enum(cafPhases)).min(1).max(6),
  })
  .strict();
export type FrameworkTags = z.infer<typeof frameworkTagsSchema>;

const questionBase = {
  id: bankIdSchema,
  text: text(500),
  /** Read aloud by a junior engineer: why we ask, what a good answer looks like. */
  help: text(2000),
  stakeholders: z.array(stakeholderSchema).min(1).max(5),
  weight: z.number().min(0).max(10).default(1),
  evidenceExpected: z.boolean().default(false),
  estimatedSeconds: z.number().int().min(5).max(1800).default(45),
  showIf: conditionSchema.optional(),
  prefill: prefillSchema.optional(),
  tags: z.array(z.string().max(40)).max(10).default([]),
  /** Framework mapping; a bank that maps one question must map them all (checked by parseBank). */
  frameworks: frameworkTagsSchema.optional(),
  /**
   * Why a scored question feeds no finding rule: its maturity counts in the pillar score and the
   * answer is context for the engineer's narrative, but no single answer is a finding on its own.
   */
  contextOnly: z.string().trim().min(10).max(400).optional(),
  /**
   * Set on the questions a customer's own people can answer before the visit (pre-visit
   * questionnaire), with the wording for a customer reader rather than an engineer.
   */
  selfService: z.object({ text: text(500), help: z.string().trim().max(2000).default('') }).strict().optional(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(optionSchema).min(2).max(12) }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('multi'),
      options: z.array(optionSchema).min(2).max(20),
      /** sum: selected maturities add up (capped at 100); max: the best selected option counts. */
      scoring: z.enum(['sum', 'max']).default('sum'),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('scale'),
      min: z.number().int().default(1),
      max: z.number().int().default(5),
      minLabel: text(120),
      maxLabel: text(120),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('number'),
      unit: z.string().max(30).default(''),
      minValue: z.number().optional(),
      maxValue: z.number().optional(),
      /** Without bands the number is a fact (head count, sites), not scored. */
      bands: z.array(numberBandSchema).max(20).optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('yes_no_unknown'),
      yesMaturity: maturitySchema.default(100),
      noMaturity: maturitySchema.default(0),
    })
    .strict(),
  z.object({ ...questionBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(20_000).default(4000) }).strict(),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z
  .object({ id: bankIdSchema, title: text(200), questions: z.array(questionSchema).min(1).max(200) })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const pillarSchema = z
  .object({
    id: bankIdSchema,
    title: text(120),
    description: text(1000),
    weight: z.number().min(0).max(10).default(1),
    /** Where the pillar sits in the public frameworks, for the report's method appendix. */
    frameworks: z.array(z.string().max(200)).max(10).default([]),
    sections: z.array(sectionSchema).min(1).max(30),
  })
  .strict();
export type Pillar = z.infer<typeof pillarSchema>;

export const severities = ['critical', 'high', 'medium', 'low'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/** Four readiness levels, named as in the Cisco AI Readiness Index, best first. */
export const readinessLevels = ['pacesetter', 'chaser', 'follower', 'laggard'] as const;
export const readinessLevelSchema = z.enum(readinessLevels);
export type ReadinessLevel = z.infer<typeof readinessLevelSchema>;
export const readinessLevelLabels: Record<ReadinessLevel, string> = {
  pacesetter: 'Pacesetter',
  chaser: 'Chaser',
  follower: 'Follower',
  laggard: 'Laggard',
};

export const quantityRules = ['per_user', 'per_device', 'per_site', 'fixed'] as const;
export const quantityRuleSchema = z.enum(quantityRules);
export type QuantityRule = z.infer<typeof quantityRuleSchema>;

/** A price-book line a finding proposes: the SKU and how the quantity follows from the case. */
export const priceBookRefSchema = z
  .object({
    sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'SKUs are uppercase letters, digits and dashes').max(60),
    quantity: quantityRuleSchema,
    /** Multiplier (or the count itself for fixed). */
    factor: z.number().positive().max(100_000).default(1),
    note: z.string().max(300).default(''),
  })
  .strict();
export type PriceBookRef = z.infer<typeof priceBookRefSchema>;

export const effortSchema = z
  .object({ size: z.enum(['small', 'medium', 'large']), days: z.number().min(0).max(1000).optional() })
  .strict();
export type Effort = z.infer<typeof effortSchema>;

export const findingRuleSchema = z
  .object({
    id: bankIdSchema,
    pillar: bankIdSchema,
    title: text(200),
    /** What we found, in the customer's terms. */
    description: text(2000),
    recommendation: text(2000),
    severity: severitySchema,
    when: conditionSchema,
    /** What to show or collect as proof (the engine adds the answers and metrics the rule read). */
    evidence: z.string().max(1000).default(''),
    effort: effortSchema,
    /** Critical findings act as gates: the readiness level can be no better than this. */
    gate: readinessLevelSchema.optional(),
    priceBook: z.array(priceBookRefSchema).max(10).default([]),
    frameworks: frameworkTagsSchema.optional(),
  })
  .strict();
export type FindingRule = z.infer<typeof findingRuleSchema>;

export const levelThresholdsSchema = z
  .object({ pacesetter: z.number().min(0).max(100), chaser: z.number().min(0).max(100), follower: z.number().min(0).max(100) })
  .strict()
  .refine((t) => t.pacesetter > t.chaser && t.chaser > t.follower, 'thresholds must fall: pacesetter > chaser > follower');
export type LevelThresholds = z.infer<typeof levelThresholdsSchema>;

/**
 * What a level demands beyond its index threshold, as the frameworks describe the level: a case
 * that does not meet a requirement of a level is capped at the level below. "Don't know" on a
 * question a requirement reads does not meet it (unverified is not safe).
 */
export const levelRequirementSchema = z
  .object({
    id: bankIdSchema,
    level: z.enum(['pacesetter', 'chaser', 'follower']),
    pillar: bankIdSchema,
    title: text(200),
    /** Why the level demands it, in the customer's terms (shown when the requirement is not met). */
    reason: text(1000),
    /** Holds when the requirement is met. */
    met: conditionSchema,
  })
  .strict();
export type LevelRequirement = z.infer<typeof levelRequirementSchema>;

/** A question of an earlier version whose answers carry to other ids in this one (renamed or split). */
export const renamedQuestionSchema = z
  .object({
    from: bankIdSchema,
    to: z.array(bankIdSchema).min(1).max(5),
    /** Old value → new value, for options renamed on the way; values not listed carry unchanged. */
    values: z.record(z.string().max(60), z.union([z.string().max(60), z.array(z.string().max(60)).max(20)])).optional(),
  })
  .strict();
export type RenamedQuestion = z.infer<typeof renamedQuestionSchema>;

export const bankSchema = z
  .object({
    schema: z.literal(1),
    id: bankIdSchema,
    /** Semantic-ish version, compared as text only for equality; the hub decides which is active. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must look like 1.0.0'),
    title: text(200),
    description: z.string().max(2000).default(''),
    levels: levelThresholdsSchema.default({ pacesetter: 80, chaser: 60, follower: 40 }),
    /** Questions whose numeric answers size the proposal: users, devices, sites. */
    facts: z
      .object({ users: bankIdSchema.optional(), devices: bankIdSchema.optional(), sites: bankIdSchema.optional() })
      .strict()
      .default({}),
    pillars: z.array(pillarSchema).min(1).max(30),
    rules: z.array(findingRuleSchema).max(500).default([]),
    // Optional without defaults: a bank parsed before these fields existed must serialise to the
    // same content (installBank compares hashes of installed versions).
    requirements: z.array(levelRequirementSchema).max(100).optional(),
    /** Below this confidence the level is shown as provisional, with the reason, and cannot be Pacesetter. */
    provisionalBelow: z.number().min(0).max(1).optional(),
    renamed: z.array(renamedQuestionSchema).max(200).optional(),
    /** The language the bank's own texts are written in (English when absent). */
    defaultLanguage: reportLocaleSchema.optional(),
    /** Texts in other languages by key (see bank-translations.ts); what is missing falls back to the default. */
    translations: bankTranslationsSchema.optional(),
  })
  .strict();
export type QuestionBank = z.infer<typeof bankSchema>;
export type QuestionBankInput = z.input<typeof bankSchema>;
