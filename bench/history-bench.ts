import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { benchKeySource } from './bench-key';
import { openAppServices } from '../electron/services/app-services';
import { ftsMatchExpression } from '../shared/history/fts-query';
import { seedCases, seededRandom } from '../test/support/seed-cases';
import { percentile, row, timeMany, type BenchRow } from './bench-row';

const searchTerms = ['north', 'warehouse', 'priya', 'dental', 'backup', 'contoso logistics', 'shadow', 'clinic', 'mfa', 'alpine'];

const p95 = (times: number[]) => Number(percentile(times, 95).toFixed(2));

/** Memory of a fresh process that opens 1000 cases the way the app does (detail and score). */
interface OpenedMemory {
  readonly baseline: number;
  readonly justAfter: number;
  readonly after: number;
  readonly heapUsedMib: number;
}

const memoryAfterOpening = (dataDir: string, ids: readonly string[]): Promise<OpenedMemory> =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'open-cases-child.ts'), [dataDir, ...ids.slice(0, 1000)], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (m) => resolve(m as OpenedMemory));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`open-cases child exited ${code}`))));
  });

export const runHistoryBench = async (): Promise<BenchRow[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-history-bench-'));
  const services = openAppServices(dir, { transport: 'cli', keySource: benchKeySource });
  const seedStart = performance.now();
  const ids = seedCases(services.db, { cases: 10_000, interviewed: 500 });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const dispatch = createDispatch(createHandlers(services), services.logging);
  const random = seededRandom(7);

  const ours = await timeMany(200, async (i) => {
    const result = await dispatch('history:search', { text: searchTerms[i % searchTerms.length], limit: 100 });
    if (!result.ok) throw new Error(result.error.message);
  });
  const raw = services.openConnection({ readonly: true });
  const direct = raw.prepare(
    `SELECT c.id, cu.name, s.name, c.title, c.engineer, c.status, c.created_at FROM case_search
     JOIN cases c ON c.rowid = case_search.rowid JOIN customers cu ON cu.id = c.customer_id LEFT JOIN sites s ON s.id = c.site_id
     WHERE case_search MATCH ? ORDER BY c.created_at DESC LIMIT 100`,
  );
  const reference = await timeMany(200, (i) => direct.all(ftsMatchExpression(searchTerms[i % searchTerms.length] as string)));

  const listOurs = await timeMany(200, async () => {
    const offset = Math.floor(random() * 99) * 100;
    const result = await dispatch('history:search', { offset, limit: 100 });
    if (!result.ok) throw new Error(result.error.message);
  });
  const directList = raw.prepare(
    `SELECT c.id, cu.name, s.name, c.title, c.engineer, c.status, c.created_at FROM cases c
     JOIN customers cu ON cu.id = c.customer_id LEFT JOIN sites s ON s.id = c.site_id
     ORDER BY c.created_at DESC, c.id DESC LIMIT 100 OFFSET ?`,
  );
  const listReference = await timeMany(200, () => directList.all(Math.floor(random() * 99) * 100));
  raw.close();
  services.close();

  const memory = await memoryAfterOpening(dir, ids);
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    row({
      workload: 'history search at 10k cases p95 (FTS5, first page)',
      ours: p95(ours),
      reference: p95(reference),
      unit: 'ms',
      target: '< 20 ms, ≤ 2× direct',
      note: `reference: the same MATCH through better-sqlite3 directly; seeded in ${seedSeconds.toFixed(0)} s`,
    }),
    row({
      workload: 'history list page at 10k cases p95',
      ours: p95(listOurs),
      reference: p95(listReference),
      unit: 'ms',
      target: '< 10 ms',
      note: 'random page of 100; reference: the bare SELECT … LIMIT/OFFSET',
    }),
    row({
      workload: 'memory after opening 1000 cases (RSS)',
      ours: memory.after,
      reference: memory.baseline,
      unit: 'MiB',
      target: '≤ reference + 30 MiB',
      note: `detail + score of each; RSS once idle (V8 returns its garbage's pages after a few idle seconds: ${memory.justAfter} MiB right after the last open); reference: the same process idle before opening any; JS heap in use after: ${memory.heapUsedMib} MiB`,
    }),
  ];
};
