import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import { throughputProbe } from '../../../electron/services/probes/probes/throughput-probe';
import { runProbe, runProbes } from '../../../electron/services/probes/run-probes';
import { startReflector, type RunningReflector } from '../../../electron/services/probes/throughput/reflector-server';
import { encodeHeader, type SinkReport } from '../../../electron/services/probes/throughput/reflector-protocol';
import { SocketReader } from '../../../electron/services/probes/throughput/socket-reader';
import { countIntoUserBuffer } from '../../../electron/services/probes/throughput/throughput-types';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const reflectorOnLoopback = async (): Promise<RunningReflector> => {
  const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => reflector.close());
  return reflector;
};

const freePort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
};

/** A stock `iperf3 -s` on loopback. */
const iperfServer = async (): Promise<{ port: number; child: ChildProcess }> => {
  const port = await freePort();
  const child = spawn('iperf3', ['-s', '--forceflush', '-B', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('iperf3 -s did not start')), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Server listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { port, child };
};

const targets = (extra: Record<string, unknown>) =>
  probeTargetsSchema.parse({ includeGateway: false, throughputSeconds: 1, throughputStreams: 2, ...extra });

describe('throughput probe on loopback', () => {
  it('against a reflector: both directions, loaded latency, a grade and rate samples', async () => {
    const reflector = await reflectorOnLoopback();
    const result = await runProbe(throughputProbe, { targets: targets({ reflector: `127.0.0.1:${reflector.port}` }) });
    expect(result.status, result.message).toBe('ok');
    expect(result.metrics['throughput.download_mbps']).toBeGreaterThan(100);
    expect(result.metrics['throughput.upload_mbps']).toBeGreaterThan(100);
    expect(result.metrics['throughput.idle_rtt_ms_p50']).not.toBeNull();
    expect(result.metrics['throughput.loaded_rtt_ms_p50']).not.toBeNull();
    expect(['A+', 'A', 'B', 'C', 'D', 'F']).toContain(result.metrics['throughput.bufferbloat_grade']);
    expect(result.samples.some((s) => s.series === 'download_mbps')).toBe(true);
    expect(result.samples.some((s) => s.series === 'rtt_loaded_upload')).toBe(true);
    // The reflector's sink reports its CPU, so a CPU-bound reflector on upload is seen.
    const upload = result.details.upload as { cpu: { serverPct: number | null } };
    expect(upload.cpu.serverPct).toBeGreaterThan(0);
    expect(reflector.connectionCount()).toBe(0);
  });

  it('an accepted socket counts into one reused buffer: every byte once, no data events after the switch', async () => {
    const seen: { switched: boolean | null; counted: number; dataEvents: number } = { switched: null, counted: 0, dataEvents: 0 };
    const ended = new Promise<void>((resolve) => {
      const server = net.createServer((socket) => {
        seen.switched = countIntoUserBuffer(socket, (bytes) => {
          seen.counted += bytes;
        });
        socket.on('data', () => {
          seen.dataEvents += 1;
        });
        socket.on('end', () => {
          socket.end();
          resolve();
        });
      });
      cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
      server.listen(0, '127.0.0.1', () => {
        const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1', () => {
          for (let i = 0; i < 64; i += 1) client.write(Buffer.alloc(128 * 1024, i));
          client.end();
        });
        client.on('error', () => undefined);
      });
    });
    await ended;
    expect(seen.switched).toBe(true);
    expect(seen.counted).toBe(64 * 128 * 1024);
    expect(seen.dataEvents).toBe(0);
  });

  it('the reflector sink counts header-adjacent and later bytes exactly and reports its CPU when the client half-closes', async () => {
    const reflector = await reflectorOnLoopback();
    const socket = net.connect(reflector.port, '127.0.0.1');
    cleanups.push(() => {
      socket.destroy();
    });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const reader = new SocketReader(socket);
    // Payload in the header's own write, then 32 MiB more.
    socket.write(Buffer.concat([Buffer.from(encodeHeader('sink')), Buffer.alloc(1000, 1)]));
    const block = Buffer.alloc(1024 * 1024, 2);
    for (let i = 0; i < 32; i += 1) socket.write(block);
    socket.end();
    let last: SinkReport | null = null;
    for (let line = await reader.readLine(); line !== null; line = await reader.readLine()) {
      last = JSON.parse(line) as SinkReport;
      if (last.done) break;
    }
    expect(last?.done).toBe(true);
    expect(last?.bytes).toBe(1000 + 32 * 1024 * 1024);
    expect(typeof last?.cpuPct).toBe('number');
    expect(last?.firstAt).not.toBeNull();
  });

  it('against a stock iperf3 server (iperf3 3.x protocol), both directions', async () => {
    const { port } = await iperfServer();
    const result = await runProbe(throughputProbe, { targets: targets({ iperf3: `127.0.0.1:${port}` }) });
    expect(result.status, result.message).toBe('ok');
    expect(result.metrics['throughput.download_mbps']).toBeGreaterThan(100);
    expect(result.metrics['throughput.upload_mbps']).toBeGreaterThan(100);
    // Latency under load without a reflector: TCP connect to the iperf3 server's own port.
    expect(result.details.latencyUnderLoad).toMatchObject({ method: 'tcp-connect', target: `127.0.0.1:${port}`, thread: 'worker' });
    expect(result.metrics['throughput.download_loaded_rtt_ms_p95']).not.toBeNull();
    expect(result.metrics['throughput.upload_loaded_rtt_ms_p95']).not.toBeNull();
    expect(result.details.server).toEqual({ kind: 'iperf3', target: `127.0.0.1:${port}` });
  });

  it('waits for a busy iperf3 server instead of failing', async () => {
    const { port } = await iperfServer();
    // Another engineer's 2-second test holds the server: iperf3 refuses anyone else meanwhile.
    const other = spawn('iperf3', ['-c', '127.0.0.1', '-p', String(port), '-t', '2'], { stdio: 'ignore' });
    cleanups.push(() => {
      other.kill('SIGKILL');
    });
    await new Promise((r) => setTimeout(r, 300));
    const result = await runProbe(throughputProbe, { targets: targets({ iperf3: `127.0.0.1:${port}` }) });
    expect(result.status, result.message).toBe('ok');
    expect(result.metrics['throughput.download_mbps']).toBeGreaterThan(100);
  });

  it('cancelling mid-transfer closes every stream within 1 s; iperf3 accepts the next test', async () => {
    const reflector = await reflectorOnLoopback();
    const controller = new AbortController();
    const run = runProbes([throughputProbe], { targets: targets({ reflector: `127.0.0.1:${reflector.port}`, throughputSeconds: 10 }), signal: controller.signal });
    while (reflector.connectionCount() < 2) await new Promise((r) => setTimeout(r, 20));
    const cancelledAt = performance.now();
    controller.abort();
    const [result] = await run;
    expect(result?.status).toBe('cancelled');
    while (reflector.connectionCount() > 0 && performance.now() - cancelledAt < 1000) await new Promise((r) => setTimeout(r, 10));
    expect(reflector.connectionCount()).toBe(0);
    expect(performance.now() - cancelledAt).toBeLessThan(1000);

    const { port } = await iperfServer();
    const iperfController = new AbortController();
    const iperfRun = runProbes([throughputProbe], { targets: targets({ iperf3: `127.0.0.1:${port}`, throughputSeconds: 10 }), signal: iperfController.signal });
    await new Promise((r) => setTimeout(r, 800));
    iperfController.abort();
    expect((await iperfRun)[0]?.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    const next = await runProbe(throughputProbe, { targets: targets({ iperf3: `127.0.0.1:${port}` }) });
    expect(next.status, next.message).toBe('ok');
  });

  it('with no far end it says what is missing; an unreachable far end fails with the reason', async () => {
    const none = await runProbe(throughputProbe, { targets: targets({}) });
    expect(none).toMatchObject({ status: 'failed', message: 'No far end: give a Groundwork reflector or an iperf3 server.' });
    const closed = await runProbe(throughputProbe, { targets: targets({ iperf3: `127.0.0.1:${await freePort()}` }) });
    expect(closed.status).toBe('failed');
    expect(closed.message).toMatch(/^The test against the iperf3 server at 127\.0\.0\.1:\d+ failed: connection refused\.$/);
  });
});
