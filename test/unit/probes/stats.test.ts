import { describe, expect, it } from 'vitest';
import { bufferbloatGrade, lossPercent, percentile, rfc3550Jitter } from '../../../shared/probes/stats';
import { canonicalJson } from '../../../shared/probes/canonical-json';
import { describeThreshold, verdictFor } from '../../../shared/probes/verdicts';

describe('statistics', () => {
  it('percentile interpolates and ignores non-finite values', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([5, 1, NaN, 3], 50)).toBe(3);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });

  it('RFC 3550 jitter: J += (|D| - J) / 16 over consecutive transit times', () => {
    // D = 2, 2, 2: J = 2/16, then + (2 - J)/16 ...
    let j = 0;
    for (const d of [2, 2, 2]) j += (d - j) / 16;
    expect(rfc3550Jitter([10, 12, 10, 12])).toBeCloseTo(j, 10);
    expect(rfc3550Jitter([5, 5, 5])).toBe(0);
    expect(rfc3550Jitter([5])).toBeNull();
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
