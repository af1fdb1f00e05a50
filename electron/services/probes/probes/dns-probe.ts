import dns from 'node:dns';
import { classifyTarget } from '../../../../shared/probes/measurement';
import { percentile, round } from '../../../../shared/probes/stats';
import { lookupBudgetMs } from '../name-lookup';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';

interface Timed {
  readonly ms: number | null;
  readonly error: string | null;
}

const warmRepeats = 3;
/** c-ares: a silent server is known in about 2.8 s (lookupBudgetMs). */
const queryTimeoutMs = 700;
const queryTries = 2;

const abortable = <T>(ctx: ProbeContext, work: Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason as Error);
    const onAbort = () => reject(ctx.signal.reason as Error);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        ctx.signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

const time = async (ctx: ProbeContext, work: () => Promise<unknown>): Promise<Timed> => {
  const started = performance.now();
  try {
    await abortable(ctx, work());
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return { ms: null, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
};

interface NameTiming {
  readonly name: string;
  readonly via: string;
  readonly coldMs: number | null;
  readonly warmMs: number | null;
  readonly error: string | null;
}

/** The rest of `measure` once the first (cold) attempt is in. */
const measureAfter = async (ctx: ProbeContext, name: string, via: string, cold: Timed, once: () => Promise<unknown>): Promise<NameTiming & { attempts: Timed[] }> => {
  ctx.sample(`cold:${via}`, cold.ms === null ? null : round(cold.ms, 3));
  const warm: Timed[] = [];
  for (let i = 0; i < warmRepeats; i += 1) {
    const t = await time(ctx, once);
    ctx.sample(`warm:${via}`, t.ms === null ? null : round(t.ms, 3));
    warm.push(t);
  }
  const warmTimes = warm.map((t) => t.ms).filter((m): m is number => m !== null);
  return { name, via, coldMs: round(cold.ms, 3), warmMs: round(percentile(warmTimes, 50), 3), error: cold.error ?? warm.find((t) => t.error)?.error ?? null, attempts: [cold, ...warm] };
};

const measure = async (ctx: ProbeContext, name: string, via: string, once: () => Promise<unknown>): Promise<NameTiming & { attempts: Timed[] }> =>
  measureAfter(ctx, name, via, await time(ctx, once), once);

const maxOf = (values: (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : Math.max(...v);
};

const silentCodes = new Set(['ETIMEOUT', 'ECONNREFUSED']);

/** Direct queries to one server: a silent or refusing server is asked once, not for every name and repeat. */
const queryServer = async (ctx: ProbeContext, server: string, names: readonly string[], step: () => void): Promise<(NameTiming & { attempts: Timed[] })[]> => {
  const resolver = new dns.promises.Resolver({ timeout: queryTimeoutMs, tries: queryTries });
  ctx.track({ close: () => resolver.cancel() });
  resolver.setServers([server]);
  const out: (NameTiming & { attempts: Timed[] })[] = [];
  for (const name of names) {
    const first = await time(ctx, () => resolver.resolve4(name));
    if (first.ms === null && silentCodes.has(first.error ?? '')) {
      ctx.sample(`cold:${server}`, null);
      const remaining = names.length - out.length;
      const why = first.error === 'ETIMEOUT' ? `DNS silent: no answer within ${(lookupBudgetMs({ timeoutMs: queryTimeoutMs, tries: queryTries }) / 1000).toFixed(1)} s` : `DNS refused (${first.error})`;
      out.push({ name, via: server, coldMs: null, warmMs: null, error: why, attempts: [first] });
      for (const rest of names.slice(out.length)) out.push({ name: rest, via: server, coldMs: null, warmMs: null, error: `not asked: ${server} ${first.error === 'ETIMEOUT' ? 'was silent' : 'refused'}`, attempts: [] });
      for (let i = 0; i < remaining; i += 1) step();
      return out;
    }
    out.push(await measureAfter(ctx, name, server, first, () => resolver.resolve4(name)));
    step();
  }
  return out;
};

/**
 * Each DNS server directly (`Resolver.resolve4`, c-ares, cancellable) first, so its cold query is
 * really cold (the OS lookups used to warm the same server first), then the OS resolver
 * (`dns.lookup`: hosts file, cache, search domains — what every app uses), cold and warm. When
 * every OS server was silent or refused, the OS lookups are skipped and the result says why:
 * getaddrinfo cannot be cancelled, and each would hold the process open for the OS's whole retry
 * schedule (10 s and more) to learn the same thing.
 */
export const dnsProbe: ProbeDefinition = {
  id: 'dns',
  title: 'DNS timing',
  measures: ['dns.lookup_ms_p50', 'dns.lookup_cold_ms', 'dns.resolve_ms_p50', 'dns.resolve_cold_ms', 'dns.failure_pct'],
  platforms: allPlatforms,
  timeoutMs: 8000,
  inDefaultSuite: true,
  run: async (ctx): Promise<ProbeOutcome> => {
    const names = ctx.targets.dnsNames;
    const osServers = dns.getServers();
    const servers = ctx.targets.resolvers.length > 0 ? ctx.targets.resolvers : osServers;
    const steps = names.length * (1 + servers.length);
    let done = 0;
    const step = () => ctx.progress(++done / steps, `${done} of ${steps} names resolved`);

    ctx.progress(0, 'querying DNS servers directly');
    const direct = await Promise.all(servers.map((server) => queryServer(ctx, server, names, step)));
    // Were the OS's own servers among those asked, and did every one of them fail to answer at all?
    const askedOs = osServers.filter((s) => servers.includes(s));
    const osDead = osServers.length === 0 || (askedOs.length === osServers.length && direct.filter((_, i) => osServers.includes(servers[i] as string)).every((rows) => rows.every((r) => r.coldMs === null && r.warmMs === null)));
    const osSkip = osServers.length === 0 ? 'no DNS server is configured on this machine' : osDead ? `skipped: the OS's DNS server${osServers.length === 1 ? '' : 's'} (${osServers.join(', ')}) did not answer a direct query` : null;

    ctx.progress(done / steps, 'timing the OS resolver');
    const lookups = osSkip
      ? []
      : await Promise.all(
          names.map(async (name) => {
            const r = await measure(ctx, name, 'os', () => dns.promises.lookup(name));
            step();
            return r;
          }),
        );
    const resolved = direct.flat();
    const attempts = [...lookups, ...resolved].flatMap((r) => r.attempts);
    const failures = attempts.filter((a) => a.ms === null).length;
    const failed = [...lookups, ...resolved].filter((r) => r.error);
    const strip = ({ attempts: _a, ...rest }: NameTiming & { attempts: Timed[] }): NameTiming => rest;
    const silentNote = resolved.find((r) => r.error?.startsWith('DNS silent') || r.error?.startsWith('DNS refused'));
    const lookupReason = osSkip ?? 'no lookup was answered';
    return {
      metrics: {
        'dns.lookup_ms_p50': round(percentile(lookups.map((l) => l.warmMs).filter((m): m is number => m !== null), 50), 3),
        'dns.lookup_cold_ms': maxOf(lookups.map((l) => l.coldMs)),
        'dns.resolve_ms_p50': round(percentile(resolved.map((l) => l.warmMs).filter((m): m is number => m !== null), 50), 3),
        'dns.resolve_cold_ms': maxOf(resolved.map((l) => l.coldMs)),
        'dns.failure_pct': attempts.length === 0 ? null : round((100 * failures) / attempts.length, 1),
      },
      farEnd: { kind: servers[0] ? classifyTarget(servers[0]) : 'this_device', target: servers.length > 0 ? `the OS resolver and ${servers.join(', ')}` : 'the OS resolver' },
      reasons: {
        'dns.resolve_ms_p50': servers.length === 0 ? 'no DNS server is configured to query directly' : silentNote ? `${silentNote.via}: ${silentNote.error}` : 'no direct query was answered',
        'dns.resolve_cold_ms': servers.length === 0 ? 'no DNS server is configured to query directly' : silentNote ? `${silentNote.via}: ${silentNote.error}` : 'no direct query was answered',
        'dns.lookup_ms_p50': lookupReason,
        'dns.lookup_cold_ms': lookupReason,
        'dns.failure_pct': lookupReason,
      },
      details: { servers, osLookupsSkipped: osSkip, lookups: lookups.map(strip), resolvers: resolved.map(strip) },
      ...(servers.length === 0 || (osSkip && resolved.every((r) => r.coldMs === null))
        ? { status: 'failed' as const }
        : {}),
      message:
        servers.length === 0
          ? 'No DNS server is configured on this machine: names cannot be resolved.'
          : failed.length > 0
            ? `${failed.length} name/resolver pair${failed.length === 1 ? '' : 's'} failed: ${failed
                .slice(0, 5)
                .map((f) => `${f.name} via ${f.via} (${f.error})`)
                .join(', ')}${osSkip ? `; OS lookups ${osSkip}` : ''}`
            : `${names.length} names via ${servers.length} resolver${servers.length === 1 ? '' : 's'} directly, then the OS.`,
    };
  },
};
