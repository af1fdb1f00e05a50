import { Worker } from 'node:worker_threads';
import { udpEchoMagic } from './reflector-protocol';

/**
 * Latency under load, measured on a thread of its own. The load generator keeps the main event
 * loop busy (writes, 'data' events); a pinger on that loop sends late and timestamps late, so it
 * measures our own queueing, not the network's (issue 15: 36 of ~100 echoes sent, p95 454 ms where
 * ping read 0.04 ms). The worker sends on its own timer and timestamps answers on its own loop.
 *
 * The worker's code is a string evaluated by Node (`eval: true`) rather than a file: the single-file
 * collector (one CommonJS bundle, or a single executable) has no second file to point a Worker at,
 * and a function's source text (`fn.toString()`) changes under the bundlers we run through (tsx
 * adds name helpers), so it would not be the code we tested.
 */
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const dgram = require('node:dgram');
const net = require('node:net');
const { method, address, port, intervalMs, timeoutMs, magic } = workerData;
const magicBytes = Buffer.from(magic, 'latin1');
// On Linux a thread has its own nice value: raise this one's where allowed (root or CAP_SYS_NICE),
// so a CPU the load saturates still wakes the pinger first. Elsewhere, or unprivileged, it runs at
// the normal priority and the result says so.
let priority = 'normal';
if (process.platform === 'linux') {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    require('node:os').setPriority(tid, -10);
    priority = 'raised';
  } catch (error) {
    priority = 'normal (' + (error.code || error.message) + ')';
  }
}
let phase = null;
let records = [];
let timer = null;
let seq = 0;
const byseq = new Map();
let udp = null;

const answered = (record, rtt) => {
  if (record.rtt !== null || record.lost) return;
  record.rtt = rtt;
  if (record.timer) clearTimeout(record.timer);
  parentPort.postMessage({ type: 'rtt', phase: record.phase, rtt });
};
const giveUp = (record) => {
  if (record.rtt !== null || record.lost) return;
  record.lost = true;
  parentPort.postMessage({ type: 'rtt', phase: record.phase, rtt: null });
};

const sendUdp = () => {
  const packet = Buffer.alloc(32);
  magicBytes.copy(packet, 0);
  const n = seq++;
  packet.writeUInt32BE(n >>> 0, 4);
  const record = { phase, sentAt: performance.now(), rtt: null, lost: false, timer: null };
  records.push(record);
  byseq.set(n, record);
  record.timer = setTimeout(() => { byseq.delete(n); giveUp(record); }, timeoutMs);
  udp.send(packet, (error) => { if (error) { byseq.delete(n); giveUp(record); } });
};

const sendTcp = () => {
  const record = { phase, sentAt: performance.now(), rtt: null, lost: false, timer: null };
  records.push(record);
  const socket = new net.Socket();
  const finish = (rtt) => { socket.destroy(); if (rtt === null) giveUp(record); else answered(record, rtt); };
  record.timer = setTimeout(() => finish(null), timeoutMs);
  socket.once('connect', () => finish(performance.now() - record.sentAt));
  socket.once('error', (error) => {
    // A refusal (RST) is a full round trip to the host; anything else is no answer.
    if (error.code === 'ECONNREFUSED') finish(performance.now() - record.sentAt);
    else finish(null);
  });
  socket.connect({ host: address, port });
};

const send = () => (method === 'udp' ? sendUdp() : sendTcp());

parentPort.on('message', (message) => {
  if (message.type === 'start') {
    phase = message.phase;
    records = [];
    send();
    timer = setInterval(send, intervalMs);
  } else if (message.type === 'stop') {
    const finished = records;
    if (timer) clearInterval(timer);
    timer = null;
    records = [];
    const report = () => parentPort.postMessage({ type: 'phase', rtts: finished.map((r) => r.rtt) });
    const done = () => finished.every((r) => r.rtt !== null || r.lost);
    if (done()) report();
    else {
      const check = setInterval(() => { if (done()) { clearInterval(check); report(); } }, 5);
    }
  } else if (message.type === 'close') {
    if (timer) clearInterval(timer);
    for (const r of records) if (r.timer) clearTimeout(r.timer);
    if (udp) udp.close(() => process.exit(0));
    else process.exit(0);
  }
});

if (method === 'udp') {
  udp = dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
  let bound = false;
  // Before the socket is up an error means no measurement at all; after, an ICMP "unreachable"
  // surfacing on the connected socket only means that probe is lost, which its timeout records.
  udp.on('error', (error) => { if (!bound) parentPort.postMessage({ type: 'error', message: error.message }); });
  udp.on('message', (message) => {
    const now = performance.now();
    if (message.length < 8 || !message.subarray(0, magicBytes.length).equals(magicBytes)) return;
    const n = message.readUInt32BE(4);
    const record = byseq.get(n);
    if (!record) return;
    byseq.delete(n);
    answered(record, now - record.sentAt);
  });
  udp.bind(0, () => udp.connect(port, address, () => { bound = true; parentPort.postMessage({ type: 'ready', priority }); }));
} else {
  parentPort.postMessage({ type: 'ready', priority });
}
`;

export type LatencyMethod = 'udp-echo' | 'tcp-connect';

export interface LatencyWorkerOptions {
  readonly method: LatencyMethod;
  readonly address: string;
  readonly port: number;
  readonly intervalMs: number;
  /** An answer later than this counts as lost. */
  readonly timeoutMs: number;
  /** Each answer (or loss) as it is known, under the phase it was sent in. */
  readonly onRtt?: (phase: string, rtt: number | null) => void;
}

type WorkerMessage =
  | { type: 'ready'; priority: string }
  | { type: 'error'; message: string }
  | { type: 'rtt'; phase: string; rtt: number | null }
  | { type: 'phase'; rtts: (number | null)[] };

/** A pinger on its own thread: start(phase) … stop() gives that phase's RTTs in send order (null = lost). */
export class LatencyWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pendingStop: ((rtts: (number | null)[]) => void) | null = null;
  private failure: Error | null = null;
  private running = false;
  private closed = false;
  /** The worker thread's scheduling priority: `raised`, or `normal (why not)`. */
  priority = 'unknown';

  constructor(private readonly options: LatencyWorkerOptions) {
    this.worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        method: options.method === 'udp-echo' ? 'udp' : 'tcp',
        address: options.address,
        port: options.port,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        magic: udpEchoMagic.toString('latin1'),
      },
    });
    // The worker holds the process open only while a measurement runs.
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          this.priority = message.priority;
          resolve();
        }
        else if (message.type === 'error') {
          this.failure = new Error(`latency pinger: ${message.message}`);
          reject(this.failure);
        } else if (message.type === 'rtt') this.options.onRtt?.(message.phase, message.rtt);
        else if (message.type === 'phase') {
          const done = this.pendingStop;
          this.pendingStop = null;
          done?.(message.rtts);
        }
      });
      this.worker.once('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Kept for stop(); start() awaits the same promise and the probe reports the failure.
    this.ready.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  async start(phase: string): Promise<void> {
    await this.ready;
    if (this.closed) return;
    this.worker.ref();
    this.running = true;
    this.worker.postMessage({ type: 'start', phase });
  }

  /** Stops sending and waits for every outstanding probe to answer or time out. */
  async stop(): Promise<(number | null)[]> {
    if (!this.running || this.closed) return [];
    this.running = false;
    if (this.failure) throw this.failure;
    const rtts = await new Promise<(number | null)[]>((resolve) => {
      this.pendingStop = resolve;
      this.worker.postMessage({ type: 'stop' });
    });
    this.worker.unref();
    return rtts;
  }

  /** Ends the thread; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.running = false;
    this.pendingStop?.([]);
    this.pendingStop = null;
    this.worker.postMessage({ type: 'close' });
    // A thread stuck in a socket call would hold the process: terminate after a grace period.
    const grace = setTimeout(() => void this.worker.terminate(), 1000);
    grace.unref();
    this.worker.once('exit', () => clearTimeout(grace));
  }
}
