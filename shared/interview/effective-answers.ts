import type { AnswerValue } from './answer-values';
import type { Condition, Question, QuestionBank } from './bank-schema';
import { bankQuestions } from './parse-bank';
import type { AnswerSource } from './score-types';

/** An answer as stored for a case (the engine's input). */
export interface RecordedAnswer {
  readonly questionId: string;
  readonly value: AnswerValue;
  readonly measured?: boolean;
  readonly note?: string;
}

/** Probe metrics of a case by dotted name: `throughput.upload_mbps` → 87.4. */
export type Metrics = Readonly<Record<string, number>>;

export interface EffectiveAnswer {
  readonly value: AnswerValue;
  readonly source: AnswerSource;
  readonly metric?: string;
}

/** What a probe metric says about a question, or undefined when it says nothing. */
export const prefillValue = (question: Question, metrics: Metrics): AnswerValue | undefined => {
  if (!question.prefill) return undefined;
  const measured = metrics[question.prefill.metric];
  if (typeof measured !== 'number' || !Number.isFinite(measured)) return undefined;
  if (question.type === 'number') return measured;
  if (question.type === 'scale') return Math.min(question.max, Math.max(question.min, Math.round(measured)));
  if (question.type === 'single') {
    const band = (question.prefill.bands ?? []).find((b) => (b.min === undefined || measured >= b.min) && (b.max === undefined || measured < b.max));
    return band?.option;
  }
  return undefined;
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Evaluates a condition; a question that is hidden or unanswered reads as undefined, "don't know" as null. */
export const evaluateCondition = (
  condition: Condition,
  answerOf: (questionId: string) => AnswerValue | undefined,
  metrics: Metrics,
): boolean => {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answerOf, metrics));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answerOf, metrics));
  if ('not' in condition) return !evaluateCondition(condition.not, answerOf, metrics);
  const v: AnswerValue | undefined = condition.question !== undefined ? answerOf(condition.question) : metrics[condition.metric ?? ''];
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
  const answerOf = (id: string) => effective.get(id)?.value;
  for (const { question } of bankQuestions(bank)) {
    if (question.showIf && !evaluateCondition(question.showIf, answerOf, metrics)) continue;
    visible.add(question.id);
    const own = recorded.get(question.id);
    if (own) {
      effective.set(question.id, {
        value: own.value,
        source: own.measured ? 'measurement' : 'answer',
        ...(own.measured && question.prefill ? { metric: question.prefill.metric } : {}),
      });
      continue;
    }
    const measured = prefillValue(question, metrics);
    if (measured !== undefined && question.prefill) effective.set(question.id, { value: measured, source: 'measurement', metric: question.prefill.metric });
  }
  return { effective, visible };
};

/** The questions to ask, in order, given the answers so far. */
export const visibleQuestions = (bank: QuestionBank, answers: readonly RecordedAnswer[], metrics: Metrics = {}): Question[] => {
  const { visible } = resolveInterview(bank, answers, metrics);
  return bankQuestions(bank)
    .filter((q) => visible.has(q.question.id))
    .map((q) => q.question);
};
