import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { benchKeySource } from './bench-key';
import { openAppServices } from '../electron/services/app-services';
import { percentile, row, timeMany, type BenchRow } from './bench-row';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Gzip size of the built renderer's JavaScript and CSS (what the window loads at start). */
const rendererBundleRow = (): BenchRow => {
  const assets = path.join(repoRoot, 'dist/renderer/assets');
  if (!fs.existsSync(assets)) execFileSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'ignore' });
  const files = fs.readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const gz = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
  return row({ workload: 'renderer bundle (js+css, gzip)', ours: Math.round(gz / 1024), reference: null, unit: 'KiB', note: `${files.length} files` });
};

/** Create and open cases through the real dispatch, against bare better-sqlite3 on the same file. */
const caseRows = async (): Promise<BenchRow[]> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-'));
  const services = openAppServices(dir, { transport: 'cli', keySource: benchKeySource });
  const dispatch = createDispatch(createHandlers(services), services.logging);
  const ids: string[] = [];
  const create = await timeMany(300, async (i) => {
    const result = await dispatch('cases:create', { customerName: `Bench customer ${i}`, siteName: 'HQ' });
    if (result.ok) ids.push((result.value as { id: string }).id);
  });
  const open = await timeMany(500, (i) => dispatch('cases:get', { id: ids[i % ids.length] }));
  const raw = services.openConnection({ readonly: true });
  const rawGet = raw.prepare('SELECT * FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?');
  const rawOpen = await timeMany(500, (i) => rawGet.get(ids[i % ids.length]));
  raw.close();
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    row({ workload: 'create case (dispatch → SQLite, fsync) p95', ours: Number(percentile(create, 95).toFixed(2)), reference: null, unit: 'ms' }),
    row({
      workload: 'open case (dispatch, validated) p95',
      ours: Number(percentile(open, 95).toFixed(3)),
      reference: Number(percentile(rawOpen, 95).toFixed(3)),
      unit: 'ms',
      note: 'reference: the same join through better-sqlite3 directly',
    }),
  ];
};

export const runFoundationBench = async (): Promise<BenchRow[]> => [rendererBundleRow(), ...(await caseRows())];
