import { getProxyForUrl } from 'proxy-from-env';
import { bypassMatches, parseScutilProxy, parseWindowsInternetSettings, type OsProxySettings } from './parsers/proxy-output';
import type { ProbeContext } from './probe-definition';
import { runCommand } from './run-command';

/** Where a machine's proxy settings come from, read once per probe run. */
export interface ProxyPlan {
  /** HTTPS_PROXY & co. that are set (names only: values can carry credentials). */
  readonly environment: readonly string[];
  /** Where the OS settings were read, e.g. "Windows Internet Settings (reg query)"; null where there are none to read. */
  readonly osSource: string | null;
  readonly os: OsProxySettings | null;
  /** Why the OS settings are not known, in plain words, when they are not. */
  readonly osUnknown: string | null;
}

export interface ProxyRoute {
  /** The proxy this URL goes through, or null for direct. */
  readonly proxy: string | null;
  /** What decided it: "HTTPS_PROXY", "NO_PROXY", "Windows Internet Settings", "no proxy configured"... */
  readonly decidedBy: string;
}

const proxyVariables = ['https_proxy', 'http_proxy', 'all_proxy', 'no_proxy'];

export const environmentProxyVariables = (env: NodeJS.ProcessEnv): string[] =>
  proxyVariables.flatMap((name) => [name.toUpperCase(), name]).filter((name, i, all) => env[name] && all.indexOf(name) === i);

const internetSettingsKey = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** The OS's own proxy settings where a tool prints them in a fixed format; Linux has none beyond the environment. */
const readOsProxy = async (ctx: ProbeContext): Promise<Pick<ProxyPlan, 'os' | 'osSource' | 'osUnknown'>> => {
  const read = async (command: string, args: string[], source: string, parse: (text: string) => OsProxySettings) => {
    try {
      const out = await runCommand(ctx, command, args, 4000);
      if (out.code !== 0) return { os: null, osSource: source, osUnknown: `${command} exited with code ${out.code ?? 'none'}: ${out.stderr.trim().slice(0, 120) || 'no message'}` };
      return { os: parse(out.stdout), osSource: source, osUnknown: null };
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      // The environment still decides; the result says the OS settings are unknown and why.
      ctx.log.debug({ err: error }, 'proxy settings: OS settings not readable');
      return { os: null, osSource: source, osUnknown: error instanceof Error ? error.message : String(error) };
    }
  };
  if (ctx.platform === 'win32') return read('reg', ['query', internetSettingsKey], 'Windows Internet Settings (per user)', parseWindowsInternetSettings);
  if (ctx.platform === 'darwin') return read('scutil', ['--proxy'], 'macOS network settings (scutil --proxy)', parseScutilProxy);
  return { os: null, osSource: null, osUnknown: 'Linux has no system-wide proxy setting beyond the environment variables' };
};

export const readProxyPlan = async (ctx: ProbeContext, env: NodeJS.ProcessEnv = process.env): Promise<ProxyPlan> => ({
  environment: environmentProxyVariables(env),
  ...(await readOsProxy(ctx)),
});

/**
 * The route a URL takes: the environment's variables first (what command-line tools, SDKs and
 * agents honour), else the OS settings' fixed proxy and bypass list (what browsers and desktop
 * apps honour). A PAC file is reported, not run.
 */
export const routeFor = (plan: ProxyPlan, rawUrl: string): ProxyRoute => {
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const envSetsProxy = plan.environment.some((n) => !/^no_proxy$/i.test(n));
  if (envSetsProxy) {
    const proxy = getProxyForUrl(rawUrl);
    if (proxy) return { proxy, decidedBy: url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY' };
    return { proxy: null, decidedBy: plan.environment.some((n) => /^no_proxy$/i.test(n)) ? 'NO_PROXY' : 'no proxy variable for this scheme' };
  }
  const os = plan.os;
  const proxy = os ? (url.protocol === 'https:' ? os.httpsProxy : os.httpProxy) : null;
  if (!os || !proxy) return { proxy: null, decidedBy: 'no proxy configured' };
  if ((os.bypassSimpleNames && !host.includes('.') && !host.includes(':')) || os.bypass.some((entry) => bypassMatches(entry, host))) {
    return { proxy: null, decidedBy: `${plan.osSource ?? 'OS'} bypass list` };
  }
  return { proxy, decidedBy: plan.osSource ?? 'OS settings' };
};

/** Proxy URLs can carry credentials; keep only scheme, host and port. */
export const redactProxy = (value: string): string => {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    // handled: not a URL (a bare host:port), so strip anything that looks like credentials and show the rest.
    return value.replace(/\/\/[^@/]*@/, '//');
  }
};

/** A PAC file's address with any credentials taken out (its path matters, unlike a proxy's). */
export const redactCredentials = (value: string): string => value.replace(/\/\/[^@/]*@/, '//');
