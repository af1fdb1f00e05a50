import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openAppServices } from '../electron/services/app-services';
import { benchKeySource, benchPassphrase } from './bench-key';
import { seedCases } from '../test/support/seed-cases';
import { percentile, row, type BenchRow } from './bench-row';

const repoRoot = path.resolve(import.meta.dirname, '..');
const bin = path.join(repoRoot, 'bin/groundwork');

/** Wall milliseconds of one process run to its exit. */
const wall = (args: readonly string[], env: NodeJS.ProcessEnv): number => {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 300)}`);
  return ms;
};

/**
 * CLI start as a script sees it: `bin/groundwork` from the build (GROUNDWORK_RUN=built), each
 * run a new process, against `node -e 0` run interleaved with it in the same loop so machine load
 * hits both alike. Medians of 15.
 */
export const runCliStartBench = async (): Promise<BenchRow[]> => {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-cli.mjs'), 'cli'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build:cli failed: ${build.stderr}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-cli-'));
  const services = openAppServices(dataDir, { transport: 'cli', keySource: benchKeySource });
  seedCases(services.db, { cases: 1000, interviewed: 0 });
  services.close();
  const env = { ...process.env, GROUNDWORK_RUN: 'built', GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_PASSPHRASE: benchPassphrase };
  const listed = spawnSync(process.execPath, [bin, 'cases', 'list', '--json'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const count = (JSON.parse(listed.stdout) as unknown[]).length;
  const node: number[] = [];
  const version: number[] = [];
  const list: number[] = [];
  const runs = 15;
  for (let i = 0; i < runs + 2; i += 1) {
    const n = wall(['-e', '0'], env);
    const v = wall([bin, '--version'], env);
    const l = wall([bin, 'cases', 'list', '--json'], env);
    // The first two rounds warm the file cache and are not counted.
    if (i >= 2) {
      node.push(n);
      version.push(v);
      list.push(l);
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const median = (values: number[]) => Number(percentile(values, 50).toFixed(0));
  return [
    row({ workload: 'node -e 0 (reference start)', ours: median(node), reference: null, unit: 'ms', note: `median of ${runs}` }),
    row({
      workload: 'groundwork --version (built) wall',
      ours: median(version),
      reference: median(node),
      unit: 'ms',
      target: '≤ 200 ms and ≤ 2× node',
      note: 'reference: node -e 0 in the same loop',
    }),
    row({
      workload: `groundwork cases list --json, ${count} cases (built) wall`,
      ours: median(list),
      reference: median(node),
      unit: 'ms',
      note: 'reference: node -e 0 in the same loop',
    }),
  ];
};
