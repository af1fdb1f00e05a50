import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApiClient } from '../shared/contract/api-client';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { benchKeySource } from './bench-key';
import { openAppServices, type AppServices } from '../electron/services/app-services';
import { newId, nextTimestamp } from '../electron/services/db/device-clock';
import { appendMutation, pendingMutations } from '../electron/services/db/outbox';
import { tuneSync } from '../electron/services/sync/sync-services';
import { row, type BenchRow } from './bench-row';

const repoRoot = path.resolve(import.meta.dirname, '..');
const hubBin = path.join(repoRoot, 'bin/groundwork-hub');
const caseCount = 1_000;
const batchSize = 200;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const hubCli = (dataDir: string, args: string[]): string => {
  const result = spawnSync(process.execPath, [hubBin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim().split('\n').at(-1) as string;
};

const startHub = (dataDir: string, port: number): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hubBin, 'serve', '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('hub did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });

const device = (dir: string) => {
  const services = openAppServices(dir, { transport: 'cli', keySource: benchKeySource });
  const dispatch = createDispatch(createHandlers(services), services.logging);
  return { services, api: createApiClient((channel, input) => dispatch(channel, input)) };
};

/**
 * The interview answers and probe results of a visit, as a case carries them to the hub: 60
 * answers with notes and a latency/throughput summary with 200 raw samples (about 8 KB).
 */
/** A visit's worth of data (~10 KB) in fields the hub accepts for an answer row (it refuses unknown fields). */
const visitPayload = (i: number, caseId: string) => ({
  case_id: caseId,
  question_id: `bench.visit_${i}`,
  measured: 0,
  value: JSON.stringify(
    Array.from({ length: 60 }, (_, q) => ({ question: `q-${q}`, value: (q * 7 + i) % 5, note: q % 4 === 0 ? `Observed on site visit ${i}: backups run nightly` : '' })),
  ),
  note: JSON.stringify({
    latency: { p50: 12.5 + (i % 7), p95: 31.2, jitter: 2.1, loss: 0 },
    throughput: { downMbps: 412 + i, upMbps: 98, bufferbloat: 'B' },
    samples: Array.from({ length: 200 }, (_, s) => Math.round(10_000 + ((s * 37 + i) % 900)) / 1000),
  }),
});

const fill = async (services: AppServices, api: ReturnType<typeof device>['api']): Promise<void> => {
  for (let i = 0; i < caseCount; i += 1) {
    const created = await api.createCase({ customerName: `Customer ${i}`, siteName: 'HQ', engineer: 'Bench', contacts: [{ name: 'IT lead' }, { name: 'CFO' }] });
    services.db.transaction(() => appendMutation(services.db, 'answers', newId(), visitPayload(i, created.id), nextTimestamp(services.db)))();
  }
};

/** A bare HTTP server on loopback that takes uploads and serves downloads, doing nothing else. */
const rawServer = async (download: Buffer): Promise<{ port: number; close: () => Promise<void> }> => {
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      req.on('data', () => undefined).on('end', () => res.end('{}'));
    } else res.end(download);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
};

export async function runSyncBench(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-sync-bench-'));
  const hubDir = path.join(root, 'hub');
  let hub: ChildProcess | undefined;
  try {
    hubCli(hubDir, ['partner', 'create', '--name', 'Bench']);
    const port = await freePort();
    hub = await startHub(hubDir, port);
    const url = `http://127.0.0.1:${port}`;

    const engineer = device(path.join(root, 'engineer'));
    await engineer.api.enrollDevice({ hubUrl: url, code: hubCli(hubDir, ['enroll-code', '--partner', 'Bench', '--role', 'engineer']) });
    await fill(engineer.services, engineer.api);
    // The exact request bodies the push will send, for the raw reference.
    const bodies: string[] = [];
    const all = pendingMutations(engineer.services.db, 1_000_000);
    for (let i = 0; i < all.length; i += batchSize) bodies.push(JSON.stringify({ mutations: all.slice(i, i + batchSize) }));
    const pushBytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0);

    tuneSync(engineer.services, { batchSize, skipPull: true });
    let started = performance.now();
    const pushed = await engineer.api.syncNow({});
    const pushMs = performance.now() - started;
    if (pushed.pushed !== all.length) throw new Error(`pushed ${pushed.pushed} of ${all.length}`);

    const manager = device(path.join(root, 'manager'));
    await manager.api.enrollDevice({ hubUrl: url, code: hubCli(hubDir, ['enroll-code', '--partner', 'Bench', '--role', 'account-manager']) });
    tuneSync(manager.services, { pageSize: 500 });
    started = performance.now();
    const pulled = await manager.api.syncNow({});
    const pullMs = performance.now() - started;
    const pulledCases = (await manager.api.listPartnerCases({})).length;
    if (pulledCases !== caseCount) throw new Error(`pulled ${pulledCases} cases of ${caseCount}`);
    const pullBytes = (manager.services.db.prepare('SELECT sum(length(fields)) AS n FROM sync_remote_rows').get() as { n: number }).n;

    const raw = await rawServer(Buffer.alloc(pullBytes, 'x'));
    started = performance.now();
    for (const body of bodies) await (await fetch(`http://127.0.0.1:${raw.port}/`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).text();
    const rawUploadMs = performance.now() - started;
    started = performance.now();
    await (await fetch(`http://127.0.0.1:${raw.port}/`)).arrayBuffer();
    const rawDownloadMs = performance.now() - started;
    await raw.close();
    engineer.services.close();
    manager.services.close();

    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return [
      row({
        workload: `sync push ${caseCount} cases (answers + probe results) to a loopback hub`,
        ours: Math.round(pushMs),
        reference: Math.round(rawUploadMs),
        unit: 'ms',
        target: '≤ 3×',
        note: `${all.length} mutations, ${mb(pushBytes)} MiB in ${bodies.length} requests; reference: raw HTTP POST of the same bodies to a bare server`,
      }),
      row({
        workload: `sync pull ${pulled.pulled} rows into a fresh device`,
        ours: Math.round(pullMs),
        reference: Math.round(rawDownloadMs),
        unit: 'ms',
        target: '≤ 3×',
        note: `${mb(pullBytes)} MiB of row fields; reference: raw HTTP GET of as many bytes`,
      }),
    ];
  } finally {
    hub?.kill('SIGTERM');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
