import { classifyTarget, type FarEnd } from '../../../../shared/probes/measurement';
import { jitterMethod, lossInterval, lossPercent, minimum, percentile, rfc3550Jitter, round } from '../../../../shared/probes/stats';
import { parseHostPort, resolveAddress, timeTcpConnect } from '../net-helpers';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';
import { defaultReflectorPort } from '../throughput/reflector-protocol';
import { UdpPinger } from '../udp-echo';
import { parsePingOutput, pingCommand } from '../parsers/ping-output';
import { parsePowerShellPing, powershellArgs, windowsPingScript } from '../parsers/powershell-output';
import { runCommand, whyNoAnswer } from '../run-command';

interface TargetPlan {
  readonly label: string;
  readonly kind: 'gateway' | 'host' | 'reflector';
  readonly method: 'tcp-connect' | 'udp-echo' | 'icmp-ping';
  readonly host: string;
  readonly port: number;
}

export interface LatencySummary {
  readonly target: string;
  readonly kind: TargetPlan['kind'];
  readonly method: TargetPlan['method'];
  readonly rttMsP50: number | null;
  readonly rttMsP95: number | null;
  readonly rttMsMin: number | null;
  readonly jitterMs: number | null;
  readonly lossPct: number | null;
  /** Probes sent and lost, and the 95 % Wilson interval of the loss rate. */
  readonly sent: number;
  readonly lost: number;
  readonly lossCiLowPct: number | null;
  readonly lossCiHighPct: number | null;
  readonly error?: string;
  /** What the target turned out to be: gateway, LAN host, internet host, loopback. */
  readonly farEnd?: FarEnd;
}

export const summariseRtts = (rtts: readonly (number | null)[]) => {
  const answered = rtts.filter((r): r is number => r !== null);
  const interval = lossInterval(rtts);
  return {
    sent: rtts.length,
    lost: rtts.length - answered.length,
    lossCiLowPct: round(interval?.lowPct ?? null, 2),
    lossCiHighPct: round(interval?.highPct ?? null, 2),
    rttMsP50: round(percentile(answered, 50), 3),
    rttMsP95: round(percentile(answered, 95), 3),
    rttMsMin: round(minimum(answered), 3),
    jitterMs: round(rfc3550Jitter(rtts), 3),
    lossPct: round(lossPercent(rtts), 2),
  };
};

const answerTimeoutMs = 1000;

/**
 * Starts one connect every interval without waiting for the last, so a dead host costs ~1 s, not
 * count × timeout: once a full answer timeout has passed with every connect so far unanswered,
 * no more are started (the ones sent count as lost).
 */
const tcpSeries = async (ctx: ProbeContext, plan: TargetPlan, address: string, count: number, intervalMs: number, onEach: () => void, onNoAnswer?: (why: string) => void): Promise<(number | null)[]> => {
  const pending: Promise<number | null>[] = [];
  let answered = 0;
  let settled = 0;
  const firstSentAt = performance.now();
  for (let i = 0; i < count; i += 1) {
    pending.push(
      timeTcpConnect(ctx, address, plan.port, answerTimeoutMs, onNoAnswer).then((timing) => {
        const rtt = timing?.ms ?? null;
        settled += 1;
        if (rtt !== null) answered += 1;
        ctx.sample(`rtt:${plan.label}`, rtt === null ? null : round(rtt, 3));
        onEach();
        return rtt;
      }),
    );
    if (answered === 0 && settled > 0 && performance.now() - firstSentAt > answerTimeoutMs) break;
    if (i < count - 1) await ctx.sleep(intervalMs);
  }
  return Promise.all(pending);
};

const udpSeries = async (ctx: ProbeContext, plan: TargetPlan, address: string, count: number, intervalMs: number, onEach: () => void): Promise<(number | null)[]> => {
  // Each answer is sampled as it arrives, so the chart shows when it happened; lost ones at the end.
  const pinger = new UdpPinger(ctx, address, plan.port, (rtt) => {
    ctx.sample(`rtt:${plan.label}`, rtt === null ? null : round(rtt, 3));
    onEach();
  });
  try {
    const rtts = await pinger.series(count, intervalMs, answerTimeoutMs);
    for (const rtt of rtts) {
      if (rtt !== null) continue;
      ctx.sample(`rtt:${plan.label}`, null);
      onEach();
    }
    return rtts;
  } finally {
    pinger.close();
  }
};

/** The platform's echo, as JSON objects on Windows (the same in every display language), as ping's text elsewhere or when PowerShell cannot run. */
const platformEcho = async (ctx: ProbeContext, host: string, count: number): Promise<{ rtts: number[]; sent: number | null; source: string } | null> => {
  if (ctx.platform === 'win32') {
    try {
      const out = await runCommand(ctx, 'powershell', powershellArgs(windowsPingScript(host, count, answerTimeoutMs, 200)), count * (answerTimeoutMs + 200) + 5000);
      if (out.code === 0) {
        const parsed = parsePowerShellPing(out.stdout);
        return { rtts: parsed.rtts, sent: parsed.sent, source: 'PowerShell (.NET Ping)' };
      }
      ctx.log.debug({ why: whyNoAnswer('powershell', out) }, 'latency probe: PowerShell echo failed, using ping');
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      // ping's text (read in English, German and French) answers instead.
      ctx.log.debug({ err: error }, 'latency probe: PowerShell echo did not run, using ping');
    }
  }
  const [command, args] = pingCommand(ctx.platform, host, count, answerTimeoutMs);
  const out = await runCommand(ctx, command, args, count * 1000 + 3000);
  const parsed = parsePingOutput(out.stdout, ctx.platform);
  return { rtts: parsed.rtts, sent: parsed.sent, source: 'ping' };
};

/** Gateways often drop TCP to port 80 silently; then the platform's ICMP echo is asked instead. */
const pingSeries = async (ctx: ProbeContext, plan: TargetPlan): Promise<(number | null)[] | null> => {
  const count = 5;
  try {
    const parsed = await platformEcho(ctx, plan.host, count);
    if (!parsed || parsed.rtts.length === 0) return null;
    const rtts: (number | null)[] = [...parsed.rtts, ...Array<null>(Math.max(0, (parsed.sent ?? count) - parsed.rtts.length)).fill(null)];
    for (const rtt of rtts) ctx.sample(`rtt:${plan.label}`, rtt);
    return rtts;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return null;
  }
};

const worst = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.max(...present);
};

export const latencyProbe: ProbeDefinition = {
  id: 'latency',
  title: 'Latency, jitter and loss',
  measures: [
    'latency.rtt_ms_p50',
    'latency.rtt_ms_p95',
    'latency.rtt_ms_min',
    'latency.jitter_ms',
    'latency.loss_pct',
    'latency.loss_pct_ci_low',
    'latency.loss_pct_ci_high',
    'latency.probes_sent',
    'latency.gateway_rtt_ms_p50',
  ],
  platforms: allPlatforms,
  timeoutMs: (targets) => 8000 + targets.latencyCount * targets.latencyIntervalMs,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const { targets } = ctx;
    const plans: TargetPlan[] = [];
    let gatewayNote = '';
    const gateway = targets.includeGateway ? await ctx.gateway() : null;
    if (targets.includeGateway) {
      if (gateway) plans.push({ label: gateway, kind: 'gateway', method: 'tcp-connect', host: gateway, port: 80 });
      else gatewayNote = 'No default gateway is configured. ';
    }
    if (targets.reflector) {
      const { host, port } = parseHostPort(targets.reflector, defaultReflectorPort);
      plans.push({ label: targets.reflector, kind: 'reflector', method: 'udp-echo', host, port });
    }
    for (const target of targets.hosts) {
      const { host, port } = parseHostPort(target, 443);
      plans.push({ label: target, kind: 'host', method: 'tcp-connect', host, port });
    }
    if (plans.length === 0) {
      return { status: 'failed', message: `${gatewayNote}No latency targets: add a host or a reflector.`, metrics: { 'latency.gateway_rtt_ms_p50': null } };
    }
    const total = plans.length * targets.latencyCount;
    let done = 0;
    const onEach = () => {
      done += 1;
      ctx.progress(done / total, `${done} of ${total} probes answered or timed out`);
    };
    const summaries: LatencySummary[] = await Promise.all(
      plans.map(async (plan): Promise<LatencySummary> => {
        const farEndOf = (address: string | null): FarEnd => ({
          kind: plan.kind === 'gateway' ? 'gateway' : classifyTarget(plan.label, { address, gateway, tool: plan.kind === 'reflector' ? 'reflector' : 'tcp' }),
          target: plan.label,
        });
        let address: string | null = null;
        try {
          address = await resolveAddress(ctx, plan.host);
          const farEnd = farEndOf(address);
          let why: string | undefined;
          const noteWhy = (reason: string) => {
            why ??= reason;
          };
          const rtts =
            plan.method === 'udp-echo'
              ? await udpSeries(ctx, plan, address, targets.latencyCount, targets.latencyIntervalMs, onEach)
              : await tcpSeries(ctx, plan, address, targets.latencyCount, targets.latencyIntervalMs, onEach, noteWhy);
          if (plan.kind === 'gateway' && rtts.every((r) => r === null)) {
            ctx.progress(done / total, `pinging the gateway ${plan.host} (TCP got no answer)`);
            const pinged = await pingSeries(ctx, plan);
            if (pinged) return { target: plan.label, kind: plan.kind, method: 'icmp-ping', ...summariseRtts(pinged), farEnd };
          }
          const silent = rtts.every((r) => r === null);
          const error = silent ? (why ?? (plan.method === 'udp-echo' ? `no echo within ${answerTimeoutMs / 1000} s` : undefined)) : undefined;
          return { target: plan.label, kind: plan.kind, method: plan.method, ...summariseRtts(rtts), farEnd, ...(error ? { error } : {}) };
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          const message = (error as NodeJS.ErrnoException).code === 'ENOTFOUND' ? `cannot resolve ${plan.host}` : (error as Error).message;
          return { target: plan.label, kind: plan.kind, method: plan.method, rttMsP50: null, rttMsP95: null, rttMsMin: null, jitterMs: null, lossPct: 100, sent: 0, lost: 0, lossCiLowPct: null, lossCiHighPct: null, error: message, farEnd: farEndOf(address) };
        }
      }),
    );
    const gatewaySummary = summaries.find((s) => s.kind === 'gateway');
    const others = summaries.filter((s) => s.kind !== 'gateway');
    const pool = others.length > 0 ? others : summaries;
    const unreachable = summaries.filter((s) => s.lossPct === 100).map((s) => `${s.target}${s.error ? ` (${s.error})` : ''}`);
    // The loss figure is the worst target's, and its interval comes with it (ties: the wider interval).
    const lossTarget = pool
      .filter((s) => s.lossPct !== null && s.sent > 0)
      .sort((a, b) => (b.lossPct as number) - (a.lossPct as number) || (b.lossCiHighPct ?? 0) - (a.lossCiHighPct ?? 0))[0];
    const lossWords = lossTarget
      ? ` Loss ${lossTarget.lossPct} % (${lossTarget.lost} of ${lossTarget.sent} probes to ${lossTarget.target}; 95 % interval ${lossTarget.lossCiLowPct}–${lossTarget.lossCiHighPct} %).`
      : '';
    const message =
      gatewayNote +
      (unreachable.length > 0 ? `No answer from ${unreachable.join(', ')}.` : `Measured ${summaries.length} target${summaries.length === 1 ? '' : 's'}.`) +
      lossWords;
    // Each summary figure is the worst target's, so its far end is that target.
    const worstTarget = (key: 'rttMsP50' | 'rttMsP95' | 'rttMsMin' | 'jitterMs' | 'lossPct'): FarEnd | undefined =>
      pool.filter((s) => s[key] !== null).sort((a, b) => (b[key] as number) - (a[key] as number))[0]?.farEnd;
    const farEnds: Record<string, FarEnd> = {};
    const keys = { 'latency.rtt_ms_p50': 'rttMsP50', 'latency.rtt_ms_p95': 'rttMsP95', 'latency.rtt_ms_min': 'rttMsMin', 'latency.jitter_ms': 'jitterMs', 'latency.loss_pct': 'lossPct' } as const;
    for (const [name, key] of Object.entries(keys)) {
      const farEnd = worstTarget(key);
      if (farEnd) farEnds[name] = farEnd;
    }
    if (gatewaySummary?.farEnd) farEnds['latency.gateway_rtt_ms_p50'] = gatewaySummary.farEnd;
    if (lossTarget?.farEnd) for (const name of ['latency.loss_pct_ci_low', 'latency.loss_pct_ci_high', 'latency.probes_sent']) farEnds[name] = lossTarget.farEnd;
    // Nothing answering is itself the measurement (100 % loss, with why in the message), so it stays ok.
    return {
      metrics: {
        'latency.rtt_ms_p50': worst(pool.map((s) => s.rttMsP50)),
        'latency.rtt_ms_p95': worst(pool.map((s) => s.rttMsP95)),
        'latency.rtt_ms_min': worst(pool.map((s) => s.rttMsMin)),
        'latency.jitter_ms': worst(pool.map((s) => s.jitterMs)),
        'latency.loss_pct': worst(pool.map((s) => s.lossPct)),
        'latency.loss_pct_ci_low': lossTarget?.lossCiLowPct ?? null,
        'latency.loss_pct_ci_high': lossTarget?.lossCiHighPct ?? null,
        'latency.probes_sent': lossTarget?.sent ?? null,
        'latency.gateway_rtt_ms_p50': gatewaySummary?.rttMsP50 ?? null,
      },
      farEnds,
      reasons: {
        'latency.gateway_rtt_ms_p50': gatewaySummary ? `the gateway ${gatewaySummary.target} did not answer` : gatewayNote ? 'no default gateway is configured' : 'the gateway was left out of this run',
      },
      reason: unreachable.length > 0 ? `no answer from ${unreachable.join(', ')}` : 'no target answered',
      details: { targets: summaries, probes: { count: targets.latencyCount, intervalMs: targets.latencyIntervalMs, answerTimeoutMs, jitter: jitterMethod, lossInterval: '95 % Wilson score' } },
      message: message.trim(),
    };
  },
};
