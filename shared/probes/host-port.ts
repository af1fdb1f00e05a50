/**
 * `host`, `host:port`, `[v6]:port` or a bare IPv6 address, split without Node (the contract
 * validates targets with it, the probes connect with it). A port outside 1–65535 or a host
 * that could be read as a command-line option (`-c`) is refused here, so it never reaches a
 * socket (ERR_SOCKET_BAD_PORT) or a child process's argv.
 */
export interface SplitHostPort {
  readonly host: string;
  /** Null when the target names no port. */
  readonly port: number | null;
}

export type HostPortCheck = { readonly ok: true; readonly value: SplitHostPort } | { readonly ok: false; readonly reason: string };

const portOf = (text: string): number | string => {
  if (!/^\d{1,12}$/.test(text)) return `the port "${text.slice(0, 12)}" is not a number from 1 to 65535`;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : `the port ${port} is outside 1–65535`;
};

const hostProblem = (host: string): string | null => {
  if (host === '') return 'the host is empty';
  if (host.startsWith('-')) return `"${host.slice(0, 20)}" starts with "-": a host name never does (it would read as an option)`;
  return null;
};

export const checkHostPort = (target: string): HostPortCheck => {
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(target);
  let host: string;
  let portText: string | undefined;
  if (bracketed) {
    host = bracketed[1] as string;
    portText = bracketed[2];
    if (!host.includes(':')) return { ok: false, reason: `"[${host}]" is not an IPv6 address` };
  } else if ((target.match(/:/g) ?? []).length > 1) {
    host = target; // a bare IPv6 address: no port can be given without brackets
  } else {
    const colon = target.indexOf(':');
    host = colon === -1 ? target : target.slice(0, colon);
    portText = colon === -1 ? undefined : target.slice(colon + 1);
  }
  const problem = hostProblem(host);
  if (problem) return { ok: false, reason: problem };
  if (portText === undefined) return { ok: true, value: { host, port: null } };
  const port = portOf(portText);
  return typeof port === 'string' ? { ok: false, reason: port } : { ok: true, value: { host, port } };
};

/** The host and port to use; throws the plain reason for a target the schema would refuse. */
export const splitHostPort = (target: string, defaultPort: number): { host: string; port: number } => {
  const checked = checkHostPort(target);
  if (!checked.ok) throw new RangeError(`${target.slice(0, 60)}: ${checked.reason}`);
  return { host: checked.value.host, port: checked.value.port ?? defaultPort };
};
