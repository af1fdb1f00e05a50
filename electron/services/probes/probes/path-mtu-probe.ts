import { classifyTarget } from '../../../../shared/probes/measurement';
import { defaultGateway } from '../default-gateway';
import { dfPingCommand, parseDfPingOutput } from '../parsers/ping-output';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { runCommand } from '../run-command';

const ipv4Overhead = 28;
const lowest = 1200;
const highest = 1472;

/** Binary search for the largest don't-fragment payload that gets an answer. */
export const findPathMtu = async (ctx: ProbeContext, host: string): Promise<{ mtu: number | null; reportedMtu: number | null; note: string }> => {
  const passes = async (payload: number) => {
    const [cmd, args] = dfPingCommand(ctx.platform, host, payload);
    const out = await runCommand(ctx, cmd, args, 3000);
    return parseDfPingOutput(`${out.stdout}\n${out.stderr}`, ctx.platform);
  };
  const top = await passes(highest);
  if (top.passed) return { mtu: highest + ipv4Overhead, reportedMtu: null, note: 'full 1500-byte packets pass' };
  let reportedMtu = top.reportedMtu;
  const bottom = await passes(lowest);
  if (!bottom.passed) return { mtu: null, reportedMtu, note: `no answer even at ${lowest + ipv4Overhead} bytes (ICMP may be blocked)` };
  let low = lowest;
  let high = highest;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const outcome = await passes(mid);
    reportedMtu ??= outcome.reportedMtu;
    if (outcome.passed) low = mid;
    else high = mid;
  }
  return { mtu: low + ipv4Overhead, reportedMtu, note: 'packets above this size are dropped or need fragmenting' };
};

export const pathMtuProbe: ProbeDefinition = {
  id: 'path-mtu',
  title: 'Path MTU',
  measures: ['mtu.path_mtu_bytes'],
  platforms: allPlatforms,
  timeoutMs: 9000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const gateway = ctx.targets.mtuTargets.length === 0 && ctx.targets.includeGateway ? await defaultGateway(ctx.log) : null;
    const targets = ctx.targets.mtuTargets.length > 0 ? ctx.targets.mtuTargets : gateway ? [gateway] : [];
    if (targets.length === 0) {
      return {
        status: 'failed',
        message: ctx.targets.includeGateway ? 'No target: no default gateway and no MTU target given.' : 'No target: give an MTU target (the gateway is excluded).',
        metrics: { 'mtu.path_mtu_bytes': null },
      };
    }
    const results = [];
    for (const [i, host] of targets.entries()) {
      results.push({ host, ...(await findPathMtu(ctx, host)) });
      ctx.progress((i + 1) / targets.length, `checked ${host}`);
    }
    const known = results.map((r) => r.mtu).filter((m): m is number => m !== null);
    const smallest = results.filter((r) => r.mtu !== null).sort((a, b) => (a.mtu as number) - (b.mtu as number))[0];
    const farHost = smallest?.host ?? targets[0] ?? 'no target';
    return {
      metrics: { 'mtu.path_mtu_bytes': known.length > 0 ? Math.min(...known) : null },
      farEnd: { kind: classifyTarget(farHost, { gateway: gateway ?? (await defaultGateway(ctx.log)) }), target: farHost },
      reason: results.map((r) => `${r.host}: ${r.note}`).join('; '),
      details: { targets: results },
      message: results.map((r) => `${r.host}: ${r.mtu ?? 'unknown'} (${r.note})`).join('; '),
    };
  },
};
