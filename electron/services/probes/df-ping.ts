import net from 'node:net';
import { argvHost, parsePingOutput } from './parsers/ping-output';
import type { ProbeContext } from './probe-definition';
import { runCommand } from './run-command';

/** IP + ICMP echo header: 20 + 8 for IPv4, 40 + 8 for IPv6 (ping's -s is the payload after them). */
export const headerOverhead = (address: string): number => (net.isIPv6(address) ? 48 : 28);

/** The smallest MTU each family must carry (RFC 791 and RFC 8200). */
export const minimumMtu = (address: string): number => (net.isIPv6(address) ? 1280 : 68);

/**
 * One echo of `payload` bytes with fragmentation forbidden. IPv6 routers never fragment, so only
 * the sender has to be told (Linux `-M do` covers both families; macOS `ping6 -m`; Windows never
 * fragments an IPv6 echo it was asked to send whole). Waiting is bounded by killing the child at
 * `waitMs`, not by ping's whole-second `-W`, so a silent step costs what the path needs.
 */
export const dfEchoCommand = (platform: NodeJS.Platform, address: string, payload: number): [string, string[]] => {
  const host = argvHost(address);
  const v6 = net.isIPv6(address);
  if (platform === 'win32') return ['ping', [v6 ? '-6' : '-4', ...(v6 ? [] : ['-f']), '-l', String(payload), '-n', '1', '-w', '1000', host]];
  if (platform === 'darwin') return v6 ? ['ping6', ['-m', '-s', String(payload), '-c', '1', host]] : ['ping', ['-D', '-s', String(payload), '-c', '1', '-W', '1000', host]];
  return ['ping', [v6 ? '-6' : '-4', '-M', 'do', '-s', String(payload), '-c', '1', '-W', '1', host]];
};

export interface DfEcho {
  readonly passed: boolean;
  /** The MTU the local stack or an ICMP "fragmentation needed" / "packet too big" named. */
  readonly reportedMtu: number | null;
  readonly rttMs: number | null;
}

/** Linux says `mtu=1400`, `mtu = 1400` (ICMP from a router) or `mtu: 1400` (IPv6 local error); Windows and macOS similar. */
export const parseDfEcho = (output: string, platform: NodeJS.Platform): DfEcho => {
  const rtts = parsePingOutput(output, platform).rtts;
  const mtu = /\bmtu\s*[=:]?\s*(\d{2,5})\b/i.exec(output) ?? /\(MTU (\d+)\)/i.exec(output);
  return { passed: rtts.length > 0, reportedMtu: mtu ? Number(mtu[1]) : null, rttMs: rtts[0] ?? null };
};

/** The stack refused to send it (Linux IPv6 then still waits out -W): the answer is known, stop ping there. */
const refusedLocally = /local error|message too long/i;

export const dfEcho = async (ctx: ProbeContext, address: string, packetBytes: number, waitMs: number): Promise<DfEcho> => {
  const [command, args] = dfEchoCommand(ctx.platform, address, packetBytes - headerOverhead(address));
  const out = await runCommand(ctx, command, args, waitMs, refusedLocally);
  return parseDfEcho(`${out.stdout}\n${out.stderr}`, ctx.platform);
};

export interface PathMtuSearch {
  /** Largest packet (IP header included) that got an answer with fragmentation forbidden; null when not settled. */
  readonly mtu: number | null;
  /** The MTU the stack or a router reported on the way, if any. */
  readonly reportedMtu: number | null;
  /** Largest size that passed and smallest that did not, when the search stopped. */
  readonly largestPassed: number | null;
  readonly smallestFailed: number | null;
  readonly steps: number;
  readonly elapsedMs: number;
  readonly note: string;
}

/**
 * Path MTU to one address within `deadlineMs`: a small echo first (is ICMP answered at all, and
 * how long to wait per step), then 1500 bytes; when the stack or a router reports an MTU the
 * search jumps there and confirms it (that size passes, one byte more does not), following each
 * smaller MTU reported further along; without reports it halves the interval between the largest
 * size that passed and the smallest that did not, down to the family's minimum MTU.
 */
export const searchPathMtu = async (ctx: ProbeContext, address: string, deadlineMs: number, ceiling = 1500): Promise<PathMtuSearch> => {
  const started = performance.now();
  let steps = 0;
  let reportedMtu: number | null = null;
  const elapsed = () => Math.round(performance.now() - started);
  const result = (mtu: number | null, note: string, passed: number | null, failed: number | null): PathMtuSearch => ({
    mtu,
    reportedMtu,
    largestPassed: passed,
    smallestFailed: failed,
    steps,
    elapsedMs: elapsed(),
    note,
  });

  const smallest = minimumMtu(address);
  const probeSize = Math.min(ceiling, Math.max(smallest, headerOverhead(address) + 56));
  steps += 1;
  const first = await dfEcho(ctx, address, probeSize, Math.min(1500, deadlineMs));
  if (!first.passed) return result(null, `no answer to a ${probeSize}-byte echo within ${(elapsed() / 1000).toFixed(1)} s (ICMP blocked, or no route)`, null, null);
  // The first echo may have waited for ARP/neighbour discovery: a second one times the path itself.
  steps += 1;
  const second = await dfEcho(ctx, address, probeSize, 1000);
  const rtt = Math.min(first.rttMs ?? 1000, second.rttMs ?? 1000);
  // Per step: the path's round trip several times over plus the cost of starting ping.
  const waitMs = Math.round(Math.min(1000, Math.max(300, 4 * rtt + 200)));

  let passed = probeSize;
  let failed = ceiling + 1;
  let next: number = ceiling;
  let jumped = false;
  while (failed - passed > 1) {
    if (performance.now() - started + waitMs > deadlineMs) {
      return result(null, `search stopped at the ${(deadlineMs / 1000).toFixed(1)} s deadline: ${passed} bytes pass, ${failed <= ceiling ? `${failed} do not` : 'larger untested'}`, passed, failed <= ceiling ? failed : null);
    }
    steps += 1;
    const echo = await dfEcho(ctx, address, next, waitMs);
    const reported = echo.reportedMtu !== null && echo.reportedMtu >= passed && echo.reportedMtu < next ? echo.reportedMtu : null;
    if (reported !== null) reportedMtu = reportedMtu === null ? reported : Math.min(reportedMtu, reported);
    if (!echo.passed && reported === passed) {
      // The size that passed is the one the path reports: nothing larger will be sent.
      failed = passed + 1;
      break;
    }
    if (echo.passed) {
      passed = next;
      // A reported size that passed is confirmed by one byte more failing (at once: the stack knows);
      // otherwise halve.
      next = jumped ? passed + 1 : Math.floor((passed + failed) / 2);
      jumped = false;
    } else {
      failed = next;
      jumped = reported !== null;
      next = reported ?? Math.floor((passed + failed) / 2);
    }
    if (next >= failed || next <= passed) next = Math.floor((passed + failed) / 2);
  }
  const mtu = passed;
  if (mtu >= ceiling) return result(mtu, `full ${ceiling}-byte packets pass`, passed, null);
  return result(mtu, reportedMtu === mtu ? `the path reported ${mtu} and it was confirmed` : 'packets above this size are dropped without a report (found by halving)', passed, failed);
};
