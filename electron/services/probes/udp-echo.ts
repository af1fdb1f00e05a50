import dgram from 'node:dgram';
import net from 'node:net';
import type { ProbeContext } from './probe-definition';
import { udpEchoMagic } from './throughput/reflector-protocol';
import { closeUdpSocket } from './close-udp-socket';

export interface EchoRecord {
  readonly sentAt: number;
  rtt: number | null;
}

/**
 * Sends numbered UDP echo requests to a reflector at a fixed interval and times the answers.
 * Late answers (after `lateMs`) count as lost, as RTP would count them.
 */
export class UdpPinger {
  private readonly socket: dgram.Socket;
  private readonly records: EchoRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private drained = 0;
  private readonly ready: Promise<void>;

  constructor(
    private readonly ctx: ProbeContext,
    private readonly address: string,
    private readonly port: number,
    private readonly onRtt?: (rtt: number | null, index: number) => void,
  ) {
    this.socket = ctx.track(dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4'));
    this.socket.on('error', () => undefined);
    this.socket.on('message', (message) => {
      const now = performance.now();
      if (message.length < 8 || !message.subarray(0, 4).equals(udpEchoMagic)) return;
      const seq = message.readUInt32BE(4);
      const record = this.records[seq];
      if (record && record.rtt === null) {
        record.rtt = now - record.sentAt;
        this.onRtt?.(record.rtt, seq);
      }
    });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(0, () => this.socket.connect(this.port, this.address, () => resolve()));
    });
  }

  private send(): void {
    const seq = this.records.length;
    const packet = Buffer.alloc(32);
    udpEchoMagic.copy(packet, 0);
    packet.writeUInt32BE(seq, 4);
    this.records.push({ sentAt: performance.now(), rtt: null });
    // Connected socket: no per-packet address lookup between the timestamp and the send.
    this.socket.send(packet, () => undefined);
  }

  /** Sends `count` probes `intervalMs` apart, then waits `lateMs` for stragglers. */
  async series(count: number, intervalMs: number, lateMs: number): Promise<(number | null)[]> {
    await this.ready;
    for (let i = 0; i < count; i += 1) {
      this.send();
      if (i < count - 1) await this.ctx.sleep(intervalMs);
    }
    await this.waitForAnswers(lateMs);
    return this.drain();
  }

  /** Keeps probing in the background until stop(). */
  async start(intervalMs: number): Promise<void> {
    await this.ready;
    this.send();
    this.timer = setInterval(() => this.send(), intervalMs);
  }

  async stop(lateMs: number): Promise<(number | null)[]> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.waitForAnswers(lateMs);
    return this.drain();
  }

  private async waitForAnswers(lateMs: number): Promise<void> {
    const deadline = performance.now() + lateMs;
    while (performance.now() < deadline && this.records.slice(this.drained).some((r) => r.rtt === null)) await this.ctx.sleep(5);
  }

  /** The answers since the last drain; older sequence numbers stay reserved so a straggler never lands in a new series. */
  private drain(): (number | null)[] {
    const rtts = this.records.slice(this.drained).map((r) => r.rtt);
    this.drained = this.records.length;
    return rtts;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    closeUdpSocket(this.socket);
  }
}
