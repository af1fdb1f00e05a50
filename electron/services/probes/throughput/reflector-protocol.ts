/**
 * The Groundwork reflector protocol (ours; documented in docs/metrics.md).
 * UDP: a datagram starting with `GWE1` is echoed back unchanged (at most 1472 bytes).
 * TCP: the client's first line is `GWR1 {"mode":"sink"|"source"|"echo"}\n`.
 *   sink   — the server discards what it reads and reports `{"bytes":n,"firstAt":ms,"lastAt":ms}\n`
 *            every 250 ms and once more with `"done":true` when the client half-closes; `cpuPct`
 *            (optional) is the server process's CPU since the stream's header, percent of one core.
 *   source — the server sends data until the client closes (or 70 s pass).
 *   echo   — the server sends back what it reads.
 */
export const udpEchoMagic = Buffer.from('GWE1');
export const tcpHeaderPrefix = 'GWR1 ';
export const maxUdpEcho = 1472;
export const maxSourceSeconds = 70;
export const defaultReflectorPort = 5299;

export type ReflectorMode = 'sink' | 'source' | 'echo';

export interface SinkReport {
  readonly bytes: number;
  /** Server clock, ms (performance.timeOrigin based), of the first and latest payload byte. */
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  readonly done?: boolean;
  /** The server process's CPU since the stream began, percent of one core (a reflector before this field sends none). */
  readonly cpuPct?: number;
}

export const encodeHeader = (mode: ReflectorMode): string => `${tcpHeaderPrefix}${JSON.stringify({ mode })}\n`;
