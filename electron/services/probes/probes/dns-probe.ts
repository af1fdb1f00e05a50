import dns from 'node:dns';
import { classifyTarget } from '../../../../shared/probes/measurement';
import { percentile, round } from '../../../../shared/probes/stats';
import { allPlatforms, type ProbeOutcome, type ProbeContext, type ProbeDefinition } from '../probe-definition';

interface Timed {
  readonly ms: number | null;
  readonly error: string | null;
}

const warmRepeats = 3;
const queryTimeoutMs = 2000;

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

const measure = async (ctx: ProbeContext, name: string, via: string, once: () => Promise<unknown>): Promise<NameTiming & { attempts: Timed[] }> => {
  const cold = await time(ctx, once);
  ctx.sample(`cold:${via}`, cold.ms === null ? null : round(cold.ms, 3));
  const warm: Timed[] = [];
  for (let i = 0; i < warmRepeats; i += 1) {
    const t = await time(ctx, once);
    ctx.sample(`warm:${via}`, t.ms === null ? null : round(t.ms, 3));
    warm.push(t);
  }
  const warmTimes = warm.map((t) => t.ms).filter((m): m is number => m !== null);
  return {
    name,
    via,
    coldMs: round(cold.ms, 3),
    warmMs: round(percentile(warmTimes, 50), 3),
    error: cold.error ?? warm.find((t) => t.error)?.error ?? null,
    attempts: [cold, ...warm],
  };
};

const maxOf = (values: (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : Math.max(...v);
};

/**
 * The OS resolver (`dns.lookup`, what every app uses: hosts file, cache, search domains) and
 * each DNS server directly (`Resolver.resolve4`), first (cold) and repeated (warm).
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
    const servers = ctx.targets.resolvers.length > 0 ? ctx.targets.resolvers : dns.getServers();
    const steps = names.length * (1 + servers.length);
    let done = 0;
    const step = () => ctx.progress(++done / steps, `${done} of ${steps} names resolved`);

    const lookups = await Promise.all(
      names.map(async (name) => {
        const r = await measure(ctx, name, 'os', () => dns.promises.lookup(name));
        step();
        return r;
      }),
    );
    const direct = await Promise.all(
      servers.map(async (server) => {
        const resolver = new dns.promises.Resolver({ timeout: queryTimeoutMs, tries: 1 });
        ctx.track({ close: () => resolver.cancel() });
        resolver.setServers([server]);
        const out = [];
        for (const name of names) {
          out.push(await measure(ctx, name, server, () => resolver.resolve4(name)));
          step();
        }
        return out;
      }),
    );
    const resolved = direct.flat();
    const attempts = [...lookups, ...resolved].flatMap((r) => r.attempts);
    const failures = attempts.filter((a) => a.ms === null).length;
    const failed = [...lookups, ...resolved].filter((r) => r.error);
    const strip = ({ attempts: _a, ...rest }: NameTiming & { attempts: Timed[] }): NameTiming => rest;
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
        'dns.resolve_ms_p50': servers.length === 0 ? 'no DNS server is configured to query directly' : 'no direct query was answered',
        'dns.resolve_cold_ms': servers.length === 0 ? 'no DNS server is configured to query directly' : 'no direct query was answered',
        'dns.lookup_ms_p50': 'no lookup was answered',
        'dns.lookup_cold_ms': 'no lookup was answered',
      },
      details: { servers, lookups: lookups.map(strip), resolvers: resolved.map(strip) },
      message:
        servers.length === 0
          ? 'No DNS servers are configured; only the OS resolver was timed.'
          : failed.length > 0
            ? `${failed.length} name/resolver pair${failed.length === 1 ? '' : 's'} failed: ${failed
                .slice(0, 5)
                .map((f) => `${f.name} via ${f.via} (${f.error})`)
                .join(', ')}`
            : `${names.length} names via the OS and ${servers.length} resolver${servers.length === 1 ? '' : 's'}.`,
    };
  },
};
