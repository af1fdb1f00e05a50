import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../electron/cli/program';
import type { Command } from 'commander';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { openTestDatabaseFile } from '../../support/test-key';

const allCommandPaths = (command: Command, prefix: string[] = []): string[][] =>
  command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...allCommandPaths(sub, path)];
  });

describe('groundwork CLI', () => {
  it('creates a case and lists it as JSON', () => {
    const dataDir = tempDir();
    const created = runCli(['cases', 'create', '--customer', 'Acme <b>bold</b>', '--site', 'HQ', '--json', '--data-dir', dataDir]);
    expect(created.status, created.stderr).toBe(0);
    const value = JSON.parse(created.stdout);
    expect(value).toMatchObject({ customerName: 'Acme <b>bold</b>', siteName: 'HQ', status: 'draft' });
    const listed = runCli(['cases', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout).map((c: { id: string }) => c.id)).toEqual([value.id]);
  });

  it('honours GROUNDWORK_DATA_DIR when --data-dir is absent', () => {
    const dataDir = tempDir();
    expect(runCli(['cases', 'create', '--customer', 'Env Co'], { GROUNDWORK_DATA_DIR: dataDir }).status).toBe(0);
    const listed = runCli(['cases', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout)[0].customerName).toBe('Env Co');
  });

  it('demo creates a sample customer with cases', () => {
    const dataDir = tempDir();
    const demo = runCli(['demo', '--json', '--data-dir', dataDir]);
    expect(demo.status, demo.stderr).toBe(0);
    const cases = JSON.parse(demo.stdout) as Array<{ customerName: string; contacts: unknown[] }>;
    expect(cases.length).toBeGreaterThanOrEqual(2);
    expect(cases[0]?.contacts.length).toBeGreaterThan(0);
    const all = JSON.parse(runCli(['cases', 'list', '--json', '--data-dir', dataDir]).stdout) as Array<{ id: string }>;
    expect(all).toHaveLength(cases.length);
    // --limit gives the newest ones only, and refuses what is not a count.
    const newest = JSON.parse(runCli(['cases', 'list', '--json', '--limit', '1', '--data-dir', dataDir]).stdout) as Array<{ id: string }>;
    expect(newest.map((c) => c.id)).toEqual([all[0]?.id]);
    const refused = runCli(['cases', 'list', '--limit', '0', '--data-dir', dataDir]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/--limit.*whole number of 1 or more/);
  });

  it('every command has --help that mentions --data-dir', () => {
    const paths = allCommandPaths(buildProgram()).filter((p) => p.length > 0);
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) {
      const help = runCli([...path, '--help']);
      expect(help.status, path.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: groundwork');
      const hasSubcommands = buildProgram().commands.find((c) => c.name() === path[0])?.commands.length;
      if (!(path.length === 1 && hasSubcommands)) expect(help.stdout, path.join(' ')).toContain('--data-dir');
    }
    // One process per command (about 40): slow on a loaded machine.
  }, 300_000);

  it('user mistakes go to stderr with a non-zero exit and no stack trace', () => {
    const dataDir = tempDir();
    const cases = [
      runCli(['cases', 'create', '--customer', '   ', '--data-dir', dataDir]),
      runCli(['cases', 'show', 'not-an-id', '--data-dir', dataDir]),
      runCli(['cases', 'show', '01900000-0000-7000-8000-000000000000', '--data-dir', dataDir]),
      runCli(['cases', 'create', '--data-dir', dataDir]),
      runCli(['no-such-command']),
    ];
    for (const result of cases) {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/\S/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
    expect(cases[0]?.stderr).toContain('Customer name is required');
    expect(cases[2]?.stderr).toContain('No case with id');
  });

  it('refuses a database from a newer Groundwork with a plain message', async () => {
    const dataDir = tempDir();
    expect(runCli(['cases', 'create', '--customer', 'Acme', '--data-dir', dataDir]).status).toBe(0);
    const db = openTestDatabaseFile(dataDir);
    db.pragma('user_version = 9999');
    db.close();
    const result = runCli(['cases', 'list', '--data-dir', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/newer Groundwork.*has not been changed/s);
  });
});
