import { classifyTarget } from '../../../../shared/probes/measurement';
import { round } from '../../../../shared/probes/stats';
import { parseHostPort, resolveAddress } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeDefinition } from '../probe-definition';
import { sntpQuery, type SntpSample } from '../sntp-client';

const queries = 4;

export const ntpProbe: ProbeDefinition = {
  id: 'ntp',
  title: 'Clock offset (NTP)',
  measures: ['ntp.offset_ms', 'ntp.rtt_ms', 'ntp.stratum'],
  platforms: allPlatforms,
  timeoutMs: 7000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const { host, port } = parseHostPort(ctx.targets.ntpServer, 123);
    let address: string;
    try {
      address = await resolveAddress(ctx, host);
    } catch (error) {
      ctx.log.debug({ err: error, host }, 'ntp probe: cannot resolve the server');
      return { status: 'failed', message: `Cannot resolve the NTP server ${host}: ${(error as Error).message}.`, metrics: { 'ntp.offset_ms': null, 'ntp.rtt_ms': null, 'ntp.stratum': null } };
    }
    ctx.progress(0, `asking ${ctx.targets.ntpServer} (${address})`);
    const samples: SntpSample[] = [];
    const errors: string[] = [];
    for (let i = 0; i < queries; i += 1) {
      try {
        const sample = await sntpQuery(ctx, address, port, 1200);
        samples.push(sample);
        ctx.sample('offset', round(sample.offsetMs, 3));
        ctx.sample('rtt', round(sample.rttMs, 3));
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        errors.push((error as Error).message);
      }
      ctx.progress((i + 1) / queries, `${i + 1} of ${queries} NTP queries`);
      if (i < queries - 1) await ctx.sleep(50);
    }
    if (samples.length === 0) {
      return { status: 'failed', message: `The NTP server ${ctx.targets.ntpServer} did not answer: ${errors[0] ?? 'no reply'}.`, metrics: { 'ntp.offset_ms': null, 'ntp.rtt_ms': null, 'ntp.stratum': null } };
    }
    // The exchange with the shortest round trip has the least asymmetry in it.
    const best = samples.reduce((a, b) => (b.rttMs < a.rttMs ? b : a));
    return {
      metrics: { 'ntp.offset_ms': round(best.offsetMs, 3), 'ntp.rtt_ms': round(best.rttMs, 3), 'ntp.stratum': best.stratum },
      farEnd: { kind: classifyTarget(ctx.targets.ntpServer, { address }), target: ctx.targets.ntpServer },
      reasons: { 'ntp.stratum': 'the server answered with stratum 0 (not synchronised)' },
      details: { server: ctx.targets.ntpServer, address, answered: samples.length, asked: queries },
      message: `Local clock is ${Math.abs(round(best.offsetMs, 1) ?? 0)} ms ${best.offsetMs >= 0 ? 'ahead of' : 'behind'} ${ctx.targets.ntpServer} (stratum ${best.stratum}).`,
    };
  },
};
