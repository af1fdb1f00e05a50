import { classifyTarget } from '../../../../shared/probes/measurement';
import { lowerConfidence, responsivenessBand, responsivenessPaths, type Confidence } from '../../../../shared/probes/responsiveness';
import type { ProbeTargets } from '../../../../shared/probes/probe-schemas';
import { formatHostPort, parseHostPort, plainNetworkError } from '../net-helpers';
import { allPlatforms, type ProbeDefinition, type ProbeOutcome } from '../probe-definition';
import { defaultReflectorPort } from '../throughput/reflector-protocol';
import { fetchResponsivenessConfig, measureIdleLatency, runResponsivenessPhase, type RpmPhaseKind, type RpmPhaseResult } from '../responsiveness/rpm-client';

/** The config URL: the one given, else the reflector's /.well-known/nq. */
export const responsivenessConfigUrl = (targets: ProbeTargets): string | null => {
  if (targets.responsivenessUrl) return targets.responsivenessUrl;
  if (!targets.reflector) return null;
  return `http://${formatHostPort(parseHostPort(targets.reflector, defaultReflectorPort))}${responsivenessPaths.config}`;
};

const phasesFor = (mode: ProbeTargets['responsivenessMode']): RpmPhaseKind[] =>
  mode === 'sequential' ? ['download', 'upload'] : mode === 'concurrent' ? ['concurrent'] : ['download', 'upload', 'concurrent'];

const metricNames = [
  'responsiveness.rpm',
  'responsiveness.band',
  'responsiveness.confidence',
  'responsiveness.loaded_latency_ms',
  'responsiveness.idle_latency_ms',
  'responsiveness.download_rpm',
  'responsiveness.upload_rpm',
  'responsiveness.concurrent_rpm',
  'responsiveness.download_mbps',
  'responsiveness.upload_mbps',
] as const;

const describePhase = (p: RpmPhaseResult): string =>
  `${p.kind} ${p.rpm ?? '?'} RPM (${p.band ?? 'no band'}, confidence ${p.confidence}, ${p.connections} connection${p.connections === 1 ? '' : 's'}, ${p.seconds} s)`;

export const responsivenessProbe: ProbeDefinition = {
  id: 'responsiveness',
  title: 'Responsiveness under working conditions (RPM)',
  measures: [...metricNames],
  platforms: allPlatforms,
  timeoutMs: (targets) => phasesFor(targets.responsivenessMode).length * (targets.responsivenessSeconds + 3) * 1000 + 15_000,
  inDefaultSuite: false,
  exclusive: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const configUrl = responsivenessConfigUrl(ctx.targets);
    if (!configUrl) return { status: 'failed', message: 'No responsiveness server: give a reflector or a /.well-known/nq URL.', metrics: {} };
    const env = { signal: ctx.signal, track: ctx.track, lookup: ctx.lookup };
    const failed = (step: string, error: unknown): ProbeOutcome => {
      if (ctx.signal.aborted) throw error;
      return { status: 'failed', message: `Responsiveness test against ${configUrl} failed at ${step}: ${plainNetworkError(error)}.`, metrics: {} };
    };
    let urls;
    try {
      ctx.progress(0.01, 'configuration');
      urls = await fetchResponsivenessConfig(env, configUrl);
    } catch (error) {
      return failed('the configuration', error);
    }
    const phases = phasesFor(ctx.targets.responsivenessMode);
    const results: RpmPhaseResult[] = [];
    let idle: { latencyMs: number | null } = { latencyMs: null };
    try {
      ctx.progress(0.03, 'idle latency');
      idle = await measureIdleLatency(env, urls);
      for (const [i, kind] of phases.entries()) {
        ctx.progress(0.05 + (0.9 * i) / phases.length, kind);
        const result = await runResponsivenessPhase(env, urls, kind, {
          params: { maxDurationMs: ctx.targets.responsivenessSeconds * 1000 },
          onInterval: (interval, mbps) => {
            ctx.sample(`${kind}_mbps`, Number(mbps.toFixed(2)));
            ctx.progress(Math.min(0.99, 0.05 + (0.9 * (i + interval / ctx.targets.responsivenessSeconds)) / phases.length), kind);
          },
        });
        for (const interval of result.intervals) ctx.sample(`${kind}_latency_ms`, interval.latencyMs);
        results.push(result);
      }
    } catch (error) {
      return failed(results.length < phases.length ? `the ${phases[results.length]} phase` : 'idle latency', error);
    }
    const byKind = (kind: RpmPhaseKind) => results.find((r) => r.kind === kind) ?? null;
    const concurrent = byKind('concurrent');
    const sequential = [byKind('download'), byKind('upload')].filter((r): r is RpmPhaseResult => r !== null && r.rpm !== null);
    // The headline: concurrent load (networkQuality's default) when measured, else the worse direction.
    const headline = concurrent?.rpm != null ? concurrent : sequential.sort((a, b) => (a.rpm as number) - (b.rpm as number))[0] ?? null;
    const rpm = headline?.rpm ?? null;
    const confidence: Confidence | null = headline ? results.map((r) => r.confidence).reduce(lowerConfidence, headline.confidence) : null;
    const address = urls.testEndpoint ?? new URL(urls.small).hostname;
    const farEnd = { kind: classifyTarget(new URL(urls.small).host, { address: address.replace(/^\[|\]$/g, ''), tool: 'tcp' as const }), target: new URL(urls.small).host };
    const mbps = (direction: 'download' | 'upload'): number | null => byKind(direction)?.[`${direction}Mbps`] ?? concurrent?.[`${direction}Mbps`] ?? null;
    return {
      metrics: {
        'responsiveness.rpm': rpm,
        'responsiveness.band': rpm === null ? null : responsivenessBand(rpm),
        'responsiveness.confidence': confidence,
        'responsiveness.loaded_latency_ms': headline?.latencyMs ?? null,
        'responsiveness.idle_latency_ms': idle.latencyMs,
        'responsiveness.download_rpm': byKind('download')?.rpm ?? null,
        'responsiveness.upload_rpm': byKind('upload')?.rpm ?? null,
        'responsiveness.concurrent_rpm': concurrent?.rpm ?? null,
        'responsiveness.download_mbps': mbps('download'),
        'responsiveness.upload_mbps': mbps('upload'),
      },
      farEnd,
      reasons: {
        ...(byKind('download') ? {} : { 'responsiveness.download_rpm': 'not run: the mode was concurrent only' }),
        ...(byKind('upload') ? {} : { 'responsiveness.upload_rpm': 'not run: the mode was concurrent only' }),
        ...(concurrent ? {} : { 'responsiveness.concurrent_rpm': 'not run: the mode was sequential only' }),
      },
      reason: 'no probe finished under load',
      details: {
        config: configUrl,
        urls,
        mode: ctx.targets.responsivenessMode,
        method: 'draft-ietf-ippm-responsiveness: HTTP/2 load-generating connections ramped one per 1 s interval (at most 16 per direction); 10 foreign and 10 self probes a second; trimmed mean of the fastest 95 %; stable when the standard deviation of the last 4 moving averages is within 5 % of the latest',
        phases: results,
      },
      message:
        rpm === null
          ? `No responsiveness figure: no probe finished under load (${results.map(describePhase).join('; ')}).`
          : `Responsiveness ${responsivenessBand(rpm)} (${rpm} RPM, confidence ${confidence}) against ${farEnd.target}; idle latency ${idle.latencyMs ?? '?'} ms. ${results.map(describePhase).join('; ')}.`,
    };
  },
};
