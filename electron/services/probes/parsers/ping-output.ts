/** What a platform `ping` said, whatever the platform. */
export interface PingSummary {
  readonly sent: number | null;
  readonly received: number | null;
  readonly lossPct: number | null;
  /** Per-reply times, in order. */
  readonly rtts: number[];
  readonly minMs: number | null;
  readonly avgMs: number | null;
  readonly maxMs: number | null;
  /** The host could not be resolved or reached at all. */
  readonly unreachable: boolean;
}

const num = (text: string | undefined): number | null => (text === undefined ? null : Number(text.replace(',', '.')));

/**
 * Windows `ping` in English, German and French. Matched by structure, not by words, wherever the
 * structure allows it (the counts line is "X = n, Y = n, Z = n", the times line three "= n ms"),
 * and with `.` for accented letters: piped, ping writes the OEM code page, which reads as
 * replacement characters when decoded as UTF-8.
 */
const windowsNoHost = /could not find host|konnte Host .* nicht finden|n.a pas pu trouver l.h.te/i;
const windowsNoRoute = /Destination (?:host|net) unreachable|Zielhost nicht erreichbar|Zielnetz nicht erreichbar|Impossible de joindre l.h.te de destination|General failure|Allgemeiner Fehler|D.faillance g.n.rale|Transmit failed|.bertragung fehlgeschlagen|.chec de la transmission/i;

const parseWindowsPing = (output: string): PingSummary => {
  const rtts: number[] = [];
  for (const match of output.matchAll(/(?:time|Zeit|temps)\s*([<=])\s*([\d.,]+)\s*ms/gi)) {
    const value = num(match[2]) as number;
    rtts.push(match[1] === '<' ? value / 2 : value);
  }
  const counts = /=\s*(\d+),\s*[^=\r\n]*?=\s*(\d+),\s*[^=\r\n]*?=\s*(\d+)/.exec(output);
  const lossMatch = /\((?:[^\d\r\n)]*?)(\d+)\s*%/.exec(output);
  const times = /=\s*(\d+)\s*ms,\s*[^=\r\n]*?=\s*(\d+)\s*ms,\s*[^=\r\n]*?=\s*(\d+)\s*ms/i.exec(output);
  const sent = num(counts?.[1]);
  // "Destination host unreachable" replies are counted as received by Windows: they are not echoes.
  const received = counts ? rtts.length : null;
  const lossPct = sent ? Math.round(((sent - rtts.length) / sent) * 100) : num(lossMatch?.[1]);
  return {
    sent,
    received,
    lossPct,
    rtts,
    minMs: num(times?.[1]),
    avgMs: num(times?.[3]),
    maxMs: num(times?.[2]),
    unreachable: (windowsNoHost.test(output) || windowsNoRoute.test(output)) && rtts.length === 0,
  };
};

/** Parses Linux (iputils/busybox), macOS/BSD (never translated) and Windows (English, German, French) `ping` output. */
export const parsePingOutput = (output: string, platform: NodeJS.Platform): PingSummary => {
  if (platform === 'win32') return parseWindowsPing(output);
  const rtts: number[] = [];
  for (const match of output.matchAll(/time[=<]([\d.]+)\s*ms/g)) rtts.push(Number(match[1]));
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received(?:, \+\d+ errors)?, ([\d.]+)% packet loss/.exec(output);
  const summary = /(?:rtt|round-trip) min\/avg\/max\/(?:mdev|stddev) = ([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(output);
  return {
    sent: num(counts?.[1]),
    received: num(counts?.[2]),
    lossPct: num(counts?.[3]),
    rtts,
    minMs: num(summary?.[1]),
    avgMs: num(summary?.[2]),
    maxMs: num(summary?.[3]),
    unreachable:
      /unknown host|cannot resolve|Name or service not known|Network is unreachable|No route to host|Temporary failure in name resolution/i.test(
        output,
      ) && rtts.length === 0,
  };
};

/** One don't-fragment ping of a given size: passed, too big (with the MTU a router named), or no answer. */
export interface DfPingOutcome {
  readonly passed: boolean;
  readonly tooBig: boolean;
  readonly reportedMtu: number | null;
}

export const parseDfPingOutput = (output: string, platform: NodeJS.Platform): DfPingOutcome => {
  const replies = parsePingOutput(output, platform).rtts.length;
  const mtuMatch = /mtu\s*=?\s*(\d+)/i.exec(output) ?? /\(MTU (\d+)\)/i.exec(output);
  const tooBig =
    /message too long|frag(mentation)? needed|needs to be fragmented|Frag needed and DF set|packet too big|fragmentiert werden|doit .tre fragment/i.test(output) && replies === 0;
  return { passed: replies > 0, tooBig, reportedMtu: mtuMatch ? Number(mtuMatch[1]) : null };
};

/**
 * A host as the last word of a tool's argv: one that could read as an option (`-c`) or carries
 * a space never gets there, whatever the caller validated.
 */
export const argvHost = (host: string): string => {
  if (host === '' || host.startsWith('-') || /\s/.test(host)) throw new RangeError(`"${host.slice(0, 40)}" is not a host name or address`);
  return host;
};

/** The command line for one ping run per platform (count probes, per-reply timeout in ms). */
export const pingCommand = (platform: NodeJS.Platform, target: string, count: number, timeoutMs: number): [string, string[]] => {
  const host = argvHost(target);
  if (platform === 'win32') return ['ping', ['-n', String(count), '-w', String(timeoutMs), host]];
  // macOS lets only root go below a 1 s interval on some releases: keep its default.
  if (platform === 'darwin') return ['ping', ['-c', String(count), '-W', String(timeoutMs), host]];
  return ['ping', ['-c', String(count), '-i', '0.2', '-W', String(Math.max(1, Math.ceil(timeoutMs / 1000))), host]];
};

/** A don't-fragment ping carrying `payload` bytes (MTU = payload + 28 for IPv4). */
export const dfPingCommand = (platform: NodeJS.Platform, target: string, payload: number): [string, string[]] => {
  const host = argvHost(target);
  if (platform === 'win32') return ['ping', ['-f', '-l', String(payload), '-n', '1', '-w', '1000', host]];
  if (platform === 'darwin') return ['ping', ['-D', '-s', String(payload), '-c', '1', '-W', '1000', host]];
  return ['ping', ['-M', 'do', '-s', String(payload), '-c', '1', '-W', '1', host]];
};
