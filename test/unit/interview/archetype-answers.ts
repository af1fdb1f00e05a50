import type { AnswerValue, RecordedAnswer } from '../../../shared/interview/index';
import type { Question, QuestionBank } from '../../../shared/interview/bank-schema';
import { bankQuestions } from '../../../shared/interview/parse-bank';

/**
 * An answer at a given maturity (0 worst … 1 best): the option, band or scale point nearest to it.
 * Archetype customers are a maturity per pillar plus the answers that make them what they are.
 */
export const answerAt = (question: Question, level: number): AnswerValue | undefined => {
  const target = level * 100;
  const nearest = <T extends { maturity: number }>(list: readonly T[]): T =>
    [...list].sort((a, b) => Math.abs(a.maturity - target) - Math.abs(b.maturity - target) || b.maturity - a.maturity)[0]!;
  switch (question.type) {
    case 'single':
      return nearest(question.options).id;
    case 'multi': {
      // Sum-scored: the first options until their maturities reach the target; facts (all 0) need explicit answers.
      if (question.options.every((o) => o.maturity === 0)) return undefined;
      const picked: string[] = [];
      let sum = 0;
      for (const o of [...question.options].sort((a, b) => b.maturity - a.maturity)) {
        if (sum + o.maturity / 2 > target) break;
        picked.push(o.id);
        sum += o.maturity;
      }
      return picked;
    }
    case 'scale':
      return question.min + Math.round(level * (question.max - question.min));
    case 'yes_no_unknown':
      return level >= 0.5 === question.yesMaturity >= question.noMaturity ? 'yes' : 'no';
    case 'number': {
      if (!question.bands) return undefined;
      const band = nearest(question.bands);
      return band.min !== undefined && band.max !== undefined ? (band.min + band.max) / 2 : (band.min ?? Math.max(0, (band.max ?? 1) - 1));
    }
    case 'text':
      return undefined;
  }
};

/** Every question of the bank answered at its pillar's maturity, with explicit answers on top. */
export const archetype = (
  bank: QuestionBank,
  levels: Readonly<Record<string, number>>,
  explicit: Readonly<Record<string, AnswerValue>>,
): RecordedAnswer[] =>
  bankQuestions(bank).flatMap(({ question, pillarId }) => {
    const value = question.id in explicit ? explicit[question.id] : answerAt(question, levels[pillarId] ?? 0.5);
    return value === undefined ? [] : [{ questionId: question.id, value }];
  });
