import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const cliPath = path.join(repoRoot, 'bin/groundwork');

/** Runs `bin/groundwork` as a user would, in its own process. */
export const runCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
