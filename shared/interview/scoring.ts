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
import { measurementConfidenceFactor, measurementCoverage, metricEvidence } from './measured-evidence';
import { metricLabel } from '../probes/metric-names';
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
  RequirementResult,
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

const leavesOf = (c: Condition): Array<Extract<Condition, { op: unknown }>> =>
  'all' in c ? c.all.flatMap(leavesOf) : 'any' in c ? c.any.flatMap(leavesOf) : 'not' in c ? leavesOf(c.not) : [c];

const questionLeaves = (c: Condition): string[] => leavesOf(c).flatMap((l) => (l.question !== undefined ? [l.question] : []));

/** Questions a gated rule reads: their "don't know" is an unverified control, not a pass. */
export const gatedQuestionIds = (bank: QuestionBank): Set<string> =>
  new Set(bank.rules.filter((r) => r.gate !== undefined).flatMap((r) => questionLeaves(r.when)));

/** What the engine needs to know besides the answers: gated controls, and which questions carry evidence. */
export interface UnverifiedContext {
  readonly gated: ReadonlySet<string>;
  readonly evidenced: ReadonlySet<string>;
}

const isUnverified = (questionId: string, state: InterviewState, ctx: UnverifiedContext): boolean =>
  ctx.gated.has(questionId) && !ctx.evidenced.has(questionId) && state.visible.has(questionId) && state.effective.get(questionId)?.value === null;

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
  if (!answer) {
    const missing = state.unmeasured.get(question.id);
    if (!missing) return { ...base, status: 'unanswered', valueLabel: 'Not answered', maturity: null };
    const reason = missing.reading.reason ?? 'no reason given';
    return {
      ...base,
      status: 'unanswered',
      valueLabel: `Could not be measured: ${reason}`,
      maturity: null,
      unmeasured: { metric: missing.metric, label: metricLabel(missing.metric), scope: missing.reading.scope, state: missing.reading.state === 'failed' ? 'failed' : 'not_measurable', reason },
    };
  }
  const maturity = maturityOf(question, answer.value);
  return {
    ...base,
    status: maturity === null ? 'unknown' : 'known',
    value: answer.value,
    valueLabel: describeValue(question, answer.value),
    source: answer.source,
    ...(answer.customer ? { customer: answer.customer } : {}),
    ...(answer.metric ? { metric: answer.metric } : {}),
    ...(answer.provenance ? { provenance: answer.provenance } : {}),
    ...(answer.override ? { override: answer.override } : {}),
    maturity: maturity === null ? null : round1(maturity),
  };
};

/**
 * Pillar scores: weighted maturity of known answers. "Don't know" lowers confidence only, except on a
 * control a gate reads: there it counts as absent (0) until an answer or evidence settles it.
 */
export const scorePillars = (bank: QuestionBank, state: InterviewState, ctx: UnverifiedContext = { gated: new Set(), evidenced: new Set() }): PillarScore[] => {
  const questions = bankQuestions(bank);
  return bank.pillars.map((pillar) => {
    const rows = questions
      .filter((q) => q.pillarId === pillar.id && state.visible.has(q.question.id) && isScored(q.question))
      .map((q) => {
        const row = contributionOf(q, state);
        return row.status === 'unknown' && isUnverified(q.question.id, state, ctx) ? { ...row, maturity: 0, unverified: true } : row;
      });
    const counted = rows.filter((r) => r.status === 'known' || r.unverified === true);
    const known = rows.filter((r) => r.status === 'known');
    const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
    const knownWeight = known.reduce((s, r) => s + r.weight, 0);
    const countedWeight = counted.reduce((s, r) => s + r.weight, 0);
    const contributions: Contribution[] = rows.map((r) => ({
      ...r,
      points: (r.status === 'known' || r.unverified === true) && countedWeight > 0 ? round3((r.weight * (r.maturity ?? 0)) / countedWeight) : 0,
    }));
    const raw = countedWeight > 0 ? counted.reduce((s, r) => s + r.weight * (r.maturity ?? 0), 0) / countedWeight : 0;
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

const evidenceFor = (rule: FindingRule, bank: QuestionBank, state: InterviewState, metrics: Metrics): EvidenceItem[] => {
  const items: EvidenceItem[] = [];
  const seen = new Set<string>();
  const byId = new Map(bankQuestions(bank).map((q) => [q.question.id, q.question]));
  for (const leaf of leavesOf(rule.when)) {
    const key = leaf.question !== undefined ? `q:${leaf.question}` : `m:${leaf.metric}@${leaf.scope ?? ''}`;
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
        ...(answer?.customer ? { customer: answer.customer } : {}),
        valueLabel: answer ? describeValue(question, answer.value) : 'Not answered',
        ...(answer?.provenance ? { provenance: answer.provenance } : {}),
        ...(answer?.override ? { override: answer.override } : {}),
      });
    } else if (leaf.metric !== undefined) {
      items.push(metricEvidence({ ...leaf, metric: leaf.metric }, metrics));
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

const findingOf = (rule: FindingRule, bank: QuestionBank, state: InterviewState, metrics: Metrics, facts: CaseFacts, exception?: ExceptionRecord): Finding => ({
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
});

/**
 * A gated rule that did not fire only because nobody knew the answer: it gates like the failing
 * answer would, and tells the engineer what to collect. No price lines: nothing is sold on a guess.
 */
const unverifiedFindingOf = (rule: FindingRule, questionIds: string[], bank: QuestionBank, state: InterviewState, metrics: Metrics, exception?: ExceptionRecord): Finding => ({
  id: `${rule.id}.unverified`,
  pillarId: rule.pillar,
  title: `Not verified: ${rule.title.charAt(0).toLowerCase()}${rule.title.slice(1)}`,
  description: `Nobody could say whether this control is in place, so it counts as missing until an answer or evidence settles it. If it is missing: ${rule.description}`,
  recommendation: `Find out before the report goes out${rule.evidence ? `: ${rule.evidence.charAt(0).toLowerCase()}${rule.evidence.slice(1)}` : '.'} Then record the answer; if the control is missing: ${rule.recommendation}`,
  severity: rule.severity,
  effort: { size: 'small' },
  ...(rule.gate ? { gate: rule.gate } : {}),
  evidenceNote: rule.evidence,
  evidence: evidenceFor(rule, bank, state, metrics),
  priceLines: [],
  unverified: { ruleId: rule.id, questionIds },
  ...(exception ? { exception } : {}),
});

/** Findings whose rule holds, most severe first; exceptions attach to the finding they excuse. */
export const evaluateFindings = (
  bank: QuestionBank,
  state: InterviewState,
  metrics: Metrics,
  exceptions: readonly ExceptionRecord[],
  ctx: UnverifiedContext = { gated: gatedQuestionIds(bank), evidenced: new Set() },
): Finding[] => {
  const facts = caseFacts(bank, state);
  const answerOf = (id: string) => (state.visible.has(id) ? state.effective.get(id)?.value : undefined);
  const exceptionFor = new Map(exceptions.map((e) => [e.findingId, e]));
  const produced: Finding[] = [];
  for (const rule of bank.rules) {
    if (evaluateCondition(rule.when, answerOf, metrics)) {
      produced.push(findingOf(rule, bank, state, metrics, facts, exceptionFor.get(rule.id)));
      continue;
    }
    if (rule.gate === undefined) continue;
    const unknown = [...new Set(questionLeaves(rule.when))].filter((id) => isUnverified(id, state, ctx));
    if (unknown.length > 0) produced.push(unverifiedFindingOf(rule, unknown, bank, state, metrics, exceptionFor.get(`${rule.id}.unverified`)));
  }
  return produced
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => severityRank[a.finding.severity] - severityRank[b.finding.severity] || a.order - b.order)
    .map(({ finding }) => finding);
};

const levelBelow = (level: ReadinessLevel): ReadinessLevel => readinessLevels[Math.min(readinessLevels.length - 1, readinessLevels.indexOf(level) + 1)]!;

/** Each level's entry requirements, judged on the visible answers; "don't know" never meets one. */
export const evaluateRequirements = (bank: QuestionBank, state: InterviewState, metrics: Metrics): RequirementResult[] => {
  const answerOf = (id: string) => (state.visible.has(id) ? state.effective.get(id)?.value : undefined);
  return (bank.requirements ?? []).map((req) => {
    const base = { id: req.id, level: req.level, pillarId: req.pillar, title: req.title, reason: req.reason };
    if (evaluateCondition(req.met, answerOf, metrics)) return { ...base, status: 'met' as const };
    const read = questionLeaves(req.met).filter((id) => state.visible.has(id));
    const values = read.map((id) => state.effective.get(id)?.value);
    const status = values.some((v) => v === null) ? 'unverified' : values.length > 0 && values.every((v) => v === undefined) ? 'open' : 'unmet';
    return { ...base, status };
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
  /** Questions with evidence attached: their "don't know" is not raised as unverified (the proof is there to read). */
  readonly evidencedQuestions?: readonly string[];
}

const percentText = (n: number): string => `${Math.round(n * 100)} %`;

/** Why a level is provisional, in words a customer reads. */
const provisionalReason = (pillars: readonly PillarScore[], confidence: number, threshold: number): string => {
  const unknown = pillars.reduce((n, p) => n + p.unknownCount, 0);
  const open = pillars.reduce((n, p) => n + p.unansweredCount, 0);
  const parts = [unknown > 0 ? `${unknown} answered "don't know"` : '', open > 0 ? `${open} not answered yet` : ''].filter(Boolean);
  return `Only ${percentText(confidence)} of the scored interview is known (the level is firm from ${percentText(threshold)})${parts.length > 0 ? `: ${parts.join(', ')}` : ''}. The level may change when these are answered, and cannot be Pacesetter until then.`;
};

/** The whole readiness picture of a case: pillar scores, index, level, gates, findings, progress. */
export const computeScore = (bank: QuestionBank, input: ScoreInput): ScoreResult => {
  const metrics = input.metrics ?? {};
  const exceptions = input.exceptions ?? [];
  const state = resolveInterview(bank, input.answers, metrics);
  const ctx: UnverifiedContext = { gated: gatedQuestionIds(bank), evidenced: new Set(input.evidencedQuestions ?? []) };
  const pillars = scorePillars(bank, state, ctx);
  const withData = pillars.filter((p) => p.weight > 0 && p.contributions.some((c) => c.status === 'known' || c.unverified === true));
  const dataWeight = withData.reduce((s, p) => s + p.weight, 0);
  const index = dataWeight > 0 ? clamp(round1(withData.reduce((s, p) => s + p.weight * p.score, 0) / dataWeight), 0, 100) : 0;
  const weighted = pillars.filter((p) => p.weight > 0 && p.contributions.length > 0);
  const allWeight = weighted.reduce((s, p) => s + p.weight, 0);
  const coverage = measurementCoverage(bank, metrics);
  const answeredConfidence = allWeight > 0 ? weighted.reduce((s, p) => s + p.weight * p.confidence, 0) / allWeight : 0;
  const confidence = clamp(round3(answeredConfidence * measurementConfidenceFactor(coverage)), 0, 1);
  const findings = evaluateFindings(bank, state, metrics, exceptions, ctx);
  const findingGates: Gate[] = findings
    .filter((f) => f.gate !== undefined)
    .map((f) => ({ findingId: f.id, title: f.title, cap: f.gate as ReadinessLevel, active: f.exception === undefined }));
  const requirements = bank.requirements ? evaluateRequirements(bank, state, metrics) : undefined;
  const requirementGates: Gate[] = (requirements ?? [])
    .filter((r) => r.status !== 'met')
    .map((r) => ({ findingId: r.id, title: r.title, cap: levelBelow(r.level), active: true, kind: 'requirement', reason: r.reason }));
  const threshold = bank.provisionalBelow;
  const provisional = threshold !== undefined && confidence < threshold ? { threshold, reason: provisionalReason(pillars, confidence, threshold) } : undefined;
  const confidenceGates: Gate[] = provisional
    ? [{ findingId: 'confidence.provisional', title: `Confidence below ${percentText(provisional.threshold)}`, cap: 'chaser', active: true, kind: 'confidence', reason: provisional.reason }]
    : [];
  const gates = [...findingGates, ...requirementGates, ...confidenceGates];
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
    ...(requirements ? { requirements } : {}),
    ...(provisional ? { provisional } : {}),
    unmeasured: coverage.unmeasured,
  };
};
