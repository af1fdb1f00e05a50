import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import { buildBundle } from '../../../electron/services/probes/bundle';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';

/** A refusal is exit 2, one plain sentence naming the field, no stack trace, no bundle. */
const expectRefused = (args: string[], pattern: RegExp, dir: string) => {
  const out = path.join(dir, 'bundle.json');
  const result = runCli(['collect', '--probes', 'hardware,latency', '--no-gateway', ...args, '--out', out]);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/ERR_SOCKET_BAD_PORT|at .*\.(ts|js|mjs):\d+/);
  expect(fs.existsSync(out)).toBe(false);
};

describe('collect refuses bad targets before any probe runs', () => {
  it.each([
    [['--target', 'h:999999'], /hosts\[0\]: the port 999999 is outside 1–65535/],
    [['--target', 'h:65536'], /hosts\[0\]: the port 65536 is outside 1–65535/],
    [['--target', 'h:0'], /hosts\[0\]: the port 0 is outside 1–65535/],
    [['--reflector', 'h:999999'], /reflector: the port 999999 is outside 1–65535/],
    [['--mtu-target', '-c'], /mtuTargets\[0\]: "-c" starts with "-"/],
  ])('%j', (args, pattern) => {
    expectRefused(args, pattern, tempDir());
  });
});

describe('import reads every encoding and creates nothing when it fails', () => {
  const result: ProbeResult = {
    probeId: 'hardware',
    title: 'Hardware',
    status: 'ok',
    message: 'Überprüft',
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 5,
    metrics: { 'hardware.cpu_cores': 4 },
    samples: [],
    details: {},
  };
  const text = `${JSON.stringify(buildBundle({ results: [result], targets: probeTargetsSchema.parse({}), toolVersion: '0.1.0' }), null, 2)}\n`;

  it('imports a bundle PowerShell 5 wrote (UTF-16LE with BOM) and one with a UTF-8 BOM', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const created = runCli(['cases', 'create', '--customer', 'Fabrikam', '--json', '--data-dir', dataDir]);
    expect(created.status, created.stderr).toBe(0);
    const caseId = (JSON.parse(created.stdout) as { id: string }).id;
    const utf16 = path.join(dir, 'ps5.json');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const first = runCli(['import', utf16, '--case', caseId, '--json', '--data-dir', dataDir]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ caseId, source: 'collector' });
    const bom = path.join(dir, 'bom.json');
    fs.writeFileSync(bom, `\uFEFF${text}`, 'utf8');
    const second = runCli(['import', bom, '--case', caseId, '--json', '--data-dir', dataDir]);
    expect(second.status, second.stderr).toBe(0);
    // Same content, so the same run: the BOM changed neither the bytes hashed nor the result.
    expect((JSON.parse(second.stdout) as { id: string }).id).toBe((JSON.parse(first.stdout) as { id: string }).id);
  });

  it('with a --data-dir that does not exist, says so and leaves no folder or database behind', () => {
    const dir = tempDir();
    const bundle = path.join(dir, 'bundle.json');
    fs.writeFileSync(bundle, text);
    const missing = path.join(dir, 'no-such-history');
    const refused = runCli(['import', bundle, '--case', '00000000-0000-4000-8000-000000000000', '--data-dir', missing]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/No case history at .*no-such-history/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('with a --data-dir that exists but holds no case history, writes no key, database or log into it', () => {
    const dir = tempDir();
    const bundle = path.join(dir, 'bundle.json');
    fs.writeFileSync(bundle, text);
    const empty = path.join(dir, 'empty-folder');
    fs.mkdirSync(empty);
    const refused = runCli(['import', bundle, '--case', '00000000-0000-4000-8000-000000000000', '--data-dir', empty]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/holds no case history/);
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});

describe('collect creates no file when it fails', () => {
  it('an --out folder that does not exist is refused before any probe runs', () => {
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'bundle.json');
    const result = runCli(['collect', '--probes', 'hardware', '--no-gateway', '--out', out]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/--out: the folder .*missing does not exist; no probe was run/);
    expect(result.stderr).not.toMatch(/Hardware and OS:/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it('an --out that is a folder is refused before any probe runs and the folder is untouched', () => {
    const dir = tempDir();
    const result = runCli(['collect', '--probes', 'hardware', '--no-gateway', '--out', dir]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/is a folder/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it('--case in a --data-dir with no case history: refused first, nothing written there or to --out', () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const out = path.join(dir, 'bundle.json');
    const result = runCli(['collect', '--probes', 'hardware', '--no-gateway', '--case', '00000000-0000-4000-8000-000000000000', '--data-dir', empty, '--out', out]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/holds no case history/);
    expect(fs.readdirSync(dir)).toEqual(['empty']);
    expect(fs.readdirSync(empty)).toEqual([]);
  });
  it('--case naming no case in a real history: refused before probing, no bundle and no new file in the history', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    expect(runCli(['cases', 'create', '--customer', 'Fabrikam', '--json', '--data-dir', dataDir]).status).toBe(0);
    const before = fs.readdirSync(dataDir).sort();
    const out = path.join(dir, 'bundle.json');
    const result = runCli(['collect', '--probes', 'hardware', '--no-gateway', '--case', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir, '--out', out]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toMatch(/Hardware and OS:/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  });
});
