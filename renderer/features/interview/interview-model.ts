import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { CustomerSource } from '../../../shared/questionnaire/questionnaire-schemas';
import type { Question, QuestionBank, Stakeholder } from '../../../shared/interview/bank-schema';
import { resolveInterview, type RecordedAnswer } from '../../../shared/interview/effective-answers';
import { bankQuestions, type BankQuestion } from '../../../shared/interview/parse-bank';

export interface LocalAnswer {
  readonly value: AnswerValue;
  readonly measured: boolean;
  /** The customer's own answer from a pre-visit questionnaire, until the engineer confirms or corrects it. */
  readonly customer?: CustomerSource | null;
}

export interface Prefill {
  readonly value: AnswerValue;
  readonly metric: string;
}

/** The questions to walk through, in bank order: visible ones, for the chosen stakeholder. */
export const interviewSequence = (
  bank: QuestionBank,
  answers: ReadonlyMap<string, LocalAnswer>,
  prefills: ReadonlyMap<string, Prefill>,
  stakeholder: Stakeholder | null,
): BankQuestion[] => {
  const recorded: RecordedAnswer[] = [...answers].map(([questionId, a]) => ({ questionId, value: a.value, measured: a.measured }));
  for (const [questionId, p] of prefills) if (!answers.has(questionId)) recorded.push({ questionId, value: p.value, measured: true });
  const { visible } = resolveInterview(bank, recorded, {});
  return bankQuestions(bank).filter((q) => visible.has(q.question.id) && (stakeholder === null || q.question.stakeholders.includes(stakeholder)));
};

/** What a number key means for a question: the value to save, a multi toggle, or nothing. */
export type KeyPick = { kind: 'set'; value: AnswerValue } | { kind: 'toggle'; option: string } | { kind: 'none' };

export const pickForDigit = (question: Question, digit: number, current: AnswerValue | undefined): KeyPick => {
  if (question.type === 'text' || question.type === 'number') return { kind: 'none' };
  if (digit === 0) return { kind: 'set', value: null };
  switch (question.type) {
    case 'single': {
      const option = question.options[digit - 1];
      return option ? { kind: 'set', value: option.id } : { kind: 'none' };
    }
    case 'multi': {
      const option = question.options[digit - 1];
      return option ? { kind: 'toggle', option: option.id } : { kind: 'none' };
    }
    case 'yes_no_unknown':
      return digit === 1 ? { kind: 'set', value: 'yes' } : digit === 2 ? { kind: 'set', value: 'no' } : digit === 3 ? { kind: 'set', value: null } : { kind: 'none' };
    case 'scale': {
      const value = question.min + digit - 1;
      return value <= question.max ? { kind: 'set', value } : { kind: 'none' };
    }
  }
  void current;
  return { kind: 'none' };
};

export const toggled = (question: Question, current: AnswerValue | undefined, option: string): string[] => {
  const selected = Array.isArray(current) ? current : [];
  const next = selected.includes(option) ? selected.filter((o) => o !== option) : [...selected, option];
  return 'options' in question ? question.options.filter((o) => next.includes(o.id)).map((o) => o.id) : next;
};

/** Minutes left as the progress messages count them: 0 reads "under a minute". */
export const minutesLeft = (seconds: number): number => (seconds < 60 ? 0 : Math.ceil(seconds / 60));

/**
 * Where the interview goes when the engineer switches stakeholder: it stays on the current question
 * when that stakeholder is asked it, otherwise it goes to their first open question (or their first).
 */
export const questionAfterSwitch = (
  theirs: readonly BankQuestion[],
  currentId: string | null,
  answers: ReadonlyMap<string, LocalAnswer>,
): string | null => {
  if (currentId && theirs.some((q) => q.question.id === currentId)) return currentId;
  return (theirs.find((q) => !answers.has(q.question.id)) ?? theirs[0])?.question.id ?? null;
};
