import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
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
import { freePort, postgresAvailable, startPostgres, type TestPostgres } from '../test/support/postgres';
import { openHubStore } from '../hub/store/open-hub-store';
import { createEnrollCode } from '../hub/sync/hub-service';
import { percentile, row, type BenchRow } from './bench-row';

const repoRoot = path.resolve(import.meta.dirname, '..');
const hubBin = path.join(repoRoot, 'bin/groundwork-hub');
const deviceCount = 20;
const casesPerDevice = 100;
const batchSize = 200;

type StoreKind = 'sqlite' | 'postgres';

const hubEnv = (databaseUrl: string | undefined): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
};

const hubCli = (dataDir: string, env: NodeJS.ProcessEnv, args: string[]): string => {
  const result = spawnSync(process.execPath, [hubBin, ...args, '--data-dir', dataDir], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim().split('\n').at(-1) as string;
};

const startHub = (dataDir: string, env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hubBin, 'serve', '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env });
    const timer = setTimeout(() => reject(new Error('hub did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });

/** A visit's answers and probe summary (~7 KB), as the push bench sends. */
const visitFields = (i: number, caseId: string) => ({
  case_id: caseId,
  question_id: `bench.visit_${i}`,
  measured: 0,
  value: JSON.stringify(Array.from({ length: 60 }, (_, q) => ({ question: `q-${q}`, value: (q * 7 + i) % 5, note: q % 4 === 0 ? `Observed on site visit ${i}: backups run nightly` : '' }))),
  note: JSON.stringify({ latency: { p50: 12.5 + (i % 7), p95: 31.2 }, samples: Array.from({ length: 200 }, (_, s) => Math.round(10_000 + ((s * 37 + i) % 900)) / 1000) }),
});

/** Push request times as the devices see them (request sent → answer's headers), from the fetch they use. */
const timingPushes = async <T>(work: () => Promise<T>): Promise<{ result: T; times: number[] }> => {
  const realFetch = globalThis.fetch;
  const times: number[] = [];
  globalThis.fetch = async (input, init) => {
    const started = performance.now();
    const response = await realFetch(input, init);
    if (String(input instanceof Request ? input.url : input).endsWith('/v1/push')) times.push(performance.now() - started);
    return response;
  };
  try {
    return { result: await work(), times };
  } finally {
    globalThis.fetch = realFetch;
  }
};

/** The same bodies from as many concurrent clients to a bare HTTP server that only reads them. */
const rawConcurrentUpload = async (bodiesPerDevice: string[][]): Promise<{ seconds: number; times: number[] }> => {
  const server = http.createServer((req, res) => {
    req.on('data', () => undefined).on('end', () => res.end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/v1/push`;
  try {
    const started = performance.now();
    const { times } = await timingPushes(() =>
      Promise.all(
        bodiesPerDevice.map(async (bodies) => {
          for (const body of bodies) await (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).text();
        }),
      ),
    );
    return { seconds: (performance.now() - started) / 1000, times };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
};

const loadRows = async (kind: StoreKind): Promise<BenchRow[]> => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `groundwork-sync-load-${kind}-`));
  const hubDir = path.join(root, 'hub');
  let cluster: TestPostgres | undefined;
  let hub: ChildProcess | undefined;
  const opened: AppServices[] = [];
  try {
    // A durable PostgreSQL (fsync on), like the SQLite store's full fsync: the same promise to a device.
    if (kind === 'postgres') cluster = await startPostgres({ durable: true });
    const env = hubEnv(cluster ? await cluster.newDatabase() : undefined);
    hubCli(hubDir, env, ['partner', 'create', '--name', 'Bench']);
    // The codes straight from the store: a CLI process per device would be most of the set-up time.
    const store = await openHubStore({ dataDir: hubDir, databaseUrl: env.DATABASE_URL });
    const codes: string[] = [];
    try {
      for (let d = 0; d < deviceCount; d += 1) codes.push((await createEnrollCode(store, 'Bench', 'engineer', 3_600_000)).code);
    } finally {
      await store.close();
    }
    const port = await freePort();
    hub = await startHub(hubDir, env, port);
    const devices: Array<{ services: AppServices; api: ReturnType<typeof createApiClient> }> = [];
    for (let d = 0; d < deviceCount; d += 1) {
      const services = openAppServices(path.join(root, `device-${d}`), { transport: 'cli', keySource: benchKeySource });
      opened.push(services);
      const dispatch = createDispatch(createHandlers(services), services.logging);
      const api = createApiClient((channel, input) => dispatch(channel, input));
      await api.enrollDevice({ hubUrl: `http://127.0.0.1:${port}`, code: codes[d] as string });
      for (let i = 0; i < casesPerDevice; i += 1) {
        const created = await api.createCase({ customerName: `Customer ${d}-${i}`, siteName: 'HQ', engineer: 'Bench', contacts: [{ name: 'IT lead' }] });
        services.db.transaction(() => appendMutation(services.db, 'answers', newId(), visitFields(i, created.id), nextTimestamp(services.db)))();
      }
      tuneSync(services, { batchSize, skipPull: true });
      devices.push({ services, api });
    }
    const bodies = devices.map(({ services }) => {
      const all = pendingMutations(services.db, 1_000_000);
      return Array.from({ length: Math.ceil(all.length / batchSize) }, (_, b) => JSON.stringify({ mutations: all.slice(b * batchSize, (b + 1) * batchSize) }));
    });
    const expected = devices.reduce((sum, { services }) => sum + pendingMutations(services.db, 1_000_000).length, 0);

    const started = performance.now();
    const { result: reports, times } = await timingPushes(() => Promise.all(devices.map(({ api }) => api.syncNow({}))));
    const seconds = (performance.now() - started) / 1000;
    const pushed = reports.reduce((sum, r) => sum + r.pushed, 0);
    if (pushed !== expected) throw new Error(`pushed ${pushed} of ${expected}`);
    const raw = await rawConcurrentUpload(bodies);

    const label = `sync load: ${deviceCount} devices × ${casesPerDevice} cases pushing at once to one hub on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
    const p = (list: number[], q: number) => Math.round(percentile(list, q));
    return [
      row({
        workload: `${label}, changes/s`,
        ours: Math.round(pushed / seconds),
        reference: Math.round(pushed / raw.seconds),
        unit: 'changes/s',
        note: `${pushed} changes in ${times.length} pushes of ≤ ${batchSize}; reference: the same bodies from ${deviceCount} clients to a bare server`,
      }),
      row({
        workload: `${label}, push p95`,
        ours: p(times, 95),
        reference: p(raw.times, 95),
        unit: 'ms',
        note: `p99 ${p(times, 99)} ms (raw ${p(raw.times, 99)} ms)${kind === 'postgres' ? '; PostgreSQL with fsync on' : '; SQLite with full fsync'}`,
      }),
    ];
  } finally {
    for (const services of opened) services.close();
    hub?.kill('SIGTERM');
    if (hub && hub.exitCode === null) await new Promise((resolve) => hub?.once('exit', resolve));
    cluster?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
};

/** One store's failure is its own row: the other store's figures still print. */
const loadRowsOrFailure = async (kind: StoreKind): Promise<BenchRow[]> => {
  try {
    return await loadRows(kind);
  } catch (error) {
    return [row({ workload: `sync load on ${kind} (failed)`, ours: Number.NaN, reference: null, unit: '', note: String(error) })];
  }
};

export async function runSyncLoadBench(): Promise<BenchRow[]> {
  const rows = await loadRowsOrFailure('sqlite');
  if (postgresAvailable()) rows.push(...(await loadRowsOrFailure('postgres')));
  else rows.push(row({ workload: 'sync load on PostgreSQL (skipped)', ours: Number.NaN, reference: null, unit: '', note: 'no PostgreSQL server binaries (GROUNDWORK_PG_BIN)' }));
  return rows;
}
