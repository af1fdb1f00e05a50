import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTargetsSchema } from '../../../shared/probes/probe-schemas';
import type { ProbeDefinition } from '../../../electron/services/probes/probe-definition';
import { runProbes } from '../../../electron/services/probes/run-probes';

const targets = probeTargetsSchema.parse({});
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const probe = (id: ProbeDefinition['id'], run: ProbeDefinition['run'], extra: Partial<ProbeDefinition> = {}): ProbeDefinition => ({
  id,
  title: `probe ${id}`,
  measures: [],
  platforms: ['linux', 'darwin', 'win32'],
  timeoutMs: 5000,
  inDefaultSuite: true,
  run,
  ...extra,
});

/** A TCP server that accepts and never answers; resolves each server-side socket's close time. */
const silentServer = async () => {
  const closed: number[] = [];
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    socket.on('close', () => closed.push(performance.now()));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as net.AddressInfo).port, closed, accepted: () => accepted };
};

describe('probe engine', () => {
  it('runs independent probes concurrently and keeps their order', async () => {
    const started = performance.now();
    const slow = (id: ProbeDefinition['id']) => probe(id, async (ctx) => {
      await ctx.sleep(300);
      ctx.sample('x', 1);
      return { metrics: { [`${id}.v`]: 1 } };
    });
    const results = await runProbes([slow('dns'), slow('latency'), slow('ntp')], { targets });
    expect(performance.now() - started).toBeLessThan(800);
    expect(results.map((r) => r.probeId)).toEqual(['dns', 'latency', 'ntp']);
    expect(results.every((r) => r.status === 'ok' && r.samples.length === 1)).toBe(true);
  });

  it('a failing and a timing-out probe do not stop the others, and each says why', async () => {
    const results = await runProbes(
      [
        probe('dns', async () => {
          throw Object.assign(new Error('resolver exploded'), { code: 'EBOOM' });
        }),
        probe('latency', async (ctx) => {
          ctx.sample('rtt', 1.5);
          ctx.progress(0.5, 'waiting for the gateway');
          await new Promise(() => undefined);
          return { metrics: {} };
        }, { timeoutMs: 200 }),
        probe('ntp', async () => ({ metrics: { 'ntp.offset_ms': 3 } })),
      ],
      { targets },
    );
    expect(results[0]).toMatchObject({ status: 'failed', message: 'probe dns failed: resolver exploded (EBOOM)' });
    expect(results[1]).toMatchObject({ status: 'timeout', message: 'probe latency timed out after 0.2 s at step: waiting for the gateway' });
    expect(results[1]?.samples).toHaveLength(1);
    expect(results[2]).toMatchObject({ status: 'ok', metrics: { 'ntp.offset_ms': 3 } });
  });

  it('a probe for another platform is unsupported, not run', async () => {
    let ran = false;
    const [result] = await runProbes(
      [probe('wifi', async () => {
        ran = true;
        return { metrics: {} };
      }, { platforms: ['win32'] })],
      { targets, platform: 'linux' },
    );
    expect(result?.status).toBe('unsupported');
    expect(ran).toBe(false);
  });

  it('cancel settles every probe and closes every socket within 1 s', async () => {
    const server = await silentServer();
    const controller = new AbortController();
    const hang = (id: ProbeDefinition['id']) =>
      probe(id, async (ctx) => {
        const socket = ctx.track(net.connect(server.port, '127.0.0.1'));
        socket.on('error', () => undefined);
        await new Promise(() => undefined); // ignores the signal on purpose
        return { metrics: {} };
      });
    const run = runProbes([hang('dns'), hang('latency'), hang('ai-endpoints')], { targets, signal: controller.signal });
    while (server.accepted() < 3) await new Promise((r) => setTimeout(r, 10));
    const cancelledAt = performance.now();
    controller.abort();
    const results = await run;
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    while (server.closed.length < 3 && performance.now() - cancelledAt < 1000) await new Promise((r) => setTimeout(r, 10));
    expect(server.closed).toHaveLength(3);
    expect(Math.max(...server.closed) - cancelledAt).toBeLessThan(1000);
  });

  it('exclusive probes run after the concurrent ones, alone', async () => {
    const order: string[] = [];
    const track = (id: ProbeDefinition['id'], exclusive = false) =>
      probe(id, async (ctx) => {
        order.push(`start ${id}`);
        await ctx.sleep(50);
        order.push(`end ${id}`);
        return { metrics: {} };
      }, { exclusive });
    await runProbes([track('throughput', true), track('dns'), track('ntp')], { targets });
    expect(order.slice(-2)).toEqual(['start throughput', 'end throughput']);
  });
});
