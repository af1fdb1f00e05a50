import { metricLabel } from '../probes/metric-names';
import type { Condition, LeafCondition, QuestionBank } from './bank-schema';
import { describeLeafThreshold, homeScope, readingOf, readingValueLabel, type Metrics, type ScopeChoice } from './metric-readings';
import { bankQuestions } from './parse-bank';
import type { EvidenceItem, Unmeasured } from './score-types';

export const conditionLeaves = (c: Condition): LeafCondition[] =>
  'all' in c ? c.all.flatMap(conditionLeaves) : 'any' in c ? c.any.flatMap(conditionLeaves) : 'not' in c ? conditionLeaves(c.not) : [c];

/** The evidence of one metric condition: what was read, in which scope, against what, and the threshold. */
export const metricEvidence = (leaf: LeafCondition & { metric: string }, metrics: Metrics): Extract<EvidenceItem, { kind: 'metric' }> => {
  const reading = readingOf(metrics, leaf.metric, leaf.scope);
  const threshold = describeLeafThreshold(leaf);
  const base = { kind: 'metric' as const, metric: leaf.metric, label: metricLabel(leaf.metric), ...(threshold ? { threshold } : {}) };
  if (!reading) return { ...base, value: null, valueLabel: 'not measured', state: 'absent' };
  if (reading.state !== 'measured' || reading.value === undefined) {
    return { ...base, value: null, valueLabel: `could not be measured: ${reading.reason ?? 'no reason given'}`, state: reading.state === 'measured' ? 'absent' : reading.state, scope: reading.scope };
  }
  return {
    ...base,
    value: typeof reading.value === 'number' ? reading.value : null,
    valueLabel: readingValueLabel(leaf.metric, reading.value),
    state: 'measured',
    scope: reading.scope,
    ...(reading.farEnd ? { farEnd: reading.farEnd } : {}),
    ...(reading.runId ? { runId: reading.runId } : {}),
    ...(reading.measuredAt ? { measuredAt: reading.measuredAt } : {}),
  };
};

/** Every (metric, scope) the bank reads, from its rules and its prefills. */
const readsOf = (bank: QuestionBank): Array<{ metric: string; scope: ScopeChoice }> => {
  const out = new Map<string, { metric: string; scope: ScopeChoice }>();
  const add = (metric: string, scope: ScopeChoice | undefined) => {
    const s = scope ?? homeScope(metric);
    out.set(`${metric}@${s}`, { metric, scope: s });
  };
  for (const rule of bank.rules) for (const leaf of conditionLeaves(rule.when)) if (leaf.metric !== undefined) add(leaf.metric, leaf.scope);
  for (const { question } of bankQuestions(bank)) {
    if (question.prefill) add(question.prefill.metric, question.prefill.scope);
    if (question.showIf) for (const leaf of conditionLeaves(question.showIf)) if (leaf.metric !== undefined) add(leaf.metric, leaf.scope);
  }
  return [...out.values()];
};

export interface MeasurementCoverage {
  /** Read by the bank, tried, and not measurable or failed. */
  readonly unmeasured: Unmeasured[];
  /** Read by the bank and tried (measured or not). */
  readonly tried: number;
}

export const measurementCoverage = (bank: QuestionBank, metrics: Metrics): MeasurementCoverage => {
  const unmeasured: Unmeasured[] = [];
  let tried = 0;
  const seen = new Set<string>();
  for (const { metric, scope } of readsOf(bank)) {
    const reading = readingOf(metrics, metric, scope);
    if (!reading) continue;
    tried += 1;
    if (reading.state === 'measured') continue;
    const key = `${metric}@${reading.scope}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unmeasured.push({ metric, label: metricLabel(metric), scope: reading.scope, state: reading.state, reason: reading.reason ?? 'no reason given' });
  }
  return { unmeasured, tried };
};

/**
 * What could not be measured takes confidence off, never points: a quarter of the confidence at
 * most, in proportion to the share of the bank's measurements that were tried and not made.
 */
export const measurementConfidenceFactor = (coverage: MeasurementCoverage): number =>
  coverage.tried === 0 ? 1 : 1 - 0.25 * (coverage.unmeasured.length / coverage.tried);

export { readingValueLabel };
