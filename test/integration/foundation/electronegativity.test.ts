import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/run-cli';

const check = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts/check-electronegativity.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });

describe.skipIf(!fs.existsSync(path.join(repoRoot, 'dist/electron/main.cjs')))('electronegativity check', () => {
  it('passes the shipped main process and preload', () => {
    const result = check();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('every file parsed');
  });

  it('fails on a window with Node integration and no isolation', () => {
    const result = check({ GROUNDWORK_SCAN_MAIN: path.join(repoRoot, 'test/fixtures/insecure-electron/main.cjs') });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL: (NODE_INTEGRATION|CONTEXT_ISOLATION)/);
  });
});
