import { describe, expect, it } from 'vitest';
import { cpuBoundReading, cpuBoundThresholdPct, cpuPercentOfOneCore } from '../../../shared/probes/cpu-bound';
import { describeThreshold, verdictFor } from '../../../shared/probes/verdicts';

describe('CPU-bound detection for throughput', () => {
  it('turns process.cpuUsage microseconds over wall time into percent of one core', () => {
    // 1.5 s user + 1.2 s system over a 3 s test: 2.7 / 3 = 90 %.
    expect(cpuPercentOfOneCore({ user: 1_500_000, system: 1_200_000 }, 3000)).toBe(90);
    // 0.9 + 0.3 = 1.2 s over 3 s: 40 %.
    expect(cpuPercentOfOneCore({ user: 900_000, system: 300_000 }, 3000)).toBe(40);
    // Two threads busy: 5.4 + 0.6 = 6 s over 3 s reads 200 % (iperf3 counts the same way).
    expect(cpuPercentOfOneCore({ user: 5_400_000, system: 600_000 }, 3000)).toBe(200);
    // 1 µs over 3 s rounds to 0 % (one decimal); no wall time, no figure.
    expect(cpuPercentOfOneCore({ user: 1, system: 0 }, 3000)).toBe(0);
    expect(cpuPercentOfOneCore({ user: 1_000_000, system: 0 }, 0)).toBeNull();
  });

  it('calls an end CPU-bound from 90 % of one core, and says the rate is a lower bound', () => {
    expect(cpuBoundThresholdPct).toBe(90);
    const quiet = cpuBoundReading(89.9, 40);
    expect(quiet.bound).toEqual([]);
    expect(quiet.text).toBeNull();

    const ours = cpuBoundReading(90, 12.5);
    expect(ours.bound).toEqual(['client']);
    expect(ours.text).toBe(
      'this laptop was CPU-bound (this laptop at 90 % of one core, the far end at 12.5 % of one core; 90 % or more counts), so the rate is a lower bound of what the link carries',
    );

    const theirs = cpuBoundReading(35, 99.2);
    expect(theirs.bound).toEqual(['server']);
    expect(theirs.text).toContain('the far end was CPU-bound');

    const both = cpuBoundReading(140, 95);
    expect(both.bound).toEqual(['client', 'server']);
    expect(both.text).toMatch(/^this laptop and the far end were CPU-bound/);

    // A reflector reports no CPU: only our end can be judged, and the text says the other is unknown.
    const reflector = cpuBoundReading(97, null);
    expect(reflector.bound).toEqual(['client']);
    expect(reflector.text).toContain('the far end not reporting its CPU');
    expect(cpuBoundReading(null, null).bound).toEqual([]);
  });

  it("a CPU-bound direction's rate is watch at worst, never problem; the other direction is judged as before", () => {
    // 20 Mbit/s is below the 25 Mbit/s problem line for download.
    expect(verdictFor('throughput.download_mbps', 20, { 'throughput.download_cpu_bound': false })).toBe('problem');
    expect(verdictFor('throughput.download_mbps', 20, { 'throughput.download_cpu_bound': true })).toBe('watch');
    // The upload being bound says nothing about the download figure.
    expect(verdictFor('throughput.download_mbps', 20, { 'throughput.upload_cpu_bound': true })).toBe('problem');
    // Good stays good.
    expect(verdictFor('throughput.upload_mbps', 500, { 'throughput.upload_cpu_bound': true })).toBe('good');
    expect(verdictFor('throughput.upload_cpu_bound', true)).toBe('watch');
    expect(verdictFor('throughput.upload_cpu_bound', false)).toBe('good');
    expect(describeThreshold('throughput.download_mbps', 'mbps', { 'throughput.download_cpu_bound': true })).toBe(
      'good ≥ 100 Mbit/s, problem < 25 Mbit/s; a lower bound here (an end was CPU-bound), so watch at worst',
    );
    expect(describeThreshold('throughput.download_mbps', 'mbps', {})).toBe('good ≥ 100 Mbit/s, problem < 25 Mbit/s');
  });
});
