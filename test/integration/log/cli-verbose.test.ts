import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';

describe('groundwork --verbose', () => {
  it('puts the log on stderr with the call and its operation id; without it stderr stays quiet', () => {
    const dataDir = tempDir();
    // The first open records how the key is held and warns once (passphrase mode here); after that a quiet run is quiet.
    expect(runCli(['cases', 'list', '--data-dir', dataDir]).stderr).toMatch(/WARNING: Passphrase mode/);
    const quiet = runCli(['cases', 'list', '--data-dir', dataDir]);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = runCli(['cases', 'list', '--verbose', '--data-dir', dataDir]);
    expect(verbose.status).toBe(0);
    const line = JSON.parse(verbose.stderr.trim().split('\n').at(-1) as string) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 20, channel: 'cases:list', msg: 'call done' });
    expect(String(line.op)).toMatch(/^[0-9a-f-]{36}$/);
    // Both runs also wrote the file log in the data directory.
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'groundwork.log'), 'utf8')).toContain('"channel":"cases:list"');
  });
});
