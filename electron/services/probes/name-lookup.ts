import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Closable } from './probe-definition';

/**
 * Name → address through c-ares (node:dns Resolver) with a per-query timeout, not getaddrinfo:
 * getaddrinfo runs on libuv's four-thread pool and cannot be cancelled, so on a site whose DNS is
 * silent every pending lookup holds the process open for the OS resolver's full retry schedule
 * (31–41 s measured) after the results are printed. c-ares queries are cancelled with the probe.
 * The hosts file is read first, so names the OS maps locally still resolve as an app sees them.
 */
export interface NameLookupOptions {
  /** First try's timeout; c-ares backs off on each retry (see lookupBudgetMs). */
  readonly timeoutMs: number;
  readonly tries: number;
  /** DNS servers to ask; default: the ones the OS is configured with. */
  readonly servers?: readonly string[];
  readonly hostsFile?: string | null;
}

export const defaultNameLookup: NameLookupOptions = { timeoutMs: 700, tries: 2 };

/**
 * How long a silent server keeps one query waiting. Measured with the c-ares in Node 22/24
 * (1.34) against a black-holed server: tries 1 → 1·timeout, tries 2 → 4·timeout (1000 ms gave
 * 4.0 s, 750 ms gave 3.0 s), so a timeout of 700 ms learns "silent" in about 2.8 s.
 */
export const lookupBudgetMs = (o: Pick<NameLookupOptions, 'timeoutMs' | 'tries'>): number => (o.tries <= 1 ? o.timeoutMs : o.timeoutMs * 2 ** o.tries);

/** A lookup that failed, with the reason in plain words and what kind of failure it was. */
export class NameLookupError extends Error {
  readonly code: 'DNS_SILENT' | 'DNS_REFUSED' | 'NO_SUCH_NAME' | 'NO_DNS_SERVER' | 'DNS_ERROR';
  constructor(code: NameLookupError['code'], message: string) {
    super(message);
    this.name = 'NameLookupError';
    this.code = code;
  }
}

export const systemHostsFile = (platform: NodeJS.Platform = process.platform): string =>
  platform === 'win32' ? path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'drivers', 'etc', 'hosts') : '/etc/hosts';

/** `address name alias…` lines; the first address given for a name wins, as in the OS. */
export const parseHostsFile = (text: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const [address, ...names] = (raw.split('#')[0] ?? '').trim().split(/\s+/);
    if (!address || !net.isIP(address)) continue;
    for (const name of names) if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), address);
  }
  return map;
};

const readHosts = (file: string | null | undefined): Map<string, string> => {
  if (!file) return new Map();
  try {
    return parseHostsFile(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    // No hosts file (or unreadable): every name goes to DNS, which is what the OS would do too.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') process.emitWarning(`hosts file ${file} not readable: ${(error as Error).message}`);
    return new Map();
  }
};

const describeFailure = (host: string, error: NodeJS.ErrnoException, servers: readonly string[], budgetMs: number): NameLookupError => {
  const who = servers.length > 0 ? servers.join(', ') : 'no server';
  switch (error.code) {
    case 'ETIMEOUT':
      return new NameLookupError('DNS_SILENT', `DNS silent: ${who} did not answer for ${host} within ${(budgetMs / 1000).toFixed(1)} s (${servers.length === 1 ? 'it' : 'they'} may be down, or blocked beyond the gateway)`);
    case 'ECONNREFUSED':
      return new NameLookupError('DNS_REFUSED', `DNS refused: ${who} refused the query for ${host} (nothing listens on port 53)`);
    case 'ENOTFOUND':
    case 'ENODATA':
      return new NameLookupError('NO_SUCH_NAME', `${host} does not exist in DNS (asked ${who})`);
    default:
      return new NameLookupError('DNS_ERROR', `DNS failed for ${host} via ${who} (${error.code ?? error.message})`);
  }
};

/**
 * Builds the lookup a probe run uses. `track` registers the resolver so the run cancels its
 * queries on abort (a cancelled query ends at once; nothing is left on the loop).
 */
export const makeNameLookup = (options: NameLookupOptions = defaultNameLookup, track?: (c: Closable) => void) => {
  const hosts = readHosts(options.hostsFile === undefined ? systemHostsFile() : options.hostsFile);
  const servers = options.servers ?? dns.getServers();
  const budget = lookupBudgetMs(options);
  return async (host: string): Promise<string> => {
    if (net.isIP(host)) return host;
    const name = host.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) return '127.0.0.1';
    const local = hosts.get(name);
    if (local) return local;
    if (servers.length === 0) throw new NameLookupError('NO_DNS_SERVER', `no DNS server is configured, so ${host} cannot be resolved`);
    const resolver = new dns.promises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
    resolver.setServers([...servers]);
    track?.({ close: () => resolver.cancel() });
    try {
      return (await resolver.resolve4(name))[0] as string;
    } catch (v4Error) {
      const code = (v4Error as NodeJS.ErrnoException).code;
      // A name with only AAAA records: ask for those before calling it missing.
      if (code === 'ENODATA' || code === 'ENOTFOUND') {
        const v6 = await resolver.resolve6(name).catch((): string[] => {
          // handled: no AAAA either, so the A query's own failure below is what the user is told.
          return [];
        });
        if (v6[0]) return v6[0];
      }
      throw describeFailure(host, v4Error as NodeJS.ErrnoException, servers, budget);
    }
  };
};
