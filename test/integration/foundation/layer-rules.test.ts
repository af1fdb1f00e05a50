import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';

/** Runs dependency-cruiser with the project's own rules on a small tree written for the test. */
const cruise = (files: Record<string, string>) => {
  const root = tempDir('groundwork-layers-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  fs.copyFileSync(path.join(repoRoot, '.dependency-cruiser.cjs'), path.join(root, '.dependency-cruiser.cjs'));
  fs.copyFileSync(path.join(repoRoot, 'tsconfig.depcruise.json'), path.join(root, 'tsconfig.depcruise.json'));
  fs.copyFileSync(path.join(repoRoot, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', 'shared', 'renderer', 'electron', 'hub'].filter(
      (arg) => arg.includes('/') || arg.startsWith('-') || fs.existsSync(path.join(root, arg)),
    ),
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

const clean = {
  'shared/model.ts': 'export const model = 1;\n',
  'renderer/view.ts': "import { model } from '../shared/model';\nexport const view = model;\n",
  'electron/main/main.ts': "import { app } from 'electron';\nimport { model } from '../../shared/model';\nexport const m = [app, model];\n",
  'electron/services/db.ts': "import fs from 'node:fs';\nexport const db = fs;\n",
  'hub/server.ts': "import { model } from '../shared/model';\nexport const s = model;\n",
};

describe('layer rules (dependency-cruiser)', () => {
  it('pass on a tree that keeps them', () => {
    const result = cruise(clean);
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it.each([
    ['shared-is-pure', { 'shared/bad.ts': "import { db } from '../electron/services/db';\nexport const x = db;\n" }],
    ['shared-has-no-node-api', { 'shared/bad.ts': "import fs from 'node:fs';\nexport const x = fs;\n" }],
    ['renderer-sees-shared-only', { 'renderer/bad.ts': "import { db } from '../electron/services/db';\nexport const x = db;\n" }],
    ['renderer-has-no-node-api', { 'renderer/bad.ts': "import path from 'node:path';\nexport const x = path;\n" }],
    ['electron-only-in-main-and-preload', { 'electron/services/bad.ts': "import { app } from 'electron';\nexport const x = app;\n" }],
    ['hub-sees-shared-only', { 'hub/bad.ts': "import { db } from '../electron/services/db';\nexport const x = db;\n" }],
  ])('fail on a deliberate %s violation', (rule, bad) => {
    const result = cruise({ ...clean, ...bad });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(rule);
  });
});
