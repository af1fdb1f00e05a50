import type { ApiClient } from '../../shared/contract/api-client';
import type { Question } from '../../shared/interview/bank-schema';
import { bankQuestions } from '../../shared/interview/parse-bank';
import type { AnswerValue } from '../../shared/interview/answer-values';

/** The best (or worst) possible answer to a question, by its own maturity scale. */
export const extremeAnswer = (question: Question, best: boolean): AnswerValue => {
  switch (question.type) {
    case 'single':
    case 'multi': {
      // The best answer to a sum-scored multi question is every option that adds maturity
      // (a single option of four scores 25, not 100).
      if (question.type === 'multi' && best && question.scoring === 'sum' && question.options.some((o) => o.maturity > 0)) {
        return question.options.filter((o) => o.maturity > 0).map((o) => o.id);
      }
      const sorted = [...question.options].sort((a, b) => (best ? b.maturity - a.maturity : a.maturity - b.maturity));
      const id = (sorted[0] as { id: string }).id;
      return question.type === 'single' ? id : [id];
    }
    case 'scale':
      return best ? question.max : question.min;
    case 'yes_no_unknown':
      return (question.yesMaturity >= question.noMaturity) === best ? 'yes' : 'no';
    case 'number': {
      if (!question.bands?.length) return question.minValue ?? 10;
      const bands = [...question.bands].sort((a, b) => (best ? b.maturity - a.maturity : a.maturity - b.maturity));
      const band = bands[0] as { min?: number; max?: number };
      if (band.min !== undefined && band.max !== undefined) return (band.min + band.max) / 2;
      if (band.min !== undefined) return band.min + 1;
      return band.max !== undefined ? Math.max(0, band.max - 1) : 0;
    }
    case 'text':
      return 'Notes taken on site';
  }
};

/** A different valid answer for each i: bursts and benchmarks write many distinct values. */
export const varyingAnswer = (question: Question, i: number): AnswerValue => {
  switch (question.type) {
    case 'single':
      return (question.options[i % question.options.length] as { id: string }).id;
    case 'multi':
      return [(question.options[i % question.options.length] as { id: string }).id];
    case 'scale':
      return question.min + (i % (question.max - question.min + 1));
    case 'number':
      return (question.minValue ?? 0) + i;
    case 'yes_no_unknown':
      return i % 2 === 0 ? 'yes' : 'no';
    case 'text':
      return `answer ${i}`;
  }
};

/** Answers every question of the active bank for a case, best or worst, through the contract. */
export const answerAll = async (api: ApiClient, caseId: string, best: boolean): Promise<number> => {
  const bank = await api.getActiveQuestionBank({});
  let count = 0;
  for (const { question } of bankQuestions(bank)) {
    const result = await api.answerQuestion({ caseId, questionId: question.id, value: extremeAnswer(question, best) }).then(
      () => true,
      () => false,
    );
    if (result) count += 1;
  }
  return count;
};
