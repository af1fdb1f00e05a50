import type net from 'node:net';
import { cpuPercentOfOneCore } from '../../../../shared/probes/cpu-bound';
import type { ProbeContext } from '../probe-definition';

export type Direction = 'download' | 'upload';

export interface DirectionResult {
  readonly direction: Direction;
  /** Receiver-side rate over all streams; null when nothing arrived. */
  readonly mbps: number | null;
  readonly bytes: number;
  readonly seconds: number;
  readonly streams: number;
  /**
   * Percent of one core each end used during the test: ours from process.cpuUsage() over the
   * test's wall time, the server's as it reported it (iperf3's results exchange; a reflector's sink reports on upload,
   * nothing on download).
   */
  readonly cpu: { readonly clientPct: number | null; readonly serverPct: number | null };
}

export interface CpuSpent {
  readonly total: number;
  readonly user: number;
  readonly system: number;
}

/**
 * Starts counting this process's CPU time (every thread: the event loop, libuv, the latency
 * worker); the returned function gives percent of one core since, in total, user and system.
 */
export const startCpuMeter = (): (() => CpuSpent | null) => {
  const usage = process.cpuUsage();
  const started = performance.now();
  return () => {
    const spent = process.cpuUsage(usage);
    const wallMs = performance.now() - started;
    const total = cpuPercentOfOneCore(spent, wallMs);
    if (total === null) return null;
    return { total, user: cpuPercentOfOneCore({ user: spent.user, system: 0 }, wallMs) ?? 0, system: cpuPercentOfOneCore({ user: 0, system: spent.system }, wallMs) ?? 0 };
  };
};

export interface ThroughputRunOptions {
  readonly ctx: ProbeContext;
  readonly host: string;
  readonly port: number;
  readonly direction: Direction;
  readonly seconds: number;
  readonly streams: number;
  /** Called about every 250 ms with the rate over the last interval. */
  readonly onInterval?: (mbps: number) => void;
}

export const toMbps = (bytes: number, ms: number): number | null => (ms > 0 && bytes > 0 ? (bytes * 8) / (ms * 1000) : null);

export const blockSize = 128 * 1024;
export const sendBlock = Buffer.alloc(blockSize, 0x47);

/** What one kernel read may fill: large reads keep the per-read cost off a multi-Gbit/s receive. */
export const receiveBufferSize = 256 * 1024;

/**
 * A socket's `onread` that counts bytes only: the kernel reads into one buffer reused for every
 * read, where 'data' events allocate a new Buffer per chunk (at veth speeds that cost ~3/4 of the
 * rate). Each stream gets its own buffer; nothing read is kept.
 */
export const countingOnread = (onBytes: (bytes: number) => void): { buffer: Buffer; callback: (bytes: number) => boolean } => ({
  buffer: Buffer.allocUnsafe(receiveBufferSize),
  callback: (bytes) => {
    onBytes(bytes);
    return true;
  },
});

/**
 * countingOnread for a socket a net.Server accepted (the server takes no `onread` option): sets the
 * two fields Node keeps that option in and hands the handle the buffer, so later reads count into
 * it with no 'data' event. False, with nothing changed, on a Node that keeps them elsewhere; the
 * caller's 'data' listener counts then (and still counts anything read before the switch).
 */
export const countIntoUserBuffer = (socket: net.Socket, onBytes: (bytes: number) => void): boolean => {
  const symbols = Object.getOwnPropertySymbols(socket);
  const kBuffer = symbols.find((s) => s.description === 'kBuffer');
  const kBufferCb = symbols.find((s) => s.description === 'kBufferCb');
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (buffer: Uint8Array) => void } | null })._handle;
  const fields = socket as unknown as Record<symbol, unknown>;
  if (!kBuffer || !kBufferCb || fields[kBuffer] !== null || typeof handle?.useUserBuffer !== 'function') return false;
  const { buffer, callback } = countingOnread(onBytes);
  fields[kBuffer] = buffer;
  fields[kBufferCb] = callback;
  handle.useUserBuffer(buffer);
  return true;
};
