import dgram from 'node:dgram';
import net from 'node:net';
import type { ProbeContext } from './probe-definition';
import { closeUdpSocket } from './close-udp-socket';

/** Seconds between the NTP epoch (1900) and the Unix epoch (1970). */
const ntpEpochOffset = 2_208_988_800;

export const nowMs = (): number => performance.timeOrigin + performance.now();

export const writeNtpTime = (buffer: Buffer, offset: number, unixMs: number): void => {
  const seconds = Math.floor(unixMs / 1000) + ntpEpochOffset;
  const fraction = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  buffer.writeUInt32BE(seconds >>> 0, offset);
  buffer.writeUInt32BE(fraction >>> 0, offset + 4);
};

export const readNtpTime = (buffer: Buffer, offset: number): number =>
  (buffer.readUInt32BE(offset) - ntpEpochOffset) * 1000 + (buffer.readUInt32BE(offset + 4) / 2 ** 32) * 1000;

export interface SntpSample {
  /** Local clock minus server clock, ms: positive when the local clock runs ahead. */
  readonly offsetMs: number;
  readonly rttMs: number;
  readonly stratum: number;
}

/**
 * One SNTP (RFC 4330) exchange: client mode request, T1..T4 from the reply. The reply must echo
 * our transmit time as its originate time, or it is not an answer to us.
 */
export const sntpQuery = (ctx: ProbeContext, address: string, port: number, timeoutMs: number): Promise<SntpSample> =>
  new Promise((resolve, reject) => {
    const socket = ctx.track(dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4'));
    const request = Buffer.alloc(48);
    request[0] = (0 << 6) | (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
    const t1 = nowMs();
    writeNtpTime(request, 40, t1);
    const originate = Buffer.from(request.subarray(40, 48));
    const finish = (error: Error | null, sample?: SntpSample) => {
      clearTimeout(timer);
      closeUdpSocket(socket);
      if (error) reject(error);
      else resolve(sample as SntpSample);
    };
    const timer = setTimeout(() => finish(new Error(`no answer from the NTP server within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (error) => finish(error));
    socket.on('message', (reply) => {
      const t4 = nowMs();
      if (reply.length < 48) return;
      const mode = (reply[0] as number) & 0x7;
      if (mode !== 4 && mode !== 5) return;
      if (!reply.subarray(24, 32).equals(originate)) return;
      const stratum = reply[1] as number;
      if (stratum === 0) return finish(new Error(`the NTP server refused us (kiss code ${reply.subarray(12, 16).toString('ascii')})`));
      const t2 = readNtpTime(reply, 32);
      const t3 = readNtpTime(reply, 40);
      const serverOffset = (t2 - t1 + (t3 - t4)) / 2;
      finish(null, { offsetMs: -serverOffset, rttMs: t4 - t1 - (t3 - t2), stratum });
    });
    socket.send(request, port, address);
  });
