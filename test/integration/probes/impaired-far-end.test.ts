import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { verdictFor } from '../../../shared/probes/verdicts';
import { latencyProbe } from '../../../electron/services/probes/probes/latency-probe';
import { runProbe } from '../../../electron/services/probes/run-probes';
import { createShapedLink, netnsUnavailableReason, type ShapedLink } from './shaped-link';
import { startImpairedEcho, type ImpairedEchoCounts } from './impaired-echo';

const unavailable = netnsUnavailableReason();
if (unavailable) process.stderr.write(`\n!!! SKIPPING the impaired far-end tests: network namespaces are not permitted here (${unavailable}).\n\n`);

const num = (r: ProbeResult, name: string) => r.metrics[name] as number;

/** The latency probe (defaults: 200 probes, 20 ms apart) against one far end. */
const measure = (target: string, extra: { latencyCount?: number; latencyIntervalMs?: number } = {}) =>
  runProbe(latencyProbe, { targets: probeTargetsSchema.parse({ includeGateway: false, reflector: target, ...extra }) });

/** Mean |difference| of consecutive hold times: the jitter the far end really added, in steady state. */
const meanAbsDelta = (held: ImpairedEchoCounts['heldMs']): number => {
  let sum = 0;
  let pairs = 0;
  for (let i = 1; i < held.length; i += 1) {
    const [a, b] = [held[i - 1], held[i]];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    sum += Math.abs(b - a);
    pairs += 1;
  }
  return sum / pairs;
};

describe.skipIf(unavailable !== null)('latency statistics against a far end that drops or delays on purpose (ip netns + veth, no netem)', () => {
  let link: ShapedLink;

  beforeAll(() => {
    link = createShapedLink(null, 0);
  });
  afterAll(() => link?.teardown());

  it.each([
    [0.01, 'watch', 5401],
    [0.1, 'problem', 5402],
  ] as const)('a fraction %s of probes dropped: the injected loss lies within the stated 95 per cent interval, verdict %s, and every drop is counted', async (fraction, verdict, port) => {
    const echo = await startImpairedEcho(link, { port, dropFraction: fraction, seed: 7 });
    try {
      await echo.reset();
      const result = await measure(echo.target);
      const did = await echo.counts();
      const [loss, low, high, sent] = ['latency.loss_pct', 'latency.loss_pct_ci_low', 'latency.loss_pct_ci_high', 'latency.probes_sent'].map((n) => num(result, n)) as [number, number, number, number];
      process.stdout.write(`injected ${fraction * 100} %: far end dropped ${did.dropped} of ${did.received}; read ${loss} % [${low}, ${high}] over ${sent} probes; verdict ${verdictFor('latency.loss_pct', loss, result.metrics)}\n`);
      expect(result.status, result.message).toBe('ok');
      expect(sent).toBe(200);
      expect(did.received).toBe(200);
      // Nothing else loses on a veth pair: what we read is exactly what the far end did.
      expect(loss).toBeCloseTo((100 * did.dropped) / sent, 2);
      expect(low).toBeLessThanOrEqual(fraction * 100);
      expect(high).toBeGreaterThanOrEqual(fraction * 100);
      expect(verdictFor('latency.loss_pct', loss, result.metrics)).toBe(verdict);
      expect(result.message).toContain(`${did.dropped} of 200 probes`);
    } finally {
      echo.stop();
    }
  }, 30_000);

  // 600 probes: the sample's own mean |D| spreads by ~7 % at 200 (consecutive |D| share a draw), ~4 % at 600.
  it('a far end delaying each answer uniformly by 10–30 ms reads jitter within 15 % of 20/3 = 6.67 ms (RFC 3550 steady state)', async () => {
    const echo = await startImpairedEcho(link, { port: 5403, delayMs: [10, 30], seed: 11 });
    try {
      await echo.reset();
      const result = await measure(echo.target, { latencyCount: 600, latencyIntervalMs: 10 });
      const held = meanAbsDelta((await echo.counts()).heldMs);
      const jitter = num(result, 'latency.jitter_ms');
      // For contrast, the RFC's J started at 0 over the first 20 answers (what the probe used to report).
      const rtts = result.samples.filter((s) => s.series.startsWith('rtt:') && s.value !== null).map((s) => s.value as number);
      let fromZero = 0;
      for (let i = 1; i < Math.min(20, rtts.length); i += 1) fromZero += (Math.abs((rtts[i] as number) - (rtts[i - 1] as number)) - fromZero) / 16;
      process.stdout.write(
        `uniform 10–30 ms delay: jitter ${jitter} ms (expected 6.67; the far end's own mean |Δ hold| ${held.toFixed(3)} ms; J from 0 over 20 probes ${fromZero.toFixed(2)} ms), p50 ${num(result, 'latency.rtt_ms_p50')} ms\n`,
      );
      expect(result.status, result.message).toBe('ok');
      expect(num(result, 'latency.loss_pct')).toBe(0);
      expect(Math.abs(jitter - 20 / 3) / (20 / 3)).toBeLessThan(0.15);
      // The instrument itself: what the far end really added (its timers fire late), read within 5 %.
      expect(Math.abs(jitter - held) / held).toBeLessThan(0.05);
      expect((result.details.probes as { jitter: string }).jitter).toMatch(/RFC 3550 steady state/);
    } finally {
      echo.stop();
    }
  }, 30_000);
});
