import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApiClient } from '../shared/contract/api-client';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { openAppServices } from '../electron/services/app-services';
import { tuneSync } from '../electron/services/sync/sync-services';
import { seedCases } from '../test/support/seed-cases';
import { recordProbeRun } from '../test/integration/reports/full-case';
import { benchKeySource } from './bench-key';
import { percentile, row, timeMany, type BenchRow } from './bench-row';

const repoRoot = path.resolve(import.meta.dirname, '..');
const hubBin = path.join(repoRoot, 'bin/groundwork-hub');
const fullCases = 1_000;
const partnerCases = 10_000;

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
  return { services, dispatch, api: createApiClient((channel, input) => dispatch(channel, input)) };
};
type Device = ReturnType<typeof device>;

/** Full cases as an engineer's laptop holds them: every question answered (notes too) and a probe run with results. */
const seedFullCases = (d: Device, count: number, seed: number): string[] => {
  const ids = seedCases(d.services.db, { cases: count, interviewed: count, seed });
  for (const id of ids) recordProbeRun(d.services, id);
  return ids;
};

/** What the case page asks for when a case is opened: the case, its answers, its probe runs, its score. */
const openCase = async (d: Device, caseId: string): Promise<void> => {
  for (const [channel, input] of [
    ['cases:get', { id: caseId }],
    ['interview:answers', { caseId }],
    ['probes:list-runs', { caseId }],
    ['interview:score', { caseId }],
  ] as const) {
    const result = await d.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  }
};

/** A bare HTTP server on loopback that serves one download, doing nothing else. */
const rawServer = async (download: Buffer): Promise<{ port: number; close: () => Promise<void> }> => {
  const server = http.createServer((_req, res) => res.end(download));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
};

const p95 = (times: number[]) => Number(percentile(times, 95).toFixed(2));

/** Seeding and syncing 10,000 cases takes minutes on a busy machine: say where it is, on stderr. */
const progress = (text: string): void => void process.stderr.write(`  desk: ${text}\n`);

/**
 * The account manager's desk: engineers' full cases pulled from a loopback hub process and
 * materialised into the local tables, then a partner case opened and scored beside a local one.
 */
export async function runDeskBench(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-desk-bench-'));
  const hubDir = path.join(root, 'hub');
  let hub: ChildProcess | undefined;
  const opened: Device[] = [];
  try {
    hubCli(hubDir, ['partner', 'create', '--name', 'Bench']);
    const port = await freePort();
    hub = await startHub(hubDir, port);
    const url = `http://127.0.0.1:${port}`;
    const enroll = async (name: string, role: string) => {
      const d = device(path.join(root, name));
      opened.push(d);
      await d.api.enrollDevice({ hubUrl: url, code: hubCli(hubDir, ['enroll-code', '--partner', 'Bench', '--role', role]), deviceName: name });
      tuneSync(d.services, { batchSize: 500, pageSize: 500 });
      return d;
    };

    // 1. An engineer's 1,000 full cases, pulled by a fresh account manager's laptop.
    const engineer = await enroll('engineer', 'engineer');
    let started = performance.now();
    progress(`seeding ${fullCases} full cases`);
    const fullIds = seedFullCases(engineer, fullCases, 11);
    const seedSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    progress('pushing them to the hub');
    const pushed = await engineer.api.syncNow({});
    const pushMs = performance.now() - started;

    const desk = await enroll('desk', 'account-manager');
    progress('pulling them into the account manager\'s laptop');
    started = performance.now();
    const pulled = await desk.api.syncNow({});
    const pullMs = performance.now() - started;
    const materialised = (desk.services.db.prepare('SELECT count(*) AS n FROM cases WHERE owner_device IS NOT NULL').get() as { n: number }).n;
    if (materialised !== fullCases) throw new Error(`materialised ${materialised} cases of ${fullCases}`);
    const answersHere = (desk.services.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    const pullBytes = (desk.services.db.prepare('SELECT sum(length(fields)) AS n FROM sync_remote_rows').get() as { n: number }).n;
    const raw = await rawServer(Buffer.alloc(pullBytes, 'x'));
    started = performance.now();
    await (await fetch(`http://127.0.0.1:${raw.port}/`)).arrayBuffer();
    const rawDownloadMs = performance.now() - started;
    await raw.close();

    // 2. The partner's history grows to 10,000 cases on the desk (the rest without interviews).
    progress(`growing the partner's history to ${partnerCases} cases`);
    seedCases(engineer.services.db, { cases: partnerCases - fullCases, interviewed: 0, seed: 12 });
    await engineer.api.syncNow({});
    await desk.api.syncNow({});
    const partnerHere = (desk.services.db.prepare('SELECT count(*) AS n FROM cases WHERE owner_device IS NOT NULL').get() as { n: number }).n;
    if (partnerHere !== partnerCases) throw new Error(`${partnerHere} partner cases on the desk, not ${partnerCases}`);

    // A full local case on the desk (every question answered, one probe run): the reference.
    const [localId] = seedFullCases(desk, 1, 11);
    progress('opening partner and local cases');
    const partnerIds = fullIds.slice(0, 200);
    const partnerOpen = await timeMany(200, (i) => openCase(desk, partnerIds[i % partnerIds.length] as string));
    const localOpen = await timeMany(200, () => openCase(desk, localId as string));

    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return [
      row({
        workload: `open + score a partner case at ${partnerCases / 1000}k partner cases p95`,
        ours: p95(partnerOpen),
        reference: p95(localOpen),
        unit: 'ms',
        target: '≤ 2× local',
        note: 'case, answers, probe runs, score through the dispatcher; reference: a full local case (every question answered, one probe run) on the same laptop, same run',
      }),
      row({
        workload: `pull materialising ${fullCases} full cases from a loopback hub`,
        ours: Math.round(pullMs),
        reference: Math.round(rawDownloadMs),
        unit: 'ms',
        note: `${pulled.pulled} rows (${answersHere} answers), ${mb(pullBytes)} MiB of fields; reference: raw HTTP GET of as many bytes; push ${Math.round(pushMs)} ms (${pushed.pushed} mutations), seeded in ${seedSeconds.toFixed(0)} s`,
      }),
    ];
  } finally {
    for (const d of opened) d.services.close();
    hub?.kill('SIGTERM');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
