import { describe, expect, it } from 'vitest';
import { compareAssessments, type AssessmentSnapshot } from '../../../shared/history/compare';
import { ftsMatchExpression } from '../../../shared/history/fts-query';

const snapshot = (over: Partial<AssessmentSnapshot>): AssessmentSnapshot => ({
  caseId: 'a',
  createdAt: '2025-01-01T00:00:00.000Z',
  title: '',
  level: null,
  readinessIndex: null,
  pillars: [],
  findings: [],
  metrics: {},
  ...over,
});

describe('ftsMatchExpression', () => {
  it('quotes every word as a prefix term, so operators are just text', () => {
    expect(ftsMatchExpression('north wind')).toBe('"north"* "wind"*');
    expect(ftsMatchExpression('a OR b NOT c')).toBe('"a"* "OR"* "b"* "NOT"* "c"*');
    expect(ftsMatchExpression('"quoted" (paren) col:umn *star')).toBe('"quoted"* "paren"* "col"* "umn"* "star"*');
    expect(ftsMatchExpression('  \t ')).toBeNull();
    expect(ftsMatchExpression('!!!')).toBeNull();
    expect(ftsMatchExpression('شركة الأمل')).toBe('"شركة"* "الأمل"*');
  });
});

describe('compareAssessments', () => {
  const before = snapshot({
    caseId: 'old',
    readinessIndex: 40,
    level: 'follower',
    pillars: [
      { pillarId: 'network', title: 'Network', score: 30, confidence: 1 },
      { pillarId: 'data', title: 'Data', score: 50, confidence: 1 },
    ],
    findings: [
      { id: 'mfa', title: 'No MFA', severity: 'critical' },
      { id: 'backup', title: 'No backup test', severity: 'high' },
    ],
    metrics: { 'latency.rtt_ms_p50': 80, 'throughput.download_mbps': 50, 'hardware.cpu_cores': 4 },
  });
  const after = snapshot({
    caseId: 'new',
    createdAt: '2026-01-01T00:00:00.000Z',
    readinessIndex: 62.5,
    level: 'chaser',
    pillars: [
      { pillarId: 'network', title: 'Network', score: 70, confidence: 1 },
      { pillarId: 'security', title: 'Security', score: 60, confidence: 0.5 },
    ],
    findings: [
      { id: 'backup', title: 'No backup test', severity: 'high' },
      { id: 'shadow', title: 'Shadow AI', severity: 'medium' },
    ],
    metrics: { 'latency.rtt_ms_p50': 40, 'throughput.download_mbps': 30, 'hardware.cpu_cores': 8 },
  });

  it('gives pillar deltas, with pillars only one side has', () => {
    const c = compareAssessments(before, after);
    expect(c.indexDelta).toBe(22.5);
    expect(c.pillars).toEqual([
      { pillarId: 'network', title: 'Network', before: 30, after: 70, delta: 40 },
      { pillarId: 'data', title: 'Data', before: 50, after: null, delta: null },
      { pillarId: 'security', title: 'Security', before: null, after: 60, delta: null },
    ]);
  });

  it('sorts findings into resolved, new and still open', () => {
    const c = compareAssessments(before, after);
    expect(c.findings.resolved.map((f) => f.id)).toEqual(['mfa']);
    expect(c.findings.new.map((f) => f.id)).toEqual(['shadow']);
    expect(c.findings.stillOpen.map((f) => f.id)).toEqual(['backup']);
  });

  it('judges metric changes by the direction that is better', () => {
    const byName = Object.fromEntries(compareAssessments(before, after).metrics.map((m) => [m.metric, m]));
    expect(byName['latency.rtt_ms_p50']).toMatchObject({ delta: -40, improved: true });
    expect(byName['throughput.download_mbps']).toMatchObject({ delta: -20, improved: false });
    expect(byName['hardware.cpu_cores']).toMatchObject({ delta: 4, improved: null });
  });
});
