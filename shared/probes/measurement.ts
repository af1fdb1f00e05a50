import { z } from 'zod';
import { metricInfo, metricScopes, type MetricScope } from './metric-names';

/**
 * What one probe result says about one metric: a value with the far end it was measured against,
 * "not measurable here" with the reason, or "failed" with the reason. No placeholder number
 * (-1 link speed, 0 GHz) ever stands in for a value: those become not_measurable.
 */

export const pathKinds = ['this_device', 'loopback', 'gateway', 'lan_host', 'partner_hub', 'internet_host', 'iperf3_server'] as const;
export const pathKindSchema = z.enum(pathKinds);
export type PathKind = z.infer<typeof pathKindSchema>;
export const pathKindLabels: Record<PathKind, string> = {
  this_device: 'this laptop',
  loopback: 'loopback (this laptop)',
  gateway: 'default gateway',
  lan_host: 'LAN host',
  partner_hub: 'partner hub',
  internet_host: 'internet host',
  iperf3_server: 'public iperf3 server',
};

export const farEndSchema = z.object({
  kind: pathKindSchema,
  /** What the engineer gave or the probe found: `10.0.0.5:5299`, `api.openai.com`. */
  target: z.string().max(300),
});
export type FarEnd = z.infer<typeof farEndSchema>;

export const metricScopeSchema = z.enum(metricScopes);

export const measurementSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('measured'),
    value: z.union([z.number(), z.string(), z.boolean()]),
    scope: metricScopeSchema,
    /** Absent only on results stored before far ends were recorded, when their details do not tell. */
    farEnd: farEndSchema.optional(),
  }),
  z.object({ state: z.literal('not_measurable'), reason: z.string().max(500), scope: metricScopeSchema }),
  z.object({ state: z.literal('failed'), reason: z.string().max(500), scope: metricScopeSchema }),
]);
export type Measurement = z.infer<typeof measurementSchema>;

export const thisDevice: FarEnd = { kind: 'this_device', target: 'this laptop' };

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const hostOf = (target: string): string => {
  const bracketed = /^\[([^\]]+)\]/.exec(target);
  if (bracketed) return bracketed[1]!.toLowerCase();
  if ((target.match(/:/g) ?? []).length > 1) return target.toLowerCase();
  return target.replace(/:\d+$/, '').toLowerCase();
};

/** RFC 1918, link-local, CGNAT (100.64/10: the ISP's side, but not the internet), ULA and link-local v6. */
const isPrivateAddress = (host: string): boolean => {
  const v4 = ipv4.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host);
};

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');

export interface ClassifyContext {
  /** The default gateway's address, when the probe knows it. */
  readonly gateway?: string | null;
  /** The partner hub's host, when the device is enrolled. */
  readonly hubHost?: string | null;
  /** The address the name resolved to, when the probe resolved it. */
  readonly address?: string | null;
  /** A stock iperf3 server on the internet is named as such. */
  readonly tool?: 'iperf3' | 'reflector' | 'tcp' | 'udp' | 'icmp';
}

/** Which kind of far end a target is: the address decides when known, else the name. */
export const classifyTarget = (target: string, context: ClassifyContext = {}): PathKind => {
  const host = hostOf(target);
  const address = context.address ? hostOf(context.address) : host;
  if (isLoopback(host) || isLoopback(address)) return 'loopback';
  if (context.gateway && (hostOf(context.gateway) === host || hostOf(context.gateway) === address)) return 'gateway';
  if (context.hubHost && hostOf(context.hubHost) === host) return 'partner_hub';
  const bareName = !ipv4.test(host) && !host.includes(':');
  if (isPrivateAddress(address) || (bareName && (!host.includes('.') || /\.(local|lan|home\.arpa|internal|corp)$/.test(host)))) return 'lan_host';
  return context.tool === 'iperf3' ? 'iperf3_server' : 'internet_host';
};

/** The scope a path measurement describes, from its far end (a partner hub on the LAN is a LAN path). */
export const scopeOfFarEnd = (farEnd: FarEnd, home: MetricScope): MetricScope => {
  switch (farEnd.kind) {
    case 'this_device':
      return home;
    case 'loopback':
      return 'laptop';
    case 'gateway':
    case 'lan_host':
      return 'lan';
    case 'partner_hub':
      return isPrivateAddress(hostOf(farEnd.target)) ? 'lan' : 'internet';
    case 'internet_host':
    case 'iperf3_server':
      return home === 'ai_endpoints' ? 'ai_endpoints' : 'internet';
  }
};

export interface MeasurementInput {
  readonly value: number | string | boolean | null | undefined;
  /** Left out: this laptop. `null`: not known (an old stored result). */
  readonly farEnd?: FarEnd | null;
  /** Why there is no value, in plain words ("no Wi-Fi interface on this machine"). */
  readonly reason?: string;
}

/**
 * One metric's measurement from what a probe returned: non-finite numbers and placeholders
 * (≤ 0 where only a positive value is real) become not_measurable with the reason.
 */
export const toMeasurement = (name: string, input: MeasurementInput): Measurement => {
  const info = metricInfo(name);
  const home: MetricScope = info?.scope ?? 'laptop';
  const farEnd = input.farEnd === undefined ? thisDevice : input.farEnd;
  const scope = info?.followsFarEnd && farEnd ? scopeOfFarEnd(farEnd, home) : home;
  const { value } = input;
  if (value === null || value === undefined || value === '') {
    return { state: 'not_measurable', reason: input.reason ?? 'the platform does not report it here', scope };
  }
  if (typeof value === 'number') {
    // The placeholder itself is never repeated: a reader would take "-1" for a figure.
    if (!Number.isFinite(value) || (info?.positive && value <= 0)) {
      return { state: 'not_measurable', reason: input.reason ?? 'the platform reported a placeholder, not a value', scope };
    }
  }
  return { state: 'measured', value, scope, ...(farEnd ? { farEnd } : {}) };
};

/** A whole probe that failed, timed out or did not run: every metric it measures says so. */
export const unmeasuredAll = (names: readonly string[], state: 'failed' | 'not_measurable', reason: string): Record<string, Measurement> =>
  Object.fromEntries(
    names.map((name) => {
      const info = metricInfo(name);
      return [name, { state, reason, scope: info?.scope ?? 'laptop' } satisfies Measurement];
    }),
  );
