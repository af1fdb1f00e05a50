import { classifyTarget } from '../../../../shared/probes/measurement';
import {
  lowerConfidence,
  responsivenessBand,
  responsivenessPaths,
  responsivenessSegmentLabels,
  responsivenessSegments,
  whereResponsivenessIsLost,
  type Confidence,
  type ResponsivenessSegment,
  type ResponsivenessUrls,
} from '../../../../shared/probes/responsiveness';
import type { ProbeTargets } from '../../../../shared/probes/probe-schemas';
import { formatHostPort, parseHostPort, plainNetworkError } from '../net-helpers';
import { allPlatforms, type ProbeDefinition, type ProbeOutcome } from '../probe-definition';
import { defaultReflectorPort } from '../throughput/reflector-protocol';
import { fetchHubResponsivenessConfigUrl, fetchResponsivenessConfig, measureIdleLatency, runResponsivenessPhase, type RpmPhaseKind, type RpmPhaseResult } from '../responsiveness/rpm-client';

/** The reflector's own /.well-known/nq: the LAN segment. */
const reflectorConfigUrl = (targets: ProbeTargets): string | null =>
  targets.reflector ? `http://${formatHostPort(parseHostPort(targets.reflector, defaultReflectorPort))}${responsivenessPaths.config}` : null;

/** The segments a run measures, nearest first, and where each one's configuration comes from. */
export const responsivenessSegmentsOf = (targets: ProbeTargets): { readonly segment: ResponsivenessSegment; readonly source: string }[] =>
  [
    { segment: 'lan' as const, source: reflectorConfigUrl(targets) },
    { segment: 'hub' as const, source: targets.responsivenessHub ?? null },
    { segment: 'internet' as const, source: targets.responsivenessUrl ?? null },
  ].filter((s): s is { segment: ResponsivenessSegment; source: string } => s.source !== null);

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
  'responsiveness.lan_rpm',
  'responsiveness.hub_rpm',
  'responsiveness.internet_rpm',
] as const;

const segmentMetric = { lan: 'responsiveness.lan_rpm', hub: 'responsiveness.hub_rpm', internet: 'responsiveness.internet_rpm' } as const satisfies Record<ResponsivenessSegment, (typeof metricNames)[number]>;

const describePhase = (p: RpmPhaseResult): string =>
  `${p.kind} ${p.rpm ?? '?'} RPM (${p.band ?? 'no band'}, confidence ${p.confidence}, ${p.connections} connection${p.connections === 1 ? '' : 's'}, ${p.seconds} s)`;

interface SegmentRun {
  readonly segment: ResponsivenessSegment;
  readonly configUrl: string | null;
  /** Set when the segment could not be measured: what stopped it, in words. */
  readonly failure: string | null;
  readonly urls: ResponsivenessUrls | null;
  readonly idleLatencyMs: number | null;
  readonly phases: readonly RpmPhaseResult[];
  /** Concurrent load (networkQuality's default) when measured, else the worse direction. */
  readonly headline: RpmPhaseResult | null;
  readonly confidence: Confidence | null;
}

const headlineOf = (phases: readonly RpmPhaseResult[]): RpmPhaseResult | null => {
  const concurrent = phases.find((p) => p.kind === 'concurrent');
  if (concurrent?.rpm != null) return concurrent;
  return phases.filter((p) => p.kind !== 'concurrent' && p.rpm !== null).sort((a, b) => (a.rpm as number) - (b.rpm as number))[0] ?? null;
};

const segmentWords = (run: SegmentRun): string => {
  const where = responsivenessSegmentLabels[run.segment];
  if (run.failure) return `${where}: not measured (${run.failure})`;
  const rpm = run.headline?.rpm ?? null;
  return rpm === null ? `${where}: no probe finished under load` : `${where} ${responsivenessBand(rpm)} (${rpm} RPM, confidence ${run.confidence})`;
};

export const responsivenessProbe: ProbeDefinition = {
  id: 'responsiveness',
  title: 'Responsiveness under working conditions (RPM)',
  measures: [...metricNames],
  platforms: allPlatforms,
  timeoutMs: (targets) => Math.max(1, responsivenessSegmentsOf(targets).length) * (phasesFor(targets.responsivenessMode).length * (targets.responsivenessSeconds + 3) * 1000 + 15_000),
  inDefaultSuite: false,
  exclusive: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const segments = responsivenessSegmentsOf(ctx.targets);
    if (segments.length === 0) return { status: 'failed', message: 'No responsiveness server: give a reflector, the hub or a /.well-known/nq URL.', metrics: {} };
    const env = { signal: ctx.signal, track: ctx.track, lookup: ctx.lookup };
    const phases = phasesFor(ctx.targets.responsivenessMode);
    const share = 1 / segments.length;
    const runs: SegmentRun[] = [];
    for (const [index, { segment, source }] of segments.entries()) {
      const base = index * share;
      const notMeasured = (configUrl: string | null, failure: string): SegmentRun => ({ segment, configUrl, failure, urls: null, idleLatencyMs: null, phases: [], headline: null, confidence: null });
      let configUrl: string | null = source;
      let step = 'the configuration';
      try {
        ctx.progress(base + 0.01 * share, `${segment}: configuration`);
        if (segment === 'hub') {
          step = "the hub's answer";
          const found = await fetchHubResponsivenessConfigUrl(env, source);
          if (found.configUrl === null) {
            runs.push(notMeasured(null, found.reason));
            continue;
          }
          configUrl = found.configUrl;
          step = 'the configuration';
        }
        const urls = await fetchResponsivenessConfig(env, configUrl as string);
        step = 'idle latency';
        ctx.progress(base + 0.03 * share, `${segment}: idle latency`);
        const idle = await measureIdleLatency(env, urls);
        const results: RpmPhaseResult[] = [];
        for (const [i, kind] of phases.entries()) {
          step = `the ${kind} phase`;
          ctx.progress(base + (0.05 + (0.9 * i) / phases.length) * share, `${segment}: ${kind}`);
          const result = await runResponsivenessPhase(env, urls, kind, {
            params: { maxDurationMs: ctx.targets.responsivenessSeconds * 1000 },
            onInterval: (interval, mbps) => {
              ctx.sample(`${segment}_${kind}_mbps`, Number(mbps.toFixed(2)));
              ctx.progress(Math.min(0.99, base + (0.05 + (0.9 * (i + interval / ctx.targets.responsivenessSeconds)) / phases.length) * share), `${segment}: ${kind}`);
            },
          });
          for (const interval of result.intervals) ctx.sample(`${segment}_${kind}_latency_ms`, interval.latencyMs);
          results.push(result);
        }
        const headline = headlineOf(results);
        const confidence = headline ? results.map((r) => r.confidence).reduce(lowerConfidence, headline.confidence) : null;
        runs.push({ segment, configUrl, failure: null, urls, idleLatencyMs: idle.latencyMs, phases: results, headline, confidence });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        runs.push(notMeasured(configUrl, `failed at ${step} against ${configUrl}: ${plainNetworkError(error)}`));
      }
    }

    const measured = runs.filter((r) => r.failure === null);
    const outer = measured[measured.length - 1];
    if (!outer) {
      const only = runs.length === 1 ? runs[0] : null;
      // One segment asked for and it failed: the message the engineer knew before segments existed.
      const message = only?.configUrl
        ? `Responsiveness test against ${only.configUrl} ${only.failure?.replace(/ against \S+: /, ': ') ?? 'failed'}.`
        : `No responsiveness figure: ${runs.map(segmentWords).join('; ')}.`;
      return { status: 'failed', message, metrics: {} };
    }
    // The headline figures are the farthest segment measured (above): the path the customer's traffic takes.
    const byKind = (kind: RpmPhaseKind) => outer.phases.find((r) => r.kind === kind) ?? null;
    const concurrent = byKind('concurrent');
    const rpm = outer.headline?.rpm ?? null;
    const urls = outer.urls as ResponsivenessUrls;
    const address = urls.testEndpoint ?? new URL(urls.small).hostname;
    const farEnd = { kind: classifyTarget(new URL(urls.small).host, { address: address.replace(/^\[|\]$/g, ''), tool: 'tcp' as const }), target: new URL(urls.small).host };
    const mbps = (direction: 'download' | 'upload'): number | null => byKind(direction)?.[`${direction}Mbps`] ?? concurrent?.[`${direction}Mbps`] ?? null;
    const segmentRpm = (segment: ResponsivenessSegment): number | null => runs.find((r) => r.segment === segment)?.headline?.rpm ?? null;
    const lost = whereResponsivenessIsLost(responsivenessSegments.map((segment) => ({ segment, rpm: segmentRpm(segment) })));
    const segmentReasons = Object.fromEntries(
      responsivenessSegments.flatMap((segment) => {
        const run = runs.find((r) => r.segment === segment);
        if (run?.headline?.rpm != null) return [];
        const why = !run
          ? segment === 'lan'
            ? 'not measured: no reflector was given'
            : segment === 'hub'
              ? 'not measured: this laptop is not enrolled with a hub, or no hub was given'
              : 'not measured: no internet responsiveness server was given'
          : (run.failure ?? 'no probe finished under load');
        return [[segmentMetric[segment], why]];
      }),
    );
    const perSegment = runs.length > 1 ? ` By segment: ${runs.map(segmentWords).join('; ')}.` : '';
    const lostWords = lost
      ? ` Responsiveness is lost between ${responsivenessSegmentLabels[lost.from]} and ${responsivenessSegmentLabels[lost.to]}.`
      : measured.length > 1
        ? ' It holds from segment to segment.'
        : '';
    return {
      metrics: {
        'responsiveness.rpm': rpm,
        'responsiveness.band': rpm === null ? null : responsivenessBand(rpm),
        'responsiveness.confidence': outer.confidence,
        'responsiveness.loaded_latency_ms': outer.headline?.latencyMs ?? null,
        'responsiveness.idle_latency_ms': outer.idleLatencyMs,
        'responsiveness.download_rpm': byKind('download')?.rpm ?? null,
        'responsiveness.upload_rpm': byKind('upload')?.rpm ?? null,
        'responsiveness.concurrent_rpm': concurrent?.rpm ?? null,
        'responsiveness.download_mbps': mbps('download'),
        'responsiveness.upload_mbps': mbps('upload'),
        ...Object.fromEntries(responsivenessSegments.map((segment) => [segmentMetric[segment], segmentRpm(segment)])),
      },
      farEnd,
      reasons: {
        ...(byKind('download') ? {} : { 'responsiveness.download_rpm': 'not run: the mode was concurrent only' }),
        ...(byKind('upload') ? {} : { 'responsiveness.upload_rpm': 'not run: the mode was concurrent only' }),
        ...(concurrent ? {} : { 'responsiveness.concurrent_rpm': 'not run: the mode was sequential only' }),
        ...segmentReasons,
      },
      reason: 'no probe finished under load',
      details: {
        segments: runs.map((r) => ({ segment: r.segment, config: r.configUrl, failure: r.failure, urls: r.urls, idleLatencyMs: r.idleLatencyMs, phases: r.phases })),
        lostBetween: lost,
        mode: ctx.targets.responsivenessMode,
        method: 'draft-ietf-ippm-responsiveness: HTTP/2 load-generating connections ramped one per 1 s interval (at most 16 per direction); 10 foreign and 10 self probes a second; trimmed mean of the fastest 95 %; stable when the standard deviation of the last 4 moving averages is within 5 % of the latest; each segment (LAN reflector, hub, internet server) measured in turn',
      },
      message:
        (rpm === null
          ? `No responsiveness figure: no probe finished under load (${outer.phases.map(describePhase).join('; ')}).`
          : `Responsiveness ${responsivenessBand(rpm)} (${rpm} RPM, confidence ${outer.confidence}) against ${farEnd.target}; idle latency ${outer.idleLatencyMs ?? '?'} ms. ${outer.phases.map(describePhase).join('; ')}.`) +
        perSegment +
        lostWords,
    };
  },
};
