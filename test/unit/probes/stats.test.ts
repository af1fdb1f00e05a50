import { describe, expect, it } from 'vitest';
import { bufferbloatGrade, lossPercent, percentile, rfc3550Jitter, rfc3550JitterTrace, wilsonInterval } from '../../../shared/probes/stats';
import { canonicalJson } from '../../../shared/probes/canonical-json';
import { describeThreshold, verdictFor } from '../../../shared/probes/verdicts';

describe('statistics', () => {
  it('percentile interpolates and ignores non-finite values', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([5, 1, NaN, 3], 50)).toBe(3);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });

  it('RFC 3550 jitter: J += (|D| - J) / 16, seeded with the first |D|, reported as the mean of J (steady state)', () => {
    // D = 2, 2, 2: seeded with 2, J stays 2 (from 0 it would read 0.12, 0.24, 0.35).
    expect(rfc3550JitterTrace([10, 12, 10, 12])).toEqual([2, 2, 2]);
    expect(rfc3550Jitter([10, 12, 10, 12])).toBe(2);
    // D = 4, 0: J = 4, then 4 + (0 - 4)/16 = 3.75; mean 3.875.
    expect(rfc3550JitterTrace([10, 14, 14])).toEqual([4, 3.75]);
    expect(rfc3550Jitter([10, 14, 14])).toBeCloseTo(3.875, 10);
    expect(rfc3550Jitter([5, 5, 5])).toBe(0);
    expect(rfc3550Jitter([5])).toBeNull();
  });

  it('steady-state jitter of uniform 10–30 ms delays reads E|D| = 20/3 ms from 200 probes, where J from 0 under-reads at 20', () => {
    // A fixed LCG so the series is the same every run; |U1 - U2| for U uniform on 20 ms has mean 20/3.
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const rtts = Array.from({ length: 200 }, () => 10 + 20 * next());
    const steady = rfc3550Jitter(rtts) as number;
    expect(Math.abs(steady - 20 / 3) / (20 / 3)).toBeLessThan(0.1);
    let fromZero = 0;
    for (let i = 1; i < 20; i += 1) fromZero += (Math.abs((rtts[i] as number) - (rtts[i - 1] as number)) - fromZero) / 16;
    expect(fromZero).toBeLessThan(0.8 * (20 / 3));
  });

  it('Wilson 95 % interval for loss: honest at 0 losses, inside 0..100 %, and matches published values', () => {
    const none = wilsonInterval(0, 200)!;
    expect(none.lowPct).toBe(0);
    expect(none.highPct).toBeCloseTo(1.88, 2);
    const one = wilsonInterval(2, 200)!;
    expect(one.lowPct).toBeCloseTo(0.275, 2);
    expect(one.highPct).toBeCloseTo(3.57, 2);
    const all = wilsonInterval(20, 20)!;
    expect(all.highPct).toBe(100);
    expect(all.lowPct).toBeCloseTo(83.89, 1);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });

  it('the loss verdict reads the interval: 1 % over 200 probes is watch, 0 of 200 good, 10 % problem, 0 of 20 not good', () => {
    const loss = (lost: number, sent: number) => {
      const ci = wilsonInterval(lost, sent)!;
      const metrics = { 'latency.loss_pct': (100 * lost) / sent, 'latency.loss_pct_ci_low': ci.lowPct, 'latency.loss_pct_ci_high': ci.highPct, 'latency.probes_sent': sent };
      return verdictFor('latency.loss_pct', metrics['latency.loss_pct'], metrics);
    };
    expect(loss(0, 200)).toBe('good');
    expect(loss(1, 200)).toBe('watch');
    expect(loss(2, 200)).toBe('watch');
    expect(loss(6, 200)).toBe('watch');
    expect(loss(20, 200)).toBe('problem');
    // 20 probes cannot tell 0 % from 15 %: not good, and 1 of 20 (5 %) is not called a problem either.
    expect(loss(0, 20)).toBe('watch');
    expect(loss(1, 20)).toBe('watch');
    // Without the interval (older results) the plain thresholds still apply.
    expect(verdictFor('latency.loss_pct', 1)).toBe('watch');
    const ci = wilsonInterval(1, 200)!;
    expect(describeThreshold('latency.loss_pct', 'pct', { 'latency.loss_pct_ci_low': ci.lowPct, 'latency.loss_pct_ci_high': ci.highPct, 'latency.probes_sent': 200 })).toMatch(
      /^95 % interval 0\.09–2\.78 % over 200 probes; good ≤ 0\.5 %/,
    );
  });

  it('jitter skips lost probes instead of treating them as zero', () => {
    expect(rfc3550Jitter([10, null, 10])).toBe(0);
    expect(lossPercent([10, null, 10, null])).toBe(50);
  });

  it('bufferbloat grades on the DSLReports boundaries', () => {
    const cases: [number, string][] = [[0, 'A+'], [4.99, 'A+'], [5, 'A'], [29.9, 'A'], [30, 'B'], [59, 'B'], [60, 'C'], [199, 'C'], [200, 'D'], [399, 'D'], [400, 'F'], [2000, 'F']];
    for (const [ms, grade] of cases) expect(bufferbloatGrade(ms), `${ms} ms`).toBe(grade);
  });

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('verdicts show the threshold they used', () => {
    expect(verdictFor('latency.rtt_ms_p50', 20)).toBe('good');
    expect(verdictFor('latency.rtt_ms_p50', 100)).toBe('watch');
    expect(verdictFor('latency.rtt_ms_p50', 151)).toBe('problem');
    expect(verdictFor('throughput.download_mbps', 10)).toBe('problem');
    expect(verdictFor('throughput.bufferbloat_grade', 'A+')).toBe('good');
    expect(verdictFor('ai.tls_intercepted', true)).toBe('problem');
    expect(verdictFor('ntp.offset_ms', -2000)).toBe('problem');
    expect(verdictFor('latency.rtt_ms_p50', null)).toBeNull();
    expect(describeThreshold('latency.rtt_ms_p50', 'ms')).toBe('good ≤ 50 ms, problem > 150 ms');
  });
});
