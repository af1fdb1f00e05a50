import { Worker } from 'node:worker_threads';
import { maxUdpEcho, udpEchoMagic } from './reflector-protocol';

/**
 * The reflector's UDP echo on a thread of its own: its main loop is busy sending and reading the
 * TCP load, and an echo answered from that loop measured our own queueing (18–100 ms on an
 * unshaped link where ping read 0.1 ms). Code as a string for the same reason as the client's
 * latency worker (latency-worker.ts): no second file in the single-file collector.
 */
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const dgram = require('node:dgram');
const { host, port, ipv6, magic, maxEcho } = workerData;
const magicBytes = Buffer.from(magic, 'latin1');
// Raised where allowed (Linux, root or CAP_SYS_NICE), as the client's pinger is: an echo thread the
// load starves of CPU would answer late.
if (process.platform === 'linux') {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    require('node:os').setPriority(tid, -10);
  } catch (error) {
    parentPort.postMessage({ type: 'warning', message: 'echo thread at normal priority (' + (error.code || error.message) + ')' });
  }
}
const udp = dgram.createSocket(ipv6 ? 'udp6' : 'udp4');
let bound = false;
udp.on('message', (message, remote) => {
  // Echo only our own probes, never more than we received: no amplification, no open relay.
  if (message.length > maxEcho || message.length < magicBytes.length) return;
  if (!message.subarray(0, magicBytes.length).equals(magicBytes)) return;
  udp.send(message, remote.port, remote.address);
});
udp.on('error', (error) => parentPort.postMessage({ type: bound ? 'warning' : 'error', message: error.message }));
udp.bind(port, host, () => { bound = true; parentPort.postMessage({ type: 'ready' }); });
parentPort.on('message', (message) => {
  if (message.type === 'close') udp.close(() => process.exit(0));
});
`;

export interface UdpEchoWorker {
  close(): Promise<void>;
}

export const startUdpEchoWorker = async (options: { host: string; port: number; ipv6: boolean; log?: (line: string) => void }): Promise<UdpEchoWorker> => {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { host: options.host, port: options.port, ipv6: options.ipv6, magic: udpEchoMagic.toString('latin1'), maxEcho: maxUdpEcho },
  });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { type: string; message?: string }) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'error') reject(new Error(`udp: ${message.message}`));
      else if (message.type === 'warning') options.log?.(`udp: ${message.message}`);
    });
    worker.once('error', reject);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'close' });
        // A thread that does not exit on its own is ended: close() must not hang a shutdown.
        const grace = setTimeout(() => void worker.terminate(), 1000);
        grace.unref();
      }),
  };
};
