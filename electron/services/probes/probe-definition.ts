import type { FarEnd } from '../../../shared/probes/measurement';
import type { Log } from '../log/logger';
import type { CommandRunner } from './run-command';

/**
 * What a probe logs with: the services' pino log in the app. Only the type comes from the logger,
 * so the single-file collector (which must not bundle pino) can run the probes without one.
 */
export type ProbeLog = Pick<Log, 'debug' | 'warn'>;
import type { MetricValue, ProbeId, ProbeSample, ProbeTargets } from '../../../shared/probes/probe-schemas';

/** Anything holding an OS resource: sockets, servers, child processes, timers. */
export interface Closable {
  destroy?(): void;
  close?(): void;
  kill?(): void;
}

/** What a running probe gets from the engine. */
export interface ProbeContext {
  /** Aborted on cancel or timeout; every wait must honour it. */
  readonly signal: AbortSignal;
  readonly targets: ProbeTargets;
  readonly platform: NodeJS.Platform;
  /** Report progress: fraction 0..1 and a short message. */
  progress(fraction: number, message?: string): void;
  /** Record one raw observation; kept even if the probe later times out. */
  sample(series: string, value: number | null): void;
  /** Register a socket/server/process: the engine closes it the moment the probe is aborted. */
  track<T extends Closable>(handle: T): T;
  /** Name → address, the way the OS resolves it (tests point it at a loopback DNS server). */
  lookup(host: string): Promise<string>;
  /** Resolves after ms, rejects as soon as the probe is aborted. */
  sleep(ms: number): Promise<void>;
  /** The services' log: a fact a probe could not read goes here (debug), the result says "not available". */
  readonly log: ProbeLog;
  /** Runs platform tools (ping, netsh, PowerShell, system_profiler...); tests give recorded outputs. */
  readonly commands: CommandRunner;
  /** The default gateway's address, or null when there is none (tests name one). */
  gateway(): Promise<string | null>;
}

export interface ProbeOutcome {
  /** null (or a platform placeholder) where nothing was measured; the engine turns it into "not measurable: reason". */
  readonly metrics: Record<string, MetricValue>;
  /** What every metric was measured against, unless `farEnds` names another (default: this laptop). */
  readonly farEnd?: FarEnd;
  readonly farEnds?: Readonly<Record<string, FarEnd>>;
  /** Why a metric has no value, in plain words; `reason` for all of them. */
  readonly reason?: string;
  readonly reasons?: Readonly<Record<string, string>>;
  readonly details?: Record<string, unknown>;
  /** Defaults to ok. */
  readonly status?: 'ok' | 'failed' | 'unsupported';
  readonly message?: string;
}

export interface ProbeDefinition {
  readonly id: ProbeId;
  readonly title: string;
  /** Metric names it reports. */
  readonly measures: readonly string[];
  readonly platforms: readonly NodeJS.Platform[];
  readonly timeoutMs: number | ((targets: ProbeTargets) => number);
  readonly inDefaultSuite: boolean;
  /** Loads the link (throughput): runs alone, after the others, so it does not skew them. */
  readonly exclusive?: boolean;
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
}

export const allPlatforms: readonly NodeJS.Platform[] = ['win32', 'darwin', 'linux'];

export type { ProbeSample };

/** A probe asking to stop early with a plain message (e.g. "no default gateway"). */
export class ProbeUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProbeUnsupported';
  }
}
