import { describeValue, isScored, maturityOf, type AnswerValue } from './answer-values';
import {
  readinessLevels,
  stakeholders,
  type Condition,
  type FindingRule,
  type LevelThresholds,
  type PriceBookRef,
  type QuestionBank,
  type ReadinessLevel,
} from './bank-schema';
import { evaluateCondition, resolveInterview, type InterviewState, type Metrics, type RecordedAnswer } from './effective-answers';
import { bankQuestions, type BankQuestion } from './parse-bank';
import type {
  CaseFacts,
  Contribution,
  EvidenceItem,
  ExceptionRecord,
  Finding,
  Gate,
  InterviewProgress,
  PillarScore,
  PriceLine,
  ScoreResult,
} from './score-types';

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export const levelForIndex = (index: number, t: LevelThresholds): ReadinessLevel =>
  index >= t.pacesetter ? 'pacesetter' : index >= t.chaser ? 'chaser' : index >= t.follower ? 'follower' : 'laggard';

/** The worse of two levels (laggard is the worst). */
export const worseLevel = (a: ReadinessLevel, b: ReadinessLevel): ReadinessLevel =>
  readinessLevels.indexOf(a) >= readinessLevels.indexOf(b) ? a : b;

const contributionOf = (entry: BankQuestion, state: InterviewState): Omit<Contribution, 'points'> => {
  const { question } = entry;
  const answer = state.effective.get(question.id);
  const base = {
    questionId: question.id,
    questionText: question.text,
    sectionId: entry.sectionId,
    sectionTitle: entry.sectionTitle,
    weight: question.weight,
  };
  if (!answer) return { ...base, status: 'unanswered', valueLabel: 'Not answered', maturity: null };
  const maturity = maturityOf(question, answer.value);
  return {
    ...base,
    status: maturity === null ? 'unknown' : 'known',
    value: answer.value,
    valueLabel: describeValue(question, answer.value),
    source: answer.source,
    ...(answer.metric ? { metric: answer.metric } : {}),
    maturity: maturity === null ? null : round1(maturity),
  };
};

/** Pillar scores: weighted maturity of known answers; unknowns and gaps lower confidence only. */
export const scorePillars = (bank: QuestionBank, state: InterviewState): PillarScore[] => {
  const questions = bankQuestions(bank);
  return bank.pillars.map((pillar) => {
    const rows = questions
      .filter((q) => q.pillarId === pillar.id && state.visible.has(q.question.id) && isScored(q.question))
      .map((q) => contributionOf(q, state));
    const known = rows.filter((r) => r.status === 'known');
    const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
    const knownWeight = known.reduce((s, r) => s + r.weight, 0);
    const contributions: Contribution[] = rows.map((r) => ({
      ...r,
      points: r.status === 'known' && knownWeight > 0 ? round3((r.weight * (r.maturity ?? 0)) / knownWeight) : 0,
    }));
    const raw = knownWeight > 0 ? known.reduce((s, r) => s + r.weight * (r.maturity ?? 0), 0) / knownWeight : 0;
    return {
      pillarId: pillar.id,
      title: pillar.title,
      weight: pillar.weight,
      score: clamp(round1(raw), 0, 100),
      confidence: totalWeight > 0 ? clamp(round3(knownWeight / totalWeight), 0, 1) : 0,
      knownCount: known.length,
      unknownCount: rows.filter((r) => r.status === 'unknown').length,
      unansweredCount: rows.filter((r) => r.status === 'unanswered').length,
      contributions,
    };
  });
};

const leavesOf = (c: Condition): Array<Extract<Condition, { op: unknown }>> =>
  'all' in c ? c.all.flatMap(leavesOf) : 'any' in c ? c.any.flatMap(leavesOf) : 'not' in c ? leavesOf(c.not) : [c];

const evidenceFor = (rule: FindingRule, bank: QuestionBank, state: InterviewState, metrics: Metrics): EvidenceItem[] => {
  const items: EvidenceItem[] = [];
  const seen = new Set<string>();
  const byId = new Map(bankQuestions(bank).map((q) => [q.question.id, q.question]));
  for (const leaf of leavesOf(rule.when)) {
    const key = leaf.question !== undefined ? `q:${leaf.question}` : `m:${leaf.metric}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (leaf.question !== undefined) {
      const question = byId.get(leaf.question);
      if (!question) continue;
      const answer = state.effective.get(leaf.question);
      items.push({
        kind: 'answer',
        questionId: question.id,
        questionText: question.text,
        ...(answer ? { value: answer.value, source: answer.source } : {}),
        valueLabel: answer ? describeValue(question, answer.value) : 'Not answered',
      });
    } else if (leaf.metric !== undefined) {
      const value = metrics[leaf.metric];
      items.push({ kind: 'metric', metric: leaf.metric, value: typeof value === 'number' ? value : null });
    }
  }
  return items;
};

export const resolvePriceLine = (ref: PriceBookRef, facts: CaseFacts): PriceLine => {
  const count = ref.quantity === 'fixed' ? 1 : ref.quantity === 'per_user' ? facts.users : ref.quantity === 'per_device' ? facts.devices : (facts.sites ?? 1);
  return {
    sku: ref.sku,
    quantityRule: ref.quantity,
    factor: ref.factor,
    quantity: count === null ? null : Math.ceil(count * ref.factor),
    note: ref.note,
  };
};

export const caseFacts = (bank: QuestionBank, state: InterviewState): CaseFacts => {
  const numberOf = (id: string | undefined): number | null => {
    if (id === undefined) return null;
    const v: AnswerValue | undefined = state.effective.get(id)?.value;
    return typeof v === 'number' ? v : null;
  };
  return { users: numberOf(bank.facts.users), devices: numberOf(bank.facts.devices), sites: numberOf(bank.facts.sites) };
};

const severityRank = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Findings whose rule holds, most severe first; exceptions attach to the finding they excuse. */
export const evaluateFindings = (
  bank: QuestionBank,
  state: InterviewState,
  metrics: Metrics,
  exceptions: readonly ExceptionRecord[],
): Finding[] => {
  const facts = caseFacts(bank, state);
  const answerOf = (id: string) => (state.visible.has(id) ? state.effective.get(id)?.value : undefined);
  const exceptionFor = new Map(exceptions.map((e) => [e.findingId, e]));
  return bank.rules
    .filter((rule) => evaluateCondition(rule.when, answerOf, metrics))
    .map((rule, order) => ({ rule, order }))
    .sort((a, b) => severityRank[a.rule.severity] - severityRank[b.rule.severity] || a.order - b.order)
    .map(({ rule }) => {
      const exception = exceptionFor.get(rule.id);
      return {
        id: rule.id,
        pillarId: rule.pillar,
        title: rule.title,
        description: rule.description,
        recommendation: rule.recommendation,
        severity: rule.severity,
        effort: rule.effort,
        ...(rule.gate ? { gate: rule.gate } : {}),
        evidenceNote: rule.evidence,
        evidence: evidenceFor(rule, bank, state, metrics),
        priceLines: rule.priceBook.map((ref) => resolvePriceLine(ref, facts)),
        ...(exception ? { exception } : {}),
      };
    });
};

/** Questions shown and answered (a "don't know" counts as answered), and the time left, per stakeholder. */
export const progressOf = (bank: QuestionBank, state: InterviewState): InterviewProgress => {
  const shown = bankQuestions(bank).filter((q) => state.visible.has(q.question.id));
  const tally = (list: BankQuestion[]) => {
    const open = list.filter((q) => !state.effective.has(q.question.id));
    return {
      visible: list.length,
      answered: list.length - open.length,
      secondsLeft: open.reduce((s, q) => s + q.question.estimatedSeconds, 0),
    };
  };
  return {
    ...tally(shown),
    byStakeholder: stakeholders.map((stakeholder) => ({
      stakeholder,
      ...tally(shown.filter((q) => q.question.stakeholders.includes(stakeholder))),
    })),
  };
};

export interface ScoreInput {
  readonly answers: readonly RecordedAnswer[];
  readonly metrics?: Metrics;
  readonly exceptions?: readonly ExceptionRecord[];
}

/** The whole readiness picture of a case: pillar scores, index, level, gates, findings, progress. */
export const computeScore = (bank: QuestionBank, input: ScoreInput): ScoreResult => {
  const metrics = input.metrics ?? {};
  const exceptions = input.exceptions ?? [];
  const state = resolveInterview(bank, input.answers, metrics);
  const pillars = scorePillars(bank, state);
  const withData = pillars.filter((p) => p.knownCount > 0 && p.weight > 0);
  const dataWeight = withData.reduce((s, p) => s + p.weight, 0);
  const index = dataWeight > 0 ? clamp(round1(withData.reduce((s, p) => s + p.weight * p.score, 0) / dataWeight), 0, 100) : 0;
  const weighted = pillars.filter((p) => p.weight > 0 && p.contributions.length > 0);
  const allWeight = weighted.reduce((s, p) => s + p.weight, 0);
  const confidence = allWeight > 0 ? clamp(round3(weighted.reduce((s, p) => s + p.weight * p.confidence, 0) / allWeight), 0, 1) : 0;
  const findings = evaluateFindings(bank, state, metrics, exceptions);
  const gates: Gate[] = findings
    .filter((f) => f.gate !== undefined)
    .map((f) => ({ findingId: f.id, title: f.title, cap: f.gate as ReadinessLevel, active: f.exception === undefined }));
  const levelBeforeGates = levelForIndex(index, bank.levels);
  const level = gates.filter((g) => g.active).reduce((lvl, g) => worseLevel(lvl, g.cap), levelBeforeGates);
  return {
    bankId: bank.id,
    bankVersion: bank.version,
    index,
    levelBeforeGates,
    level,
    confidence,
    pillars,
    gates,
    findings,
    exceptions: [...exceptions],
    facts: caseFacts(bank, state),
    progress: progressOf(bank, state),
  };
};
