import crypto from 'node:crypto';
import net from 'node:net';
import { SocketReader } from './socket-reader';
import { countingOnread, sendBlock, startCpuMeter, toMbps, type CpuSpent, type DirectionResult, type ThroughputRunOptions } from './throughput-types';

/**
 * A client for the iperf3 3.x control protocol (TCP tests), written from the protocol as
 * iperf3 speaks it: a 37-byte cookie opens the control connection and each data stream; the
 * server drives the state machine with one signed byte per state; parameters and results
 * travel as a 4-byte big-endian length followed by JSON.
 */
export const iperfState = {
  TEST_START: 1,
  TEST_RUNNING: 2,
  TEST_END: 4,
  PARAM_EXCHANGE: 9,
  CREATE_STREAMS: 10,
  SERVER_TERMINATE: 11,
  CLIENT_TERMINATE: 12,
  EXCHANGE_RESULTS: 13,
  DISPLAY_RESULTS: 14,
  IPERF_START: 15,
  IPERF_DONE: 16,
  ACCESS_DENIED: -1,
  SERVER_ERROR: -2,
} as const;

export const defaultIperf3Port = 5201;
const cookieAlphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** 36 characters and a NUL, like iperf3's own cookies. */
export const makeCookie = (): Buffer => {
  const random = crypto.randomBytes(36);
  const text = Array.from(random, (b) => cookieAlphabet[b % 32]).join('');
  return Buffer.concat([Buffer.from(text, 'ascii'), Buffer.from([0])]);
};

const writeJson = (socket: net.Socket, value: unknown): void => {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  socket.write(Buffer.concat([header, body]));
};

const readJson = async (reader: SocketReader): Promise<unknown> => {
  const size = (await reader.read(4)).readUInt32BE(0);
  if (size > 16 * 1024 * 1024) throw new Error('the iperf3 server sent an oversized message');
  return JSON.parse((await reader.read(size)).toString('utf8')) as unknown;
};

/** `onread`: a data stream that only counts what it receives (see countingOnread). */
const connect = (options: ThroughputRunOptions, onread?: net.OnReadOpts): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const socket = options.ctx.track(net.connect({ host: options.host, port: options.port, ...(onread ? { onread } : {}) }));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the iperf3 server at ${options.host}:${options.port} did not accept a connection within 5 s`));
    }, 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

/** iperf3 -s re-opens its listener between tests; a reset or refusal right after one is retried briefly. */
const connectControl = async (options: ThroughputRunOptions): Promise<net.Socket> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connect(options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 4 || (code !== 'ECONNRESET' && code !== 'ECONNREFUSED')) throw error;
      await options.ctx.sleep(250 * attempt);
    }
  }
};

interface ServerStreamResult {
  id: number;
  bytes: number;
  start_time?: number;
  end_time?: number;
}

/** What iperf3 -s sends in the results exchange (cpu_util_* in percent of one core, like ours). */
interface ServerResults {
  cpu_util_total?: number;
  streams?: ServerStreamResult[];
}

/** The server's own CPU figure, when it sent a sane one. */
const serverCpuPct = (results: ServerResults | null): number | null => {
  const value = results?.cpu_util_total;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value * 10) / 10 : null;
};

const serverErrorText = async (reader: SocketReader): Promise<string> => {
  try {
    const data = await reader.read(8);
    return `the iperf3 server reported error ${data.readInt32BE(0)} (errno ${data.readInt32BE(4)})`;
  } catch {
    // handled: the server closed before sending its error code; the message says it failed without one.
    return 'the iperf3 server reported an error';
  }
};

/** One iperf3 test: upload (client sends) or download (reverse mode, server sends). */
export const runIperf3Throughput = async (options: ThroughputRunOptions): Promise<DirectionResult> => {
  const reverse = options.direction === 'download';
  const cookie = makeCookie();
  const control = await connectControl(options);
  const reader = new SocketReader(control);
  const streams: net.Socket[] = [];
  const streamBytes: number[] = [];
  let intervalBytes = 0;
  let sending = false;
  // The receiver's count stops at TEST_END, as iperf3's does; what is still in flight is not ours to count.
  let counting = false;
  let runningSince = 0;
  let testMs = 0;
  let serverResults: ServerResults | null = null;
  let cpuMeter: (() => CpuSpent | null) | null = null;
  // Set in endTest (a callback), read after the exchange: typed wide so it is not narrowed to null.
  let clientCpu = null as CpuSpent | null;
  let ticker: NodeJS.Timeout | null = null;
  let endTimer: NodeJS.Timeout | null = null;
  let finished = false;

  const onAbort = () => {
    if (!control.destroyed && !finished) control.write(Buffer.from([iperfState.CLIENT_TERMINATE]));
  };
  options.ctx.signal.addEventListener('abort', onAbort, { once: true });

  const endTest = () => {
    sending = false;
    counting = false;
    testMs = performance.now() - runningSince;
    clientCpu = cpuMeter?.() ?? null;
    if (ticker) clearInterval(ticker);
    control.write(Buffer.from([iperfState.TEST_END]));
  };

  try {
    control.write(cookie);
    for (;;) {
      const state = (await reader.read(1)).readInt8(0);
      if (state === iperfState.PARAM_EXCHANGE) {
        writeJson(control, {
          tcp: true,
          omit: 0,
          time: options.seconds,
          num: 0,
          blockcount: 0,
          parallel: options.streams,
          ...(reverse ? { reverse: true } : {}),
          len: sendBlock.length,
          pacing_timer: 1000,
          client_version: '3.12',
        });
      } else if (state === iperfState.CREATE_STREAMS) {
        for (let i = 0; i < options.streams; i += 1) {
          const index = streams.length;
          streamBytes.push(0);
          const onread = reverse
            ? countingOnread((bytes) => {
                if (!counting) return;
                streamBytes[index] = (streamBytes[index] ?? 0) + bytes;
                intervalBytes += bytes;
              })
            : undefined;
          const stream = await connect(options, onread);
          stream.setNoDelay(false);
          stream.write(cookie);
          stream.on('error', () => undefined);
          streams.push(stream);
        }
      } else if (state === iperfState.TEST_START) {
        // Streams are set up; data flows on TEST_RUNNING.
      } else if (state === iperfState.TEST_RUNNING) {
        runningSince = performance.now();
        cpuMeter = startCpuMeter();
        counting = true;
        ticker = setInterval(() => {
          options.onInterval?.((intervalBytes * 8) / 250_000);
          intervalBytes = 0;
        }, 250);
        if (!reverse) {
          sending = true;
          streams.forEach((stream, index) => {
            const pump = () => {
              while (sending && !stream.destroyed && stream.write(sendBlock)) {
                streamBytes[index] = (streamBytes[index] ?? 0) + sendBlock.length;
                intervalBytes += sendBlock.length;
              }
            };
            stream.on('drain', pump);
            pump();
          });
        }
        endTimer = setTimeout(endTest, options.seconds * 1000);
      } else if (state === iperfState.EXCHANGE_RESULTS) {
        // Our CPU use over the test, as iperf3 reports its own: the server prints it as the remote's.
        writeJson(control, {
          cpu_util_total: clientCpu?.total ?? 0,
          cpu_util_user: clientCpu?.user ?? 0,
          cpu_util_system: clientCpu?.system ?? 0,
          sender_has_retransmits: reverse ? -1 : 0,
          streams: streams.map((_, i) => ({
            id: i === 0 ? 1 : i + 2,
            bytes: streamBytes[i] ?? 0,
            retransmits: -1,
            jitter: 0,
            errors: 0,
            packets: 0,
            start_time: 0,
            end_time: testMs / 1000,
          })),
        });
        serverResults = (await readJson(reader)) as ServerResults;
      } else if (state === iperfState.DISPLAY_RESULTS) {
        control.write(Buffer.from([iperfState.IPERF_DONE]));
        finished = true;
        break;
      } else if (state === iperfState.ACCESS_DENIED) {
        throw new Error('the iperf3 server is busy with another test (access denied)');
      } else if (state === iperfState.SERVER_ERROR) {
        throw new Error(await serverErrorText(reader));
      } else if (state === iperfState.SERVER_TERMINATE) {
        throw new Error('the iperf3 server ended the test');
      } else if (state === iperfState.IPERF_START || state === iperfState.IPERF_DONE) {
        // informational
      } else {
        throw new Error(`the iperf3 server sent an unexpected state ${state}`);
      }
    }
  } finally {
    sending = false;
    options.ctx.signal.removeEventListener('abort', onAbort);
    if (ticker) clearInterval(ticker);
    if (endTimer) clearTimeout(endTimer);
    for (const stream of streams) stream.destroy();
    control.end();
    setTimeout(() => control.destroy(), 200).unref();
  }

  const cpu = { clientPct: clientCpu?.total ?? null, serverPct: serverCpuPct(serverResults) };
  if (reverse) {
    const bytes = streamBytes.reduce((a, b) => a + b, 0);
    return { direction: 'download', mbps: toMbps(bytes, testMs), bytes, seconds: testMs / 1000, streams: streams.length, cpu };
  }
  // Upload: the receiver's count and the receiver's clock, as iperf3 itself reports.
  const serverStreams = serverResults?.streams ?? [];
  const bytes = serverStreams.reduce((sum, s) => sum + (s.bytes ?? 0), 0);
  const spans = serverStreams.map((s) => (s.end_time ?? 0) - (s.start_time ?? 0)).filter((x) => x > 0);
  const seconds = spans.length > 0 ? Math.max(...spans) : testMs / 1000;
  return { direction: 'upload', mbps: toMbps(bytes, seconds * 1000), bytes, seconds, streams: streams.length, cpu };
};

/** A stock iperf3 server runs one test at a time and turns others away, sometimes with a reset. */
const serverWasBusy = (error: unknown): boolean =>
  error instanceof Error && /busy|access denied|connection reset|ECONNRESET/i.test(error.message);

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * runIperf3Throughput, asked again (after 0.4, 0.8 and 1.6 s) when the server is still busy with
 * the previous test: iperf3 servers are shared, and one finishing a test refuses the next for a moment.
 */
export const runIperf3WithRetries = async (options: ThroughputRunOptions, retries = 3): Promise<DirectionResult> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await runIperf3Throughput(options);
    } catch (error) {
      if (attempt >= retries || options.ctx.signal.aborted || !serverWasBusy(error)) throw error;
      await pause(400 * 2 ** attempt, options.ctx.signal);
    }
  }
};
