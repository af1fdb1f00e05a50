import { isScored } from './answer-values';
import type { Condition, QuestionBank } from './bank-schema';
import { bankQuestions } from './parse-bank';

/**
 * Whether every answer that matters leads somewhere: a scored question feeds a finding rule or says
 * why it is context only; a help text that promises a finding has a rule behind it; a rule tells the
 * engineer what evidence to collect and, beyond a small fix, what it costs. `parseBank` does not enforce this (a partner's bank may be
 * lighter); `groundwork bank --check` reports it and the built-in bank's tests require none.
 */
export interface CoverageIssue {
  readonly id: string;
  readonly message: string;
}

type Leaf = Extract<Condition, { op: unknown }>;
const leavesOf = (c: Condition): Leaf[] =>
  'all' in c ? c.all.flatMap(leavesOf) : 'any' in c ? c.any.flatMap(leavesOf) : 'not' in c ? leavesOf(c.not) : [c];

/** "…becomes a finding", "…is raised as a finding", "…is named in a finding", "the gap is a finding". */
const promisesFinding = /\bfindings?\b/i;
/** "each blocker …", "each one missing …", "each sign …": every option must be read by some rule. */
const promisesEach = /\beach\b[^.]*\bfinding/i;

export const bankCoverage = (bank: QuestionBank): CoverageIssue[] => {
  const issues: CoverageIssue[] = [];
  const readers = new Map<string, string[]>();
  const optionsRead = new Map<string, Set<string>>();
  for (const rule of bank.rules) {
    for (const leaf of leavesOf(rule.when)) {
      if (leaf.question === undefined) continue;
      readers.set(leaf.question, [...(readers.get(leaf.question) ?? []), rule.id]);
      const values = Array.isArray(leaf.value) ? leaf.value : leaf.value === undefined ? [] : [leaf.value];
      const seen = optionsRead.get(leaf.question) ?? new Set<string>();
      for (const v of values) seen.add(String(v));
      optionsRead.set(leaf.question, seen);
    }
  }
  for (const { question } of bankQuestions(bank)) {
    const rules = readers.get(question.id) ?? [];
    if (isScored(question) && rules.length === 0 && question.contextOnly === undefined) {
      issues.push({ id: question.id, message: 'is scored but feeds no finding rule and is not marked context-only (contextOnly: the reason)' });
    }
    if (question.contextOnly !== undefined && rules.length > 0) {
      issues.push({ id: question.id, message: `is marked context-only but rule ${rules[0]} reads it` });
    }
    if (promisesFinding.test(question.help) && rules.length === 0) {
      issues.push({ id: question.id, message: 'help text promises a finding, but no rule reads this question' });
    }
    if (promisesEach.test(question.help) && (question.type === 'multi' || question.type === 'single')) {
      const read = optionsRead.get(question.id) ?? new Set<string>();
      const missing = question.options.filter((o) => !read.has(o.id)).map((o) => o.id);
      if (missing.length > 0) issues.push({ id: question.id, message: `help text says each answer becomes a finding, but no rule reads ${missing.join(', ')}` });
    }
  }
  for (const rule of bank.rules) {
    if (rule.evidence.trim() === '') issues.push({ id: rule.id, message: 'rule names no evidence to collect' });
    // A small fix (a setting, a cable, half a day) is done within the visit; anything bigger is priced.
    if (rule.priceBook.length === 0 && rule.effort.size !== 'small') issues.push({ id: rule.id, message: 'rule proposes no price-book line for work beyond a small fix' });
  }
  return issues;
};
