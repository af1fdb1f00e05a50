import { z } from 'zod';
import { checkHostPort } from './host-port';
import { measurementSchema } from './measurement';

/** Every probe Groundwork knows; the ids are stable (stored in runs and bundles). */
export const probeIds = [
  'hardware',
  'network-config',
  'latency',
  'dns',
  'ai-endpoints',
  'ntp',
  'neighbours',
  'path-mtu',
  'wifi',
  'throughput',
  'responsiveness',
] as const;
export const probeIdSchema = z.enum(probeIds);
export type ProbeId = z.infer<typeof probeIdSchema>;

export const probeStatuses = ['ok', 'failed', 'timeout', 'cancelled', 'unsupported'] as const;
export const probeStatusSchema = z.enum(probeStatuses);
export type ProbeStatus = z.infer<typeof probeStatusSchema>;

export const metricValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type MetricValue = z.infer<typeof metricValueSchema>;

/** One raw observation: a series name (e.g. `rtt:10.0.0.1`), ms since the probe started, the value. */
export const probeSampleSchema = z.object({
  series: z.string().max(200),
  t: z.number(),
  value: z.number().nullable(),
});
export type ProbeSample = z.infer<typeof probeSampleSchema>;

export const probeResultSchema = z.object({
  probeId: probeIdSchema,
  title: z.string(),
  status: probeStatusSchema,
  /** Plain words: why it failed, what was unsupported, or a one-line summary. */
  message: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  /** Summary metrics by dotted name (see metric-names.ts): measured values only. */
  metrics: z.record(z.string(), metricValueSchema),
  /**
   * Every metric the probe measures: its value with the far end, or why there is none. Results
   * stored before this field existed are read through `resultMeasurements`, which derives it.
   */
  measurements: z.record(z.string(), measurementSchema).optional(),
  samples: z.array(probeSampleSchema),
  /** Structured inventory a report can show (interfaces, disks, per-target breakdown). */
  details: z.record(z.string(), z.unknown()),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

const hostPattern = /^[A-Za-z0-9._:%[\]-]+$/;

/** `host`, `host:port`, `[v6]:port`. */
export const hostTargetSchema = z
  .string()
  .trim()
  .min(1, 'a target is required')
  .max(300)
  .refine((v) => hostPattern.test(v), 'must be a host name or address, optionally with :port')
  .superRefine((v, ctx) => {
    if (!hostPattern.test(v)) return;
    const checked = checkHostPort(v);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
  });

export const sweepAuthorisationSchema = z.object({
  authorisedBy: z.string().trim().min(1, 'who authorised the sweep is required').max(200),
  /** IPv4 CIDR no wider than /22. */
  scope: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,3}){3}\/(2[2-9]|3[0-2])$/, 'scope must be an IPv4 CIDR no wider than /22, e.g. 192.168.1.0/24'),
  reason: z.string().trim().max(1000).default(''),
  ports: z.array(z.number().int().min(1).max(65535)).max(8).default([80, 443, 445, 22]),
});
export type SweepAuthorisation = z.infer<typeof sweepAuthorisationSchema>;

export const defaultAiEndpoints = [
  'https://api.openai.com/v1/models',
  'https://api.anthropic.com/v1/messages',
  'https://generativelanguage.googleapis.com/',
  'https://login.microsoftonline.com/',
];

/** What the probes aim at. Every field has a sensible default so `{}` is a valid choice. */
export const probeTargetsSchema = z.object({
  /** Latency targets (TCP connect time; `host:port`, port 443 when omitted). */
  hosts: z.array(hostTargetSchema).max(20).default([]),
  /** Also measure the default gateway (TCP connect; a refusal still times the round trip). */
  includeGateway: z.boolean().default(true),
  /** A `groundwork reflector` (UDP echo for latency, TCP streams for throughput). */
  reflector: hostTargetSchema.optional(),
  /** A stock `iperf3 -s` server for throughput. */
  iperf3: hostTargetSchema.optional(),
  /**
   * Latency under load by TCP connect to this host (port 443 when omitted) instead of UDP echo to
   * the reflector or TCP connect to the iperf3 server's port.
   */
  loadedLatencyTarget: hostTargetSchema.optional(),
  /** Names the DNS probe resolves. */
  dnsNames: z.array(z.string().trim().min(1).max(253).refine((v) => !v.startsWith('-'), 'a DNS name never starts with "-"')).max(20).default(['example.com', 'microsoft.com']),
  /** Resolvers queried directly (ip or ip:port); empty means the ones the OS is configured with. */
  resolvers: z.array(hostTargetSchema).max(10).default([]),
  aiEndpoints: z.array(z.url({ protocol: /^https?$/ })).max(30).default(defaultAiEndpoints),
  ntpServer: hostTargetSchema.default('pool.ntp.org'),
  /**
   * Hosts the path-MTU probe checks; empty means the gateway (unless includeGateway is off) and a
   * host beyond it (the first latency target, else the first AI endpoint's host).
   */
  mtuTargets: z.array(hostTargetSchema).max(5).default([]),
  throughputSeconds: z.number().min(1).max(60).default(10),
  throughputStreams: z.number().int().min(1).max(16).default(4),
  /**
   * Probes per latency target. 200 by default: one lost probe is 0.5 %, the good line for loss,
   * and 0 of 200 bounds the loss below 1.9 % at 95 % (the verdict reads the interval).
   */
  latencyCount: z.number().int().min(3).max(5000).default(200),
  /** Milliseconds between latency probes (200 probes take 4 s at the default). */
  latencyIntervalMs: z.number().int().min(5).max(1000).default(20),
  /**
   * A responsiveness server beyond the partner's network (draft-ietf-ippm-responsiveness:
   * /.well-known/nq or any URL serving the same JSON): the internet segment. The reflector's own
   * /.well-known/nq measures the LAN segment, the hub's the segment to the partner.
   */
  responsivenessUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
  /** The partner hub this laptop syncs with (its base URL): the responsiveness test's hub segment. */
  responsivenessHub: z.url({ protocol: /^https?$/ }).max(500).optional(),
  /** Download and upload one after the other, both at once, or both ways (three runs). */
  responsivenessMode: z.enum(['both', 'sequential', 'concurrent']).default('both'),
  /** Time limit of each run; the draft's is 20 s (a run ends sooner once stable). */
  responsivenessSeconds: z.number().min(5).max(60).default(20),
  /** Present only when the engineer explicitly authorised a scoped sweep. */
  sweep: sweepAuthorisationSchema.optional(),
});
export type ProbeTargets = z.output<typeof probeTargetsSchema>;
export type ProbeTargetsInput = z.input<typeof probeTargetsSchema>;

export const probeInfoSchema = z.object({
  id: probeIdSchema,
  title: z.string(),
  measures: z.array(z.string()),
  platforms: z.array(z.string()),
  timeoutMs: z.number(),
  inDefaultSuite: z.boolean(),
  supportedHere: z.boolean(),
});
export type ProbeInfo = z.infer<typeof probeInfoSchema>;

export const probeRunStatuses = ['running', 'complete', 'cancelled', 'interrupted'] as const;
export const probeRunStatusSchema = z.enum(probeRunStatuses);
export type ProbeRunStatus = z.infer<typeof probeRunStatusSchema>;

export const probeRunSourceSchema = z.enum(['app', 'collector']);

export const probeRunSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: probeRunStatusSchema,
  source: probeRunSourceSchema,
  host: z.string(),
  toolVersion: z.string(),
  probeIds: z.array(probeIdSchema),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  bundleSha256: z.string().nullable(),
  resultCounts: z.record(probeStatusSchema, z.number()),
});
export type ProbeRunSummary = z.infer<typeof probeRunSummarySchema>;

export const probeRunDetailSchema = probeRunSummarySchema.extend({
  targets: probeTargetsSchema,
  sweepAuthorisation: sweepAuthorisationSchema.nullable(),
  results: z.array(probeResultSchema),
});
export type ProbeRunDetail = z.infer<typeof probeRunDetailSchema>;

export const probeProgressItemSchema = z.object({
  probeId: probeIdSchema,
  title: z.string(),
  fraction: z.number().min(0).max(1),
  message: z.string(),
  /** Set once the probe has finished. */
  status: probeStatusSchema.nullable(),
});
export type ProbeProgressItem = z.infer<typeof probeProgressItemSchema>;

export const probeProgressSchema = z.object({
  runId: z.uuid(),
  status: probeRunStatusSchema,
  probes: z.array(probeProgressItemSchema),
});
export type ProbeProgress = z.infer<typeof probeProgressSchema>;
