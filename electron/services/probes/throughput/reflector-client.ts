import net from 'node:net';
import { encodeHeader, type SinkReport } from './reflector-protocol';
import { SocketReader } from './socket-reader';
import { countingOnread, startCpuMeter, toMbps, type DirectionResult, type ThroughputRunOptions } from './throughput-types';

/** Upload writes of 1 MiB: an eighth of the writes (and their callbacks) of 128 KiB blocks; at veth speeds that read ~15 % more. */
const uploadBlock = Buffer.alloc(1024 * 1024, 0x47);

/** `onread`: a source stream only counts what arrives (see countingOnread). */
const openStream = (options: ThroughputRunOptions, mode: 'sink' | 'source', onread?: net.OnReadOpts): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const socket = options.ctx.track(net.connect({ host: options.host, port: options.port, ...(onread ? { onread } : {}) }));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the reflector at ${options.host}:${options.port} did not accept a connection within 5 s`));
    }, 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.write(encodeHeader(mode));
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

/** Download: the reflector sends on every stream; we count what arrives between first and last byte. */
const download = async (options: ThroughputRunOptions): Promise<DirectionResult> => {
  let bytes = 0;
  let firstAt: number | null = null;
  let lastAt = 0;
  let intervalBytes = 0;
  const count = (read: number) => {
    const t = performance.now();
    firstAt ??= t;
    lastAt = t;
    bytes += read;
    intervalBytes += read;
  };
  const sockets = await Promise.all(Array.from({ length: options.streams }, () => openStream(options, 'source', countingOnread(count))));
  for (const socket of sockets) socket.on('error', () => undefined);
  const ticker = setInterval(() => {
    options.onInterval?.(((intervalBytes * 8) / 250_000) || 0);
    intervalBytes = 0;
  }, 250);
  const cpuMeter = startCpuMeter();
  let clientPct: number | null = null;
  try {
    await options.ctx.sleep(options.seconds * 1000);
    clientPct = cpuMeter()?.total ?? null;
  } finally {
    clearInterval(ticker);
    for (const socket of sockets) socket.destroy();
  }
  const span = firstAt === null ? 0 : lastAt - firstAt;
  // A source stream carries only data: the reflector's CPU is reported on upload (its sink reports).
  return { direction: 'download', mbps: toMbps(bytes, span), bytes, seconds: span / 1000, streams: sockets.length, cpu: { clientPct, serverPct: null } };
};

/** Upload: we send for the duration; the reflector reports what it received and when (its clock). */
const upload = async (options: ThroughputRunOptions): Promise<DirectionResult> => {
  const sockets = await Promise.all(Array.from({ length: options.streams }, () => openStream(options, 'sink')));
  const latest: SinkReport[] = sockets.map(() => ({ bytes: 0, firstAt: null, lastAt: null }));
  let stopped = false;
  const finals = sockets.map(async (socket, i) => {
    const reader = new SocketReader(socket);
    for (;;) {
      const line = await reader.readLine();
      if (line === null) return;
      try {
        const report = JSON.parse(line) as SinkReport;
        latest[i] = report;
        if (report.done) return;
      } catch {
        // handled: a line that is not a report ends the reading; the result uses the last good report.
        return;
      }
    }
  });
  const pump = (socket: net.Socket) => {
    while (!stopped && !socket.destroyed && socket.write(uploadBlock)) {
      // fill the send buffer; 'drain' resumes
    }
  };
  for (const socket of sockets) {
    socket.on('drain', () => pump(socket));
    socket.on('error', () => undefined);
    pump(socket);
  }
  let lastTotal = 0;
  const cpuMeter = startCpuMeter();
  let clientPct: number | null = null;
  const ticker = setInterval(() => {
    const total = latest.reduce((sum, r) => sum + r.bytes, 0);
    options.onInterval?.(((total - lastTotal) * 8) / 250_000);
    lastTotal = total;
  }, 250);
  try {
    await options.ctx.sleep(options.seconds * 1000);
    clientPct = cpuMeter()?.total ?? null;
    stopped = true;
    for (const socket of sockets) socket.end();
    // What is still queued drains at the link rate; wait for the reflector's final reports.
    await Promise.race([Promise.all(finals), options.ctx.sleep(Math.max(5000, options.seconds * 1000))]);
  } finally {
    stopped = true;
    clearInterval(ticker);
    for (const socket of sockets) socket.destroy();
  }
  const bytes = latest.reduce((sum, r) => sum + r.bytes, 0);
  const firsts = latest.map((r) => r.firstAt).filter((t): t is number => t !== null);
  const lasts = latest.map((r) => r.lastAt).filter((t): t is number => t !== null);
  const span = firsts.length > 0 ? Math.max(...lasts) - Math.min(...firsts) : 0;
  // Every stream's report gives the same process's CPU over about the same span: the busiest reads it.
  const serverPcts = latest.map((r) => r.cpuPct).filter((p): p is number => typeof p === 'number');
  const serverPct = serverPcts.length > 0 ? Math.max(...serverPcts) : null;
  return { direction: 'upload', mbps: toMbps(bytes, span), bytes, seconds: span / 1000, streams: sockets.length, cpu: { clientPct, serverPct } };
};

export const runReflectorThroughput = (options: ThroughputRunOptions): Promise<DirectionResult> =>
  options.direction === 'download' ? download(options) : upload(options);
