/**
 * The OS's proxy settings as the platform tools print them. `reg` and `scutil` print their
 * value names and types untranslated, whatever the display language, so these parsers need no
 * locale variants.
 */
export interface OsProxySettings {
  /** Proxy for https:// URLs, as `http://host:port`; null when none is set. */
  readonly httpsProxy: string | null;
  readonly httpProxy: string | null;
  /** Hosts that go direct: `*.corp.example`, `10.*`, `169.254/16`, exact names. */
  readonly bypass: readonly string[];
  /** Names without a dot go direct (Windows `<local>`, macOS ExcludeSimpleHostnames). */
  readonly bypassSimpleNames: boolean;
  /** A PAC file's address, where one is configured. */
  readonly pacUrl: string | null;
  /** WPAD auto-discovery switched on; null where the platform does not say in this source. */
  readonly autoDiscovery: boolean | null;
}

const asProxyUrl = (hostPort: string): string | null => {
  const value = hostPort.trim();
  if (value === '') return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
};

/**
 * `reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"`: ProxyEnable,
 * ProxyServer (`host:port` for every scheme, or `http=h:p;https=h:p`), ProxyOverride (`;`-list,
 * `<local>` for dotless names) and AutoConfigURL. Values of subkeys (listed after the first key) are ignored.
 */
export const parseWindowsInternetSettings = (output: string): OsProxySettings => {
  const values = new Map<string, string>();
  let keys = 0;
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line.trim())) {
      keys += 1;
      if (keys > 1) break;
      continue;
    }
    const match = /^\s+(\S(?:.*?\S)?)\s{2,}(REG_[A-Z_]+)\s{2,}(.*?)\s*$/.exec(line) ?? /^\s+(\S(?:.*?\S)?)\s{2,}(REG_[A-Z_]+)\s*$/.exec(line);
    if (match) values.set((match[1] as string).toLowerCase(), match[3] ?? '');
  }
  const enabled = /^0x0*1$/i.test(values.get('proxyenable') ?? '');
  const server = enabled ? (values.get('proxyserver') ?? '') : '';
  let httpsProxy: string | null = null;
  let httpProxy: string | null = null;
  if (server.includes('=')) {
    const perScheme = new Map(
      server
        .split(';')
        .map((part) => part.split('=').map((s) => s.trim()))
        .filter((kv) => kv.length === 2)
        .map(([k, v]) => [(k as string).toLowerCase(), v as string]),
    );
    httpsProxy = asProxyUrl(perScheme.get('https') ?? '');
    httpProxy = asProxyUrl(perScheme.get('http') ?? '');
  } else {
    httpsProxy = asProxyUrl(server);
    httpProxy = httpsProxy;
  }
  const override = enabled ? (values.get('proxyoverride') ?? '').split(';').map((s) => s.trim()).filter(Boolean) : [];
  return {
    httpsProxy,
    httpProxy,
    bypass: override.filter((s) => s.toLowerCase() !== '<local>'),
    bypassSimpleNames: override.some((s) => s.toLowerCase() === '<local>'),
    pacUrl: values.get('autoconfigurl')?.trim() || null,
    // Auto-detect lives in a binary blob (DefaultConnectionSettings), not in these values.
    autoDiscovery: null,
  };
};

/**
 * `scutil --proxy`: the dictionary macOS's system configuration holds for the primary network
 * service. Only the top level is read (`__SCOPED__` repeats it per interface).
 */
export const parseScutilProxy = (output: string): OsProxySettings => {
  const values = new Map<string, string>();
  const exceptions: string[] = [];
  const open: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const opener = /^\s*(?:(\w+)\s*:\s*)?<(?:dictionary|array)>\s*{\s*$/.exec(line);
    if (opener) {
      open.push(opener[1] ?? '');
      continue;
    }
    if (/^\s*}\s*$/.test(line)) {
      open.pop();
      continue;
    }
    const kv = /^\s*(\w+)\s*:\s*(.+?)\s*$/.exec(line);
    if (!kv) continue;
    if (open.length === 1) values.set(kv[1] as string, kv[2] as string);
    else if (open.length === 2 && open[1] === 'ExceptionsList') exceptions.push(kv[2] as string);
  }
  const proxy = (scheme: 'HTTP' | 'HTTPS'): string | null => {
    if (values.get(`${scheme}Enable`) !== '1') return null;
    const host = values.get(`${scheme}Proxy`);
    if (!host) return null;
    const port = values.get(`${scheme}Port`);
    return asProxyUrl(port ? `${host}:${port}` : host);
  };
  return {
    httpsProxy: proxy('HTTPS'),
    httpProxy: proxy('HTTP'),
    bypass: exceptions,
    bypassSimpleNames: values.get('ExcludeSimpleHostnames') === '1',
    pacUrl: values.get('ProxyAutoConfigEnable') === '1' ? (values.get('ProxyAutoConfigURLString') ?? null) : null,
    autoDiscovery: values.has('ProxyAutoDiscoveryEnable') ? values.get('ProxyAutoDiscoveryEnable') === '1' : null,
  };
};

const ipv4Prefix = /^(\d{1,3}(?:\.\d{1,3}){0,3})\/(\d{1,2})$/;

const ipv4ToNumber = (parts: number[]): number => parts.reduce((n, p) => n * 256 + p, 0);

/** Whether an OS bypass entry covers a host: globs (`*.corp`, `10.*`), `net/len` prefixes, exact names. */
export const bypassMatches = (entry: string, host: string): boolean => {
  const h = host.toLowerCase();
  const e = entry.trim().toLowerCase();
  if (e === '') return false;
  const prefix = ipv4Prefix.exec(e);
  if (prefix) {
    const hostParts = h.split('.').map(Number);
    if (hostParts.length !== 4 || hostParts.some((p) => !Number.isInteger(p) || p > 255)) return false;
    const netParts = (prefix[1] as string).split('.').map(Number);
    while (netParts.length < 4) netParts.push(0);
    const bits = Number(prefix[2]);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return ((ipv4ToNumber(hostParts) & mask) >>> 0) === ((ipv4ToNumber(netParts) & mask) >>> 0);
  }
  if (e.includes('*')) {
    const pattern = new RegExp(`^${e.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return pattern.test(h);
  }
  // `.corp.example` covers the domain's hosts, as curl and Windows read it.
  if (e.startsWith('.')) return h.endsWith(e) || h === e.slice(1);
  return h === e;
};
