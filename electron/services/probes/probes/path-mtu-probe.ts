import net from 'node:net';
import { classifyTarget } from '../../../../shared/probes/measurement';
import type { ProbeTargets } from '../../../../shared/probes/probe-schemas';
import { searchPathMtu, type PathMtuSearch } from '../df-ping';
import { parseHostPort, plainNetworkError, resolveAddress } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeDefinition } from '../probe-definition';

/** Each target's own search deadline; targets run side by side, so the probe needs one of these. */
const targetDeadlineMs = 6000;

/**
 * Where the path MTU is measured when no target is given: the gateway sees only the first link,
 * so a host beyond it goes too — the first latency target, else the first AI endpoint's host
 * (both already contacted by the suite), so an MTU drop at the ISP or a tunnel shows.
 */
export const beyondGatewayTarget = (targets: ProbeTargets): string | null => {
  const host = targets.hosts[0] ?? null;
  if (host) return parseHostPort(host, 443).host;
  const endpoint = targets.aiEndpoints[0];
  return endpoint ? new URL(endpoint).hostname.replace(/^\[|\]$/g, '') : null;
};

export interface PathMtuTarget extends PathMtuSearch {
  readonly host: string;
  readonly address: string | null;
  readonly family: 'IPv4' | 'IPv6' | null;
  readonly role: 'given' | 'gateway' | 'beyond the gateway';
}

export const pathMtuProbe: ProbeDefinition = {
  id: 'path-mtu',
  title: 'Path MTU',
  measures: ['mtu.path_mtu_bytes'],
  platforms: allPlatforms,
  timeoutMs: targetDeadlineMs + 3000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const given = ctx.targets.mtuTargets;
    const gateway = ctx.targets.includeGateway ? await ctx.gateway() : null;
    const plan: { host: string; role: PathMtuTarget['role'] }[] =
      given.length > 0
        ? given.map((host) => ({ host, role: 'given' as const }))
        : [
            ...(gateway ? [{ host: gateway, role: 'gateway' as const }] : []),
            ...(() => {
              const beyond = beyondGatewayTarget(ctx.targets);
              return beyond ? [{ host: beyond, role: 'beyond the gateway' as const }] : [];
            })(),
          ];
    if (plan.length === 0) {
      return {
        status: 'failed',
        message: 'No target: give an MTU target (no gateway, no latency target and no AI endpoint to reach beyond it).',
        metrics: { 'mtu.path_mtu_bytes': null },
      };
    }
    let done = 0;
    // Side by side, each with its own deadline: one silent target costs its own time, not the others' results.
    const results: PathMtuTarget[] = await Promise.all(
      plan.map(async ({ host, role }): Promise<PathMtuTarget> => {
        const started = performance.now();
        let address: string | null = null;
        try {
          address = await resolveAddress(ctx, host);
          const search = await searchPathMtu(ctx, address, Math.max(1000, targetDeadlineMs - (performance.now() - started)));
          return { host, address, family: net.isIPv6(address) ? 'IPv6' : 'IPv4', role, ...search };
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          const why = address === null ? `cannot resolve ${host}: ${plainNetworkError(error)}` : plainNetworkError(error);
          return { host, address, family: null, role, mtu: null, reportedMtu: null, largestPassed: null, smallestFailed: null, steps: 0, elapsedMs: Math.round(performance.now() - started), note: why };
        } finally {
          done += 1;
          ctx.progress(done / plan.length, `checked ${host}`);
        }
      }),
    );
    const measured = results.filter((r) => r.mtu !== null).sort((a, b) => (a.mtu as number) - (b.mtu as number));
    const smallest = measured[0];
    const farHost = smallest?.host ?? plan[0]?.host ?? 'no target';
    const words = (r: PathMtuTarget) => `${r.host}${r.address && r.address !== r.host ? ` (${r.address})` : ''}: ${r.mtu ?? 'unknown'} (${r.note})`;
    return {
      metrics: { 'mtu.path_mtu_bytes': smallest?.mtu ?? null },
      farEnd: { kind: classifyTarget(farHost, { address: smallest?.address ?? null, gateway }), target: farHost },
      reason: results.map((r) => `${r.host}: ${r.note}`).join('; '),
      details: { targets: results, deadlineMs: targetDeadlineMs },
      message: results.map(words).join('; '),
    };
  },
};
