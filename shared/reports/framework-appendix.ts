import { z } from 'zod';
import type { QuestionBank } from '../interview/bank-schema';
import { frameworkCoverage } from '../interview/frameworks';
import { bankQuestions } from '../interview/parse-bank';
import type { ScoreResult } from '../interview/score-types';

/**
 * The technical report's appendix "Coverage by framework": for each public framework the bank is
 * mapped to, each item with the questions this assessment asked and the findings it raised. Built
 * here, from the case's own bank and score, so the report components only lay it out.
 */

/** Up to this many questions an item lists them by text; above it, by section with a count. */
export const questionsListedByText = 6;

export const frameworkItemSourceSchema = z.object({
  label: z.string(),
  questionsAsked: z.number().int().min(0),
  /** Question texts, or "Section title (n questions)" when there are many. */
  questionLines: z.array(z.string()).default([]),
  /** Titles of the findings raised in this assessment. */
  findings: z.array(z.string()).default([]),
});
export type FrameworkItemSource = z.infer<typeof frameworkItemSourceSchema>;

export const frameworkAppendixSchema = z.array(
  z.object({
    name: z.string(),
    items: z.array(frameworkItemSourceSchema).default([]),
  }),
);
export type FrameworkAppendixSource = z.infer<typeof frameworkAppendixSchema>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const frameworkAppendixFrom = (bank: QuestionBank, score: ScoreResult): FrameworkAppendixSource => {
  const asked = new Set(score.pillars.flatMap((p) => p.contributions.map((c) => c.questionId)));
  const byId = new Map(bankQuestions(bank).map((q) => [q.question.id, q]));
  // A finding stands for its rule; an unverified-control finding for the rule it could not check.
  const raisedByRule = new Map<string, string[]>();
  for (const f of score.findings) {
    const ruleId = f.unverified?.ruleId ?? f.id;
    raisedByRule.set(ruleId, [...(raisedByRule.get(ruleId) ?? []), f.title]);
  }
  return frameworkCoverage(bank).map((fw) => ({
    name: fw.name,
    items: fw.items.flatMap((item) => {
      const questions = item.questionIds.filter((id) => asked.has(id)).flatMap((id) => byId.get(id) ?? []);
      const findings = [...new Set(item.ruleIds.flatMap((id) => raisedByRule.get(id) ?? []))];
      if (questions.length === 0 && findings.length === 0) return [];
      let questionLines: string[];
      if (questions.length <= questionsListedByText) questionLines = questions.map((q) => q.question.text);
      else {
        const sections = new Map<string, number>();
        for (const q of questions) sections.set(q.sectionTitle, (sections.get(q.sectionTitle) ?? 0) + 1);
        questionLines = [...sections].map(([title, n]) => `${title} (${plural(n, 'question')})`);
      }
      return [{ label: item.label, questionsAsked: questions.length, questionLines, findings }];
    }),
  }));
};
