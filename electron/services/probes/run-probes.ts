import type { ProbeResult, ProbeSample, ProbeStatus, ProbeTargets } from '../../../shared/probes/probe-schemas';
import { defaultNameLookup, makeNameLookup } from './name-lookup';
import { toMeasurement, unmeasuredAll, type Measurement } from '../../../shared/probes/measurement';
import { measuredValues } from '../../../shared/probes/result-measurements';
import { defaultGateway } from './default-gateway';
import { spawnCommand, type CommandRunner } from './run-command';
import { type Closable, type ProbeLog, type ProbeContext, type ProbeDefinition, type ProbeOutcome, ProbeUnsupported } from './probe-definition';

export interface ProbeProgressEvent {
  readonly probeId: ProbeDefinition['id'];
  readonly fraction: number;
  readonly message: string;
}

export interface RunProbesOptions {
  readonly targets: ProbeTargets;
  readonly signal?: AbortSignal;
  readonly platform?: NodeJS.Platform;
  readonly onProgress?: (event: ProbeProgressEvent) => void;
  /** Called as each probe finishes, so partial runs are saved. */
  readonly onResult?: (result: ProbeResult) => void;
  /** Name resolution for targets; defaults to c-ares against the OS's DNS servers (see name-lookup.ts). */
  readonly lookup?: (host: string) => Promise<string>;
  /** Override every probe's timeout (tests). */
  readonly timeoutMs?: number;
  /** The services' log; omitted (unit tests of single probes), lines are dropped. */
  readonly log?: ProbeLog;
  /** Runs platform tools; defaults to spawning them. Tests pass recorded outputs of other platforms. */
  readonly commands?: CommandRunner;
  /** The default gateway; defaults to the OS's routing table. */
  readonly gateway?: () => Promise<string | null>;
}


const closeHandle = (handle: Closable, log: ProbeLog): void => {
  try {
    if (handle.destroy) handle.destroy();
    else if (handle.kill) handle.kill();
    else handle.close?.();
  } catch (error) {
    // Already closed: nothing left to release, so the abort goes on.
    log.debug({ err: error }, 'probe handle was already closed');
  }
};

const errorMessage = (error: unknown): string => {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
};

/** A measurement's reason is at most 500 characters (the schema's limit); a long message is cut, never refused. */
const clipReason = (reason: string): string => (reason.length > 500 ? `${reason.slice(0, 498)}…` : reason);

/**
 * Every metric the probe measures as a Measurement: a value with its far end, or the reason
 * there is none. Metrics a probe left null or filled with a placeholder never reach a result as numbers.
 */
export const measurementsOfOutcome = (probe: ProbeDefinition, outcome: ProbeOutcome, status: ProbeStatus, message: string): Record<string, Measurement> => {
  const names = [...new Set([...probe.measures, ...Object.keys(outcome.metrics)])];
  const fallbackReason = outcome.reason ?? (status === 'ok' ? 'the platform does not report it here' : message);
  const measured = Object.fromEntries(
    names.map((name) => [
      name,
      toMeasurement(name, {
        value: outcome.metrics[name],
        farEnd: outcome.farEnds?.[name] ?? outcome.farEnd,
        reason: clipReason(outcome.reasons?.[name] ?? fallbackReason),
      }),
    ]),
  );
  if (status === 'ok') return measured;
  // A probe that failed says "failed: why" for everything it did not get to.
  for (const [name, m] of Object.entries(measured)) if (m.state === 'not_measurable') measured[name] = { state: 'failed', reason: clipReason(outcome.reasons?.[name] ?? message), scope: m.scope };
  return measured;
};

/** The collector and single-probe tests run without a log: their results say what failed. */
const noLog: ProbeLog = { debug: () => undefined, warn: () => undefined };

export const timeoutOf = (probe: ProbeDefinition, targets: ProbeTargets): number =>
  typeof probe.timeoutMs === 'function' ? probe.timeoutMs(targets) : probe.timeoutMs;

/**
 * Runs one probe: its own abort controller fires on the run's cancel or on its timeout; on
 * either, every tracked handle is closed at once and the result is settled without waiting for
 * the probe's code to notice. A throw becomes a `failed` result that says why.
 */
export const runProbe = async (probe: ProbeDefinition, options: RunProbesOptions): Promise<ProbeResult> => {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const platform = options.platform ?? process.platform;
  const samples: ProbeSample[] = [];
  const handles = new Set<Closable>();
  const controller = new AbortController();
  const log = options.log ?? noLog;
  let abortReason: 'timeout' | 'cancelled' | null = null;

  const finish = (status: ProbeStatus, message: string, outcome?: ProbeOutcome): ProbeResult => {
    const measurements = outcome
      ? measurementsOfOutcome(probe, outcome, status, message)
      : unmeasuredAll(probe.measures, status === 'unsupported' ? 'not_measurable' : 'failed', clipReason(message));
    return {
      probeId: probe.id,
      title: probe.title,
      status,
      message,
      startedAt,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      metrics: measuredValues(measurements),
      measurements,
      samples: [...samples],
      details: outcome?.details ?? {},
    };
  };

  if (!probe.platforms.includes(platform)) {
    return finish('unsupported', `${probe.title} is not available on ${platform}`);
  }

  const abort = (reason: 'timeout' | 'cancelled') => {
    if (abortReason) return;
    abortReason = reason;
    controller.abort(new Error(reason));
    for (const handle of handles) closeHandle(handle, log);
    handles.clear();
  };
  const timeoutMs = options.timeoutMs ?? timeoutOf(probe, options.targets);
  const timer = setTimeout(() => abort('timeout'), timeoutMs);
  const onRunAbort = () => abort('cancelled');
  if (options.signal?.aborted) onRunAbort();
  options.signal?.addEventListener('abort', onRunAbort, { once: true });

  // Built lazily: only probes that resolve a name read the hosts file; queries close with the probe.
  let cares: ((host: string) => Promise<string>) | null = null;
  const lookupHere = (host: string): Promise<string> => {
    cares ??= makeNameLookup(defaultNameLookup, (handle) => ctx.track(handle));
    return cares(host);
  };
  let step = '';
  const ctx: ProbeContext = {
    signal: controller.signal,
    targets: options.targets,
    platform,
    log,
    progress: (fraction, message = '') => {
      if (abortReason) return;
      if (message) step = message;
      options.onProgress?.({ probeId: probe.id, fraction: Math.min(1, Math.max(0, fraction)), message });
    },
    sample: (series, value) => {
      samples.push({ series, t: Math.round((performance.now() - started) * 100) / 100, value });
    },
    lookup: options.lookup ?? ((host) => lookupHere(host)),
    commands: options.commands ?? spawnCommand,
    gateway: options.gateway ?? (() => defaultGateway(log)),
    track: (handle) => {
      if (abortReason) closeHandle(handle, log);
      else handles.add(handle);
      return handle;
    },
    sleep: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (controller.signal.aborted) return reject(controller.signal.reason as Error);
        const t = setTimeout(() => {
          controller.signal.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = () => {
          clearTimeout(t);
          reject(controller.signal.reason as Error);
        };
        controller.signal.addEventListener('abort', onAbort, { once: true });
      }),
  };

  // "timed out after 9 s at step X": the last step the probe reported is where it was stuck.
  const timedOut = () => `${probe.title} timed out after ${Math.round(timeoutMs / 100) / 10} s${step ? ` at step: ${step}` : ''}`;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (controller.signal.aborted) resolve('aborted');
    controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });

  try {
    const work = abortReason ? Promise.resolve('aborted' as const) : probe.run(ctx);
    // The probe's own promise may reject after its abort has settled the result; log it rather than
    // leave an unhandled rejection (a rejection before that becomes the `failed` result below).
    work.catch((error: unknown) => log.debug({ err: error, probeId: probe.id }, 'probe rejected'));
    const outcome = await Promise.race([work, aborted]);
    if (outcome === 'aborted' || abortReason) {
      return abortReason === 'timeout'
        ? finish('timeout', timedOut())
        : finish('cancelled', `${probe.title} was cancelled`);
    }
    return finish(outcome.status ?? 'ok', outcome.message ?? '', outcome);
  } catch (error) {
    if (abortReason === 'timeout') return finish('timeout', timedOut());
    if (abortReason === 'cancelled') return finish('cancelled', `${probe.title} was cancelled`);
    if (error instanceof ProbeUnsupported) return finish('unsupported', error.message);
    return finish('failed', `${probe.title} failed: ${errorMessage(error)}`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onRunAbort);
    for (const handle of handles) closeHandle(handle, log);
    handles.clear();
    options.onProgress?.({ probeId: probe.id, fraction: 1, message: '' });
  }
};

/**
 * Runs independent probes concurrently; one failing or timing out never stops the others.
 * Exclusive probes (those that load the link) run one at a time afterwards. Results come back
 * in the order the probes were given.
 */
export const runProbes = async (probes: readonly ProbeDefinition[], options: RunProbesOptions): Promise<ProbeResult[]> => {
  const results = new Map<ProbeDefinition, ProbeResult>();
  const runOne = async (probe: ProbeDefinition) => {
    const result = await runProbe(probe, options);
    results.set(probe, result);
    options.onResult?.(result);
  };
  await Promise.all(probes.filter((p) => !p.exclusive).map(runOne));
  for (const probe of probes.filter((p) => p.exclusive)) await runOne(probe);
  return probes.map((p) => results.get(p) as ProbeResult);
};
