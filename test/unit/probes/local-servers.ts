import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import path from 'node:path';
import os from 'node:os';

/** Real servers on loopback for probe tests: DNS, SNTP, HTTPS with self-made certificates. */

export interface LocalDns {
  readonly server: string;
  readonly queries: () => number;
  close(): Promise<void>;
}

/** A tiny authoritative DNS responder: A records from a table, NXDOMAIN otherwise, optional delay. */
export const startDnsServer = async (records: Record<string, string>, delayMs = 0): Promise<LocalDns> => {
  const socket = dgram.createSocket('udp4');
  let count = 0;
  socket.on('message', (query, remote) => {
    count += 1;
    let offset = 12;
    const labels: string[] = [];
    while (offset < query.length && query[offset] !== 0) {
      const len = query[offset] as number;
      labels.push(query.subarray(offset + 1, offset + 1 + len).toString('ascii'));
      offset += len + 1;
    }
    const questionEnd = offset + 5;
    const name = labels.join('.').toLowerCase();
    const ip = records[name];
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(ip ? 0x8180 : 0x8183, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(ip ? 1 : 0, 6);
    const question = query.subarray(12, questionEnd);
    const parts = [header, question];
    if (ip) {
      const answer = Buffer.alloc(16);
      answer.writeUInt16BE(0xc00c, 0);
      answer.writeUInt16BE(1, 2);
      answer.writeUInt16BE(1, 4);
      answer.writeUInt32BE(60, 6);
      answer.writeUInt16BE(4, 10);
      ip.split('.').forEach((octet, i) => answer.writeUInt8(Number(octet), 12 + i));
      parts.push(answer);
    }
    setTimeout(() => socket.send(Buffer.concat(parts), remote.port, remote.address), delayMs);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    queries: () => count,
    close: () => new Promise((r) => socket.close(() => r())),
  };
};

export interface LocalSntp {
  readonly target: string;
  close(): Promise<void>;
}

/** An SNTP server whose clock is `offsetMs` ahead of ours (stratum 2), or silent. */
export const startSntpServer = async (offsetMs: number, options: { silent?: boolean; stratum?: number } = {}): Promise<LocalSntp> => {
  const socket = dgram.createSocket('udp4');
  const ntpNow = (buffer: Buffer, at: number) => {
    const ms = performance.timeOrigin + performance.now() + offsetMs;
    buffer.writeUInt32BE(Math.floor(ms / 1000) + 2_208_988_800, at);
    buffer.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
  };
  socket.on('message', (request, remote) => {
    if (options.silent || request.length < 48) return;
    const reply = Buffer.alloc(48);
    ntpNow(reply, 32);
    reply[0] = (0 << 6) | (4 << 3) | 4;
    reply[1] = options.stratum ?? 2;
    request.copy(reply, 24, 40, 48);
    ntpNow(reply, 40);
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { target: `127.0.0.1:${socket.address().port}`, close: () => new Promise((r) => socket.close(() => r())) };
};

export interface TestCertificates {
  readonly caPem: string;
  readonly leafPem: string;
  readonly leafKey: string;
}

/** A private CA and a leaf for 127.0.0.1/localhost, made with openssl for this test run. */
export const makeCertificates = (): TestCertificates => {
  // No test-runner helpers here: the benchmark uses these servers too.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-certs-'));
  const file = (name: string) => path.join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Groundwork Test Inspection CA/O=Test Proxy']);
  run(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost']);
  fs.writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '2', '-extfile', 'ext.cnf']);
  try {
    return { caPem: fs.readFileSync(file('ca.pem'), 'utf8'), leafPem: fs.readFileSync(file('leaf.pem'), 'utf8'), leafKey: fs.readFileSync(file('leaf.key'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export interface LocalHttps {
  readonly url: string;
  close(): Promise<void>;
}

/** An HTTPS server presenting leaf + CA, answering every request after `delayMs`. */
export const startHttpsServer = async (certs: TestCertificates, delayMs = 0): Promise<LocalHttps> => {
  const server = https.createServer({ key: certs.leafKey, cert: certs.leafPem + certs.caPem }, (req, res) => {
    setTimeout(() => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end();
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/v1/models`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
