import dgram from 'node:dgram';
import type { ShapedLink } from './shaped-link';
import { waitForOutput } from './shaped-link';

/**
 * A far end that impairs on purpose, run inside a namespace we created: a UDP echo responder
 * speaking the reflector's datagram format (`GWE1` + sequence number) that drops a seeded
 * fraction of the probes (decided from the sequence number, so the same probes are dropped on
 * every run) and/or delays each answer by a seeded uniform draw in [min, max] ms. No netem: the
 * impairment is ours and counted, so a test compares what was measured with what was done.
 * A datagram `STAT` is answered with the counts as JSON.
 */
const source = String.raw`
const dgram = require('node:dgram');
const [host, port, dropFraction, delayMin, delayMax, seed] = process.argv.slice(1);
const p = Number(dropFraction), lo = Number(delayMin), hi = Number(delayMax);
// mulberry32: one seeded stream per impairment, drawn in sequence-number order, so the same
// probes are dropped and delayed alike on every run.
const mulberry = (a) => () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const streams = { drop: mulberry(Number(seed)), delay: mulberry(Number(seed) * 7919 + 1) };
const draws = { drop: [], delay: [] };
const draw = (kind, n) => { while (draws[kind].length <= n) draws[kind].push(streams[kind]()); return draws[kind][n]; };
const counts = { received: 0, dropped: 0, answered: 0, heldMs: [] };
const socket = dgram.createSocket('udp4');
socket.on('message', (msg, from) => {
  const t0 = performance.now();
  if (msg.toString('ascii', 0, 4) === 'STAT') return socket.send(JSON.stringify(counts), from.port, from.address);
  if (msg.toString('ascii', 0, 5) === 'RESET') { counts.received = counts.dropped = counts.answered = 0; counts.heldMs = []; return socket.send('{}', from.port, from.address); }
  if (msg.length < 8 || msg.toString('ascii', 0, 4) !== 'GWE1') return;
  const seq = msg.readUInt32BE(4);
  counts.received += 1;
  if (draw('drop', seq) < p) { counts.dropped += 1; return; }
  const delay = hi > 0 ? lo + (hi - lo) * draw('delay', seq) : 0;
  const answer = () => {
    counts.answered += 1;
    // What the answer was really held for (timers fire late), by sequence number.
    counts.heldMs[seq] = Math.round((performance.now() - t0) * 1000) / 1000;
    socket.send(msg, from.port, from.address);
  };
  if (delay > 0) setTimeout(answer, delay); else answer();
});
socket.bind(Number(port), host, () => console.log('impaired echo listening'));
`;

export interface ImpairedEchoOptions {
  readonly port: number;
  /** Share of probes dropped (0..1). */
  readonly dropFraction?: number;
  /** Uniform answer delay, ms. */
  readonly delayMs?: readonly [number, number];
  readonly seed?: number;
}

export interface ImpairedEchoCounts {
  readonly received: number;
  readonly dropped: number;
  readonly answered: number;
  /** How long each answer was really held, by sequence number (null: dropped). */
  readonly heldMs: readonly (number | null)[];
}

export const startImpairedEcho = async (link: ShapedLink, options: ImpairedEchoOptions) => {
  const [lo, hi] = options.delayMs ?? [0, 0];
  const child = link.spawnInside(process.execPath, ['-e', source, link.remoteAddress, String(options.port), String(options.dropFraction ?? 0), String(lo), String(hi), String(options.seed ?? 1)]);
  await waitForOutput(child, /impaired echo listening/);
  return {
    target: `${link.remoteAddress}:${options.port}`,
    /** What the far end did so far (asked over UDP, so it needs no shared files). */
    counts: () => ask<ImpairedEchoCounts>('STAT'),
    /** Counts back to zero, before a measurement. */
    reset: () => ask<unknown>('RESET'),
    stop: () => child.kill('SIGKILL'),
  };
  function ask<T>(what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const socket = dgram.createSocket('udp4');
        const timer = setTimeout(() => {
          socket.close();
          reject(new Error(`the impaired echo did not answer ${what}`));
        }, 2000);
        socket.once('message', (msg) => {
          clearTimeout(timer);
          socket.close();
          resolve(JSON.parse(msg.toString('utf8')) as T);
        });
        socket.send(what, options.port, link.remoteAddress);
      });
  }
};
