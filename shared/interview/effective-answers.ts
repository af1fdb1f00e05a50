import type { AnswerValue } from './answer-values';
import type { Condition, Question, QuestionBank } from './bank-schema';
import { provenanceOf, readingOf, type MetricReading, type Metrics, type Provenance } from './metric-readings';
import { bankQuestions } from './parse-bank';
import type { AnswerSource } from './score-types';

export type { Metrics, MetricReading, Provenance };

/** An answer as stored for a case (the engine's input). */
export interface RecordedAnswer {
  readonly questionId: string;
  readonly value: AnswerValue;
  readonly measured?: boolean;
  readonly note?: string;
  /** The measurement a measured answer took, or the one a typed answer overrode. */
  readonly provenance?: Provenance;
  /** Why the engineer answered differently from what was measured. */
  readonly overrideReason?: string;
  /** Who at the customer gave it in a pre-visit questionnaire, while not yet confirmed on site. */
  readonly customer?: string;
}

export interface EffectiveAnswer {
  readonly value: AnswerValue;
  readonly source: AnswerSource;
  readonly customer?: string;
  readonly metric?: string;
  readonly provenance?: Provenance;
  /** A typed answer that replaced a measured value: what was measured and why it was replaced. */
  readonly override?: { readonly reason: string; readonly measured: Provenance };
}

/** A question a probe should have answered but could not: the reason, so confidence and reports can say so. */
export interface UnmeasuredPrefill {
  readonly metric: string;
  readonly reading: MetricReading;
}

export interface Prefilled {
  readonly value: AnswerValue;
  readonly provenance: Provenance;
}

/** What a probe measurement says about a question (in the scope the question asks for), or undefined. */
export const prefillOf = (question: Question, metrics: Metrics): Prefilled | undefined => {
  if (!question.prefill) return undefined;
  const reading = readingOf(metrics, question.prefill.metric, question.prefill.scope);
  const provenance = reading ? provenanceOf(question.prefill.metric, reading) : undefined;
  const measured = reading?.value;
  if (!provenance || typeof measured !== 'number' || !Number.isFinite(measured)) return undefined;
  const value = (() => {
    if (question.type === 'number') return measured;
    if (question.type === 'scale') return Math.min(question.max, Math.max(question.min, Math.round(measured)));
    if (question.type === 'single') {
      const band = (question.prefill.bands ?? []).find((b) => (b.min === undefined || measured >= b.min) && (b.max === undefined || measured < b.max));
      return band?.option;
    }
    return undefined;
  })();
  return value === undefined ? undefined : { value, provenance };
};

export const prefillValue = (question: Question, metrics: Metrics): AnswerValue | undefined => prefillOf(question, metrics)?.value;

/** The reading of a question's prefill metric when it was tried and could not be measured. */
export const unmeasuredPrefill = (question: Question, metrics: Metrics): UnmeasuredPrefill | undefined => {
  if (!question.prefill) return undefined;
  const reading = readingOf(metrics, question.prefill.metric, question.prefill.scope);
  return reading && reading.state !== 'measured' ? { metric: question.prefill.metric, reading } : undefined;
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** A metric as a condition reads it: its value when measured, null when it could not be, undefined when never tried. */
const metricValueOf = (metrics: Metrics, metric: string, scope: Parameters<typeof readingOf>[2]): AnswerValue | undefined => {
  const reading = readingOf(metrics, metric, scope);
  if (!reading) return undefined;
  return reading.state === 'measured' && reading.value !== undefined ? reading.value : null;
};

/** Evaluates a condition; a question that is hidden or unanswered reads as undefined, "don't know" as null. */
export const evaluateCondition = (
  condition: Condition,
  answerOf: (questionId: string) => AnswerValue | undefined,
  metrics: Metrics,
): boolean => {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answerOf, metrics));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answerOf, metrics));
  if ('not' in condition) return !evaluateCondition(condition.not, answerOf, metrics);
  const v: AnswerValue | undefined = condition.question !== undefined ? answerOf(condition.question) : metricValueOf(metrics, condition.metric ?? '', condition.scope);
  const expected = condition.value;
  switch (condition.op) {
    case 'answered':
      return v !== undefined && v !== null;
    case 'unknown':
      return v === null;
    case 'unanswered':
      return v === undefined;
    case 'eq':
      return v !== undefined && v !== null && JSON.stringify(v) === JSON.stringify(expected);
    case 'neq':
      return v !== undefined && v !== null && JSON.stringify(v) !== JSON.stringify(expected);
    case 'in':
      return v !== undefined && v !== null && asList(expected).some((e) => e === v);
    case 'includes':
      return Array.isArray(v) && asList(expected).some((e) => v.includes(String(e)));
    case 'gt':
      return typeof v === 'number' && v > Number(expected);
    case 'gte':
      return typeof v === 'number' && v >= Number(expected);
    case 'lt':
      return typeof v === 'number' && v < Number(expected);
    case 'lte':
      return typeof v === 'number' && v <= Number(expected);
  }
};

export interface InterviewState {
  /** Visible questions' effective answers (recorded, else measured); hidden questions are absent. */
  readonly effective: ReadonlyMap<string, EffectiveAnswer>;
  readonly visible: ReadonlySet<string>;
  /** Visible, unanswered questions whose measurement was tried and could not be made. */
  readonly unmeasured: ReadonlyMap<string, UnmeasuredPrefill>;
}

/**
 * Walks the bank in order: a question is visible when its showIf holds on the (visible) answers
 * before it; its effective answer is the recorded one, else what a probe measured.
 */
export const resolveInterview = (bank: QuestionBank, answers: readonly RecordedAnswer[], metrics: Metrics): InterviewState => {
  const recorded = new Map<string, RecordedAnswer>();
  for (const a of answers) recorded.set(a.questionId, a);
  const effective = new Map<string, EffectiveAnswer>();
  const visible = new Set<string>();
  const unmeasured = new Map<string, UnmeasuredPrefill>();
  const answerOf = (id: string) => effective.get(id)?.value;
  for (const { question } of bankQuestions(bank)) {
    if (question.showIf && !evaluateCondition(question.showIf, answerOf, metrics)) continue;
    visible.add(question.id);
    const own = recorded.get(question.id);
    if (own) {
      effective.set(question.id, {
        value: own.value,
        source: own.measured ? 'measurement' : own.customer ? 'customer' : 'answer',
        ...(!own.measured && own.customer ? { customer: own.customer } : {}),
        ...(own.measured && question.prefill ? { metric: own.provenance?.metric ?? question.prefill.metric } : {}),
        ...(own.measured && own.provenance ? { provenance: own.provenance } : {}),
        ...(!own.measured && own.provenance ? { override: { reason: own.overrideReason ?? '', measured: own.provenance } } : {}),
      });
      continue;
    }
    const measured = prefillOf(question, metrics);
    if (measured && question.prefill) {
      effective.set(question.id, { value: measured.value, source: 'measurement', metric: question.prefill.metric, provenance: measured.provenance });
      continue;
    }
    const missing = unmeasuredPrefill(question, metrics);
    if (missing) unmeasured.set(question.id, missing);
  }
  return { effective, visible, unmeasured };
};

/** The questions to ask, in order, given the answers so far. */
export const visibleQuestions = (bank: QuestionBank, answers: readonly RecordedAnswer[], metrics: Metrics = {}): Question[] => {
  const { visible } = resolveInterview(bank, answers, metrics);
  return bankQuestions(bank)
    .filter((q) => visible.has(q.question.id))
    .map((q) => q.question);
};
