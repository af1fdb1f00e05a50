import { describe, expect, it } from 'vitest';
import { computeScore, visibleQuestions } from '../../../shared/interview/index';
import type { RecordedAnswer } from '../../../shared/interview/index';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import type { Question } from '../../../shared/interview/bank-schema';
import { bestAnswers, smallBank } from './small-bank';

const bank = smallBank();
const pillar = (result: ReturnType<typeof computeScore>, id: string) => result.pillars.find((p) => p.pillarId === id)!;

describe('scoring on the hand-built bank', () => {
  it('all best answers give 100 everywhere, full confidence and the top level', () => {
    const result = computeScore(bank, { answers: bestAnswers() });
    expect(result.pillars.map((p) => p.score)).toEqual([100, 100]);
    expect(result.index).toBe(100);
    expect(result.confidence).toBe(1);
    expect(result.level).toBe('pacesetter');
    expect(result.findings).toEqual([]);
    expect(result.progress).toMatchObject({ visible: 9, answered: 9, secondsLeft: 0 });
  });

  it('one critical gate caps the level even with a high index', () => {
    const answers = bestAnswers().map((a) => (a.questionId === 'net.failover' ? { ...a, value: 'none' } : a));
    const result = computeScore(bank, { answers });
    // Network: upload 100, failover 0, controls 100, quality 100 → 75; org 100; index (100*1 + 75*2)/3.
    expect(pillar(result, 'net').score).toBe(75);
    expect(result.index).toBe(83.3);
    expect(result.levelBeforeGates).toBe('pacesetter');
    expect(result.level).toBe('follower');
    expect(result.gates).toEqual([{ findingId: 'net.no_failover', title: 'No failover', cap: 'follower', active: true }]);
  });

  it('an exception keeps the finding but lifts its gate, and is shown', () => {
    const answers = bestAnswers().map((a) => (a.questionId === 'net.failover' ? { ...a, value: 'none' } : a));
    const exception = {
      id: 'e1',
      findingId: 'net.no_failover',
      compensatingControl: '4G router with automatic failover on order',
      reason: 'Installed next week',
      recordedBy: 'Sam',
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
    const result = computeScore(bank, { answers, exceptions: [exception] });
    expect(result.level).toBe('pacesetter');
    expect(result.gates[0]!.active).toBe(false);
    expect(result.findings[0]!.exception).toEqual(exception);
    expect(result.exceptions).toEqual([exception]);
  });

  it('all unknown gives zero confidence and does not lower the score', () => {
    const answers = bankQuestions(bank).map((q) => ({ questionId: q.question.id, value: null }));
    const result = computeScore(bank, { answers });
    expect(result.confidence).toBe(0);
    expect(result.pillars.every((p) => p.confidence === 0 && p.knownCount === 0)).toBe(true);
    expect(result.index).toBe(0);
    // A mix: unknowns beside one best answer leave the score at 100 and lower only the confidence.
    const mixed = computeScore(bank, {
      answers: [...answers.filter((a) => a.questionId !== 'net.failover'), { questionId: 'net.failover', value: 'auto' }],
    });
    expect(pillar(mixed, 'net').score).toBe(100);
    expect(pillar(mixed, 'net').confidence).toBe(0.25);
  });

  it('weights maturity, and every pillar score is traced to the answers that made it', () => {
    const result = computeScore(bank, {
      answers: [
        { questionId: 'org.strategy', value: 'some' },
        { questionId: 'org.sponsor', value: 'yes' },
      ],
    });
    const org = pillar(result, 'org');
    // (2*50 + 1*100) / 3
    expect(org.score).toBe(66.7);
    const points = org.contributions.reduce((s, c) => s + c.points, 0);
    expect(points).toBeCloseTo(org.score, 1);
    expect(org.contributions.find((c) => c.questionId === 'org.strategy')).toMatchObject({
      status: 'known',
      valueLabel: 'Some',
      maturity: 50,
      weight: 2,
      source: 'answer',
    });
    // Facts and text questions are not scored and do not appear.
    expect(org.contributions.map((c) => c.questionId)).toEqual(['org.strategy', 'org.sponsor']);
  });

  it('a probe metric answers a question, marked as measured, and an explicit answer wins over it', () => {
    const measured = computeScore(bank, { answers: [], metrics: { 'throughput.upload_mbps': 5 } });
    const upload = pillar(measured, 'net').contributions.find((c) => c.questionId === 'net.upload')!;
    expect(upload).toMatchObject({ source: 'measurement', metric: 'throughput.upload_mbps', value: 5, maturity: 0 });
    // A plain number is a measurement in the metric's home scope (upload: the internet path).
    expect(upload.provenance).toEqual({ metric: 'throughput.upload_mbps', scope: 'internet', value: 5 });
    expect(measured.findings.map((f) => f.id)).toEqual(['net.slow_upload']);
    expect(measured.findings[0]!.evidence).toEqual([
      { kind: 'answer', questionId: 'net.upload', questionText: 'Upload?', value: 5, valueLabel: '5 Mbit/s', source: 'measurement', provenance: { metric: 'throughput.upload_mbps', scope: 'internet', value: 5 } },
      // Never measured: said so, with the threshold the rule fires at, never as a pass or a fail.
      { kind: 'metric', metric: 'latency.rtt_ms_p50', label: 'Round-trip time (median)', threshold: '> 200 ms', value: null, valueLabel: 'not measured', state: 'absent' },
    ]);
    const answered = computeScore(bank, { answers: [{ questionId: 'net.upload', value: 200 }], metrics: { 'throughput.upload_mbps': 5 } });
    expect(pillar(answered, 'net').contributions.find((c) => c.questionId === 'net.upload')).toMatchObject({ source: 'answer', maturity: 100 });
  });

  it('showIf hides a question until the earlier answer allows it, and hidden answers do not count', () => {
    const ids = (answers: RecordedAnswer[]) => visibleQuestions(bank, answers).map((q: Question) => q.id);
    expect(ids([])).not.toContain('org.sponsor_name');
    expect(ids([{ questionId: 'org.sponsor', value: 'yes' }])).toContain('org.sponsor_name');
    expect(ids([{ questionId: 'org.sponsor', value: 'no' }])).not.toContain('org.sponsor_name');
  });

  it('progress and time left are counted per stakeholder', () => {
    const result = computeScore(bank, { answers: [{ questionId: 'net.failover', value: 'auto' }] });
    const of = (s: string) => result.progress.byStakeholder.find((p) => p.stakeholder === s)!;
    expect(of('operations')).toEqual({ stakeholder: 'operations', visible: 1, answered: 1, secondsLeft: 0 });
    expect(of('it_lead')).toEqual({ stakeholder: 'it_lead', visible: 5, answered: 1, secondsLeft: 10 + 10 + 15 + 30 });
    expect(of('executive')).toMatchObject({ visible: 2, answered: 0, secondsLeft: 80 });
    expect(result.progress.visible).toBe(8);
  });

  it('price lines take their quantity from the case facts', () => {
    const result = computeScore(bank, {
      answers: [
        { questionId: 'org.users', value: 41 },
        { questionId: 'org.sites', value: 3 },
        { questionId: 'net.failover', value: 'none' },
        { questionId: 'net.upload', value: 2 },
      ],
    });
    expect(result.facts).toEqual({ users: 41, devices: null, sites: 3 });
    const failover = result.findings.find((f) => f.id === 'net.no_failover')!;
    expect(failover.priceLines.map((l) => [l.sku, l.quantity])).toEqual([
      ['NET-WAN-BACKUP', 3],
      ['NET-SETUP', 2],
    ]);
    expect(result.findings.find((f) => f.id === 'net.slow_upload')!.priceLines[0]!.quantity).toBe(21);
    // Critical first.
    expect(result.findings.map((f) => f.severity)).toEqual(['critical', 'high']);
  });

  it('multi and scale answers score as declared', () => {
    const result = computeScore(bank, {
      answers: [
        { questionId: 'net.controls', value: ['qos'] },
        { questionId: 'net.quality', value: 3 },
      ],
    });
    const net = pillar(result, 'net');
    expect(net.contributions.find((c) => c.questionId === 'net.controls')!.maturity).toBe(50);
    expect(net.contributions.find((c) => c.questionId === 'net.quality')!.maturity).toBe(50);
  });
});

describe('scoring the built-in bank', () => {
  it('best answers everywhere reach Pacesetter; worst answers are Laggard with gates', () => {
    const b = builtinBank();
    const best: RecordedAnswer[] = [];
    const worst: RecordedAnswer[] = [];
    for (const { question } of bankQuestions(b)) {
      if (question.type === 'single' || question.type === 'multi') {
        const sorted = [...question.options].sort((x, y) => x.maturity - y.maturity);
        best.push({ questionId: question.id, value: question.type === 'multi' ? question.options.map((o) => o.id) : sorted.at(-1)!.id });
        worst.push({ questionId: question.id, value: question.type === 'multi' ? [] : sorted[0]!.id });
      } else if (question.type === 'yes_no_unknown') {
        best.push({ questionId: question.id, value: question.yesMaturity >= question.noMaturity ? 'yes' : 'no' });
        worst.push({ questionId: question.id, value: question.yesMaturity >= question.noMaturity ? 'no' : 'yes' });
      } else if (question.type === 'scale') {
        best.push({ questionId: question.id, value: question.max });
        worst.push({ questionId: question.id, value: question.min });
      } else if (question.type === 'number' && question.bands) {
        const top = [...question.bands].sort((x, y) => y.maturity - x.maturity)[0]!;
        const bottom = [...question.bands].sort((x, y) => x.maturity - y.maturity)[0]!;
        best.push({ questionId: question.id, value: top.min ?? (top.max ?? 1) - 1 });
        worst.push({ questionId: question.id, value: bottom.min ?? Math.max(0, (bottom.max ?? 1) - 1) });
      }
    }
    const top = computeScore(b, { answers: best });
    expect(top.level).toBe('pacesetter');
    expect(top.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    const bottom = computeScore(b, { answers: worst });
    expect(bottom.level).toBe('laggard');
    expect(bottom.gates.length).toBeGreaterThan(0);
  });
});
