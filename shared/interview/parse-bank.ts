import { isMetricName } from '../probes/metric-names';
import type { z } from 'zod';
import { formatIssuePath } from '../contract/result';
import { bankSchema, type Condition, type Question, type QuestionBank } from './bank-schema';

export interface BankIssue {
  readonly path: string;
  readonly message: string;
}

/** A bank that cannot be used; `issues` carry the path of each error (`pillars[2].sections[0]...`). */
export class BankError extends Error {
  readonly issues: readonly BankIssue[];
  constructor(issues: readonly BankIssue[]) {
    const first = issues[0];
    super(`Question bank refused: ${first ? `${first.path || '(bank)'}: ${first.message}` : 'invalid'}`);
    this.name = 'BankError';
    this.issues = issues;
  }
}

type Path = readonly (string | number)[];

interface Located {
  readonly question: Question;
  readonly order: number;
  readonly path: Path;
}

const conditionLeaves = (condition: Condition, path: Path): Array<{ leaf: Extract<Condition, { op: unknown }>; path: Path }> => {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionLeaves(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionLeaves(c, [...path, 'any', i]));
  if ('not' in condition) return conditionLeaves(condition.not, [...path, 'not']);
  return [{ leaf: condition, path }];
};

/** Checks what zod cannot: unique ids, references to existing (and, for showIf, earlier) questions. */
const crossCheck = (bank: QuestionBank): BankIssue[] => {
  const issues: BankIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatIssuePath(path), message });
  const questions = new Map<string, Located>();
  const pillarIds = new Set<string>();
  const sectionIds = new Set<string>();
  let order = 0;

  const checkCondition = (condition: Condition, path: Path, before: number | null) => {
    for (const { leaf, path: leafPath } of conditionLeaves(condition, path)) {
      if (leaf.question === undefined) {
        if (leaf.metric !== undefined && !isMetricName(leaf.metric)) add([...leafPath, 'metric'], `no metric ${leaf.metric} in the probe catalogue (docs/metrics.md)`);
        continue;
      }
      const target = questions.get(leaf.question);
      if (!target) {
        add([...leafPath, 'question'], `no question ${leaf.question} ${before === null ? 'in the bank' : 'before this one'}`);
        continue;
      }
      if (before !== null && target.order >= before) add([...leafPath, 'question'], `${leaf.question} must come before the question it controls`);
      const q = target.question;
      if (leaf.op === 'includes' && q.type !== 'multi') add([...leafPath, 'op'], `includes works on multi questions; ${q.id} is ${q.type}`);
      if (q.type === 'single' || q.type === 'multi') {
        const known = new Set(q.options.map((o) => o.id));
        const values = Array.isArray(leaf.value) ? leaf.value : leaf.value === undefined ? [] : [leaf.value];
        if (['eq', 'neq', 'in', 'includes'].includes(leaf.op)) {
          for (const v of values) if (!known.has(String(v))) add([...leafPath, 'value'], `${q.id} has no option ${String(v)}`);
        }
      }
    }
  };

  bank.pillars.forEach((pillar, p) => {
    if (pillarIds.has(pillar.id)) add(['pillars', p, 'id'], `duplicate pillar id ${pillar.id}`);
    pillarIds.add(pillar.id);
    pillar.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) add(['pillars', p, 'sections', s, 'id'], `duplicate section id ${section.id}`);
      sectionIds.add(section.id);
      section.questions.forEach((question, q) => {
        const path: Path = ['pillars', p, 'sections', s, 'questions', q];
        if (questions.has(question.id)) add([...path, 'id'], `duplicate question id ${question.id}`);
        if (question.showIf) checkCondition(question.showIf, [...path, 'showIf'], order);
        if ('options' in question) {
          const seen = new Set<string>();
          question.options.forEach((o, i) => {
            if (seen.has(o.id)) add([...path, 'options', i, 'id'], `duplicate option id ${o.id}`);
            seen.add(o.id);
          });
        }
        if (question.type === 'scale' && question.max <= question.min) add([...path, 'max'], 'max must be above min');
        if (question.prefill) {
          if (!isMetricName(question.prefill.metric)) add([...path, 'prefill', 'metric'], `no metric ${question.prefill.metric} in the probe catalogue (docs/metrics.md)`);
          if (!['number', 'single', 'scale'].includes(question.type)) {
            add([...path, 'prefill'], `prefill works on number, single and scale questions, not ${question.type}`);
          }
          if (question.type === 'single') {
            const bands = question.prefill.bands ?? [];
            if (bands.length === 0) add([...path, 'prefill', 'bands'], 'a single-choice prefill needs bands mapping the metric to options');
            const known = new Set(question.options.map((o) => o.id));
            bands.forEach((b, i) => {
              if (!known.has(b.option)) add([...path, 'prefill', 'bands', i, 'option'], `no option ${b.option}`);
            });
          }
        }
        questions.set(question.id, { question, order, path });
        order += 1;
      });
    });
  });

  (['users', 'devices', 'sites'] as const).forEach((fact) => {
    const id = bank.facts[fact];
    if (id === undefined) return;
    const target = questions.get(id);
    if (!target) add(['facts', fact], `no question ${id}`);
    else if (target.question.type !== 'number') add(['facts', fact], `${id} must be a number question`);
  });

  const ruleIds = new Set<string>();
  bank.rules.forEach((rule, r) => {
    if (ruleIds.has(rule.id)) add(['rules', r, 'id'], `duplicate rule id ${rule.id}`);
    ruleIds.add(rule.id);
    if (!pillarIds.has(rule.pillar)) add(['rules', r, 'pillar'], `no pillar ${rule.pillar}`);
    checkCondition(rule.when, ['rules', r, 'when'], null);
  });

  const requirementIds = new Set<string>();
  (bank.requirements ?? []).forEach((req, r) => {
    if (requirementIds.has(req.id) || ruleIds.has(req.id)) add(['requirements', r, 'id'], `duplicate id ${req.id}`);
    requirementIds.add(req.id);
    if (!pillarIds.has(req.pillar)) add(['requirements', r, 'pillar'], `no pillar ${req.pillar}`);
    checkCondition(req.met, ['requirements', r, 'met'], null);
  });

  (bank.renamed ?? []).forEach((entry, r) => {
    if (questions.has(entry.from)) add(['renamed', r, 'from'], `${entry.from} is still a question of this bank; only retired ids are renamed`);
    entry.to.forEach((id, i) => {
      if (!questions.has(id)) add(['renamed', r, 'to', i], `no question ${id}`);
    });
  });

  // A framework mapping is only worth showing an auditor when it is complete.
  const mapped = [...questions.values()].filter((q) => q.question.frameworks !== undefined).length + bank.rules.filter((r) => r.frameworks).length;
  if (mapped > 0) {
    for (const { question, path } of questions.values()) {
      if (!question.frameworks) add([...path, 'frameworks'], `${question.id} has no framework mapping while others in the bank do`);
    }
    bank.rules.forEach((rule, r) => {
      if (!rule.frameworks) add(['rules', r, 'frameworks'], `${rule.id} has no framework mapping while others in the bank do`);
    });
  }
  return issues;
};

/** Validates a bank (the schema, then cross-references); throws BankError with paths on failure. */
export const parseBank = (input: unknown): QuestionBank => {
  const parsed = bankSchema.safeParse(input);
  if (!parsed.success) {
    throw new BankError(parsed.error.issues.map((i: z.core.$ZodIssue) => ({ path: formatIssuePath(i.path), message: i.message })));
  }
  const issues = crossCheck(parsed.data);
  if (issues.length > 0) throw new BankError(issues);
  return parsed.data;
};

/** Every question in bank order, with its pillar and section. */
export interface BankQuestion {
  readonly question: Question;
  readonly pillarId: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  readonly index: number;
}

/** Banks are immutable once parsed, so the flat list is computed once per bank object. */
const flatLists = new WeakMap<QuestionBank, readonly BankQuestion[]>();

export const bankQuestions = (bank: QuestionBank): readonly BankQuestion[] => {
  const cached = flatLists.get(bank);
  if (cached) return cached;
  const list: BankQuestion[] = [];
  for (const pillar of bank.pillars) {
    for (const section of pillar.sections) {
      for (const question of section.questions) {
        list.push({ question, pillarId: pillar.id, sectionId: section.id, sectionTitle: section.title, index: list.length });
      }
    }
  }
  flatLists.set(bank, list);
  return list;
};

export const findQuestion = (bank: QuestionBank, id: string): BankQuestion | undefined => bankQuestions(bank).find((q) => q.question.id === id);
