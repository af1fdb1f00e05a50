import net from 'node:net';
import { maxSourceSeconds, tcpHeaderPrefix, type ReflectorMode, type SinkReport } from './reflector-protocol';
import { countIntoUserBuffer, startCpuMeter } from './throughput-types';
import { startUdpEchoWorker, type UdpEchoWorker } from './udp-echo-worker';
import { createResponsivenessHttp, looksLikeHttp, type ResponsivenessHttp } from '../responsiveness/rpm-endpoints';

export interface ReflectorOptions {
  readonly port: number;
  readonly host?: string;
  readonly log?: (line: string) => void;
}

export interface RunningReflector {
  readonly port: number;
  readonly host: string;
  /** Open TCP streams right now (tests check that a cancel closes them). */
  connectionCount(): number;
  close(): Promise<void>;
}

const payload = Buffer.alloc(128 * 1024, 0x5a);
const now = (): number => performance.timeOrigin + performance.now();

const serveSink = (socket: net.Socket, first: Buffer): void => {
  let bytes = 0;
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  const cpuMeter = startCpuMeter();
  const countBytes = (read: number) => {
    if (read === 0) return;
    const t = now();
    firstAt ??= t;
    lastAt = t;
    bytes += read;
  };
  const report = (done: boolean) => {
    const cpuPct = cpuMeter()?.total;
    const line: SinkReport = { bytes, firstAt, lastAt, ...(done ? { done } : {}), ...(cpuPct === undefined ? {} : { cpuPct }) };
    if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(line)}\n`);
  };
  countBytes(first.length);
  const timer = setInterval(() => report(false), 250);
  // One reused buffer instead of a new 64 KiB Buffer and a 'data' event per read: at veth speeds
  // those cost most of the upload's rate. 'data' still counts what was read before the switch.
  countIntoUserBuffer(socket, countBytes);
  socket.on('data', (chunk: Buffer) => countBytes(chunk.length));
  socket.on('end', () => {
    clearInterval(timer);
    report(true);
    socket.end();
  });
  socket.on('close', () => clearInterval(timer));
};

const serveSource = (socket: net.Socket): void => {
  const deadline = setTimeout(() => socket.destroy(), maxSourceSeconds * 1000);
  const pump = () => {
    while (!socket.destroyed && socket.write(payload)) {
      // keep the send buffer full
    }
  };
  socket.on('drain', pump);
  socket.on('close', () => clearTimeout(deadline));
  socket.on('data', () => undefined);
  pump();
};

const serveEcho = (socket: net.Socket, first: Buffer): void => {
  if (first.length > 0) socket.write(first);
  socket.on('data', (chunk) => socket.write(chunk));
  socket.on('end', () => socket.end());
};

const handleConnection = (socket: net.Socket, responsiveness: ResponsivenessHttp): void => {
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  let buffered = Buffer.alloc(0);
  const headerTimer = setTimeout(() => socket.destroy(), 5000);
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const newline = buffered.indexOf(0x0a);
    if (newline < 0) {
      if (buffered.length > 256) socket.destroy();
      return;
    }
    clearTimeout(headerTimer);
    socket.off('data', onData);
    const line = buffered.subarray(0, newline).toString('utf8');
    // An HTTP client (the responsiveness test, curl, networkQuality-style tools) on the same port.
    if (looksLikeHttp(line)) {
      responsiveness.serve(socket, buffered);
      return;
    }
    const rest = buffered.subarray(newline + 1);
    let mode: ReflectorMode | undefined;
    try {
      if (line.startsWith(tcpHeaderPrefix)) mode = (JSON.parse(line.slice(tcpHeaderPrefix.length)) as { mode?: ReflectorMode }).mode;
    } catch {
      // handled: a header that is not JSON names no mode, so the connection is closed just below.
      mode = undefined;
    }
    if (mode === 'sink') serveSink(socket, rest);
    else if (mode === 'source') serveSource(socket);
    else if (mode === 'echo') serveEcho(socket, rest);
    else socket.destroy();
  };
  socket.on('data', onData);
  socket.on('close', () => clearTimeout(headerTimer));
};

/**
 * Starts a reflector: TCP (sink/source/echo streams), the responsiveness test's HTTP endpoints
 * (/.well-known/nq and the objects it names) and UDP echo (on a worker thread), all on one port.
 */
export const startReflector = async (options: ReflectorOptions): Promise<RunningReflector> => {
  const host = options.host ?? '0.0.0.0';
  const connections = new Set<net.Socket>();
  const responsiveness = createResponsivenessHttp();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    handleConnection(socket, responsiveness);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  let udp: UdpEchoWorker;
  try {
    udp = await startUdpEchoWorker({ host, port, ipv6: net.isIPv6(host), log: options.log });
  } catch (error) {
    await new Promise<void>((r) => server.close(() => r()));
    throw error;
  }
  options.log?.(`Groundwork reflector listening on ${host}:${port} (TCP streams, UDP echo, responsiveness at http://${host.includes(':') ? `[${host}]` : host}:${port}/.well-known/nq)`);
  return {
    port,
    host,
    connectionCount: () => connections.size,
    close: async () => {
      responsiveness.close();
      for (const socket of connections) socket.destroy();
      await Promise.all([new Promise<void>((r) => server.close(() => r())), udp.close()]);
    },
  };
};
