import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../../electron/cli/program';
import { buildHubProgram } from '../../../hub/cli/hub-program';
import { probeBundleSchema } from '../../../shared/probes/bundle-schema';
import { freePort } from '../../support/postgres';
import { repoRoot, runCli } from '../../support/run-cli';
import { hubBin } from '../../support/hub-process';
import { tempDir } from '../../support/temp-dir';

// What ships, run as it ships: the hub bundle straight from dist/ by node (no tsx, no sources),
// the single-file collector on a PATH that holds no node, and the CLI's answer to a typo.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const builtHub = path.join(repoRoot, 'dist/hub/groundwork-hub.mjs');

/** `node dist/hub/groundwork-hub.mjs …` with no loader: a .ts import anywhere in it would fail. */
const runBuiltHub = (args: readonly string[], dataDir: string) => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, [builtHub, ...args, '--data-dir', dataDir], { encoding: 'utf8', env, timeout: 60_000 });
};

const startBuiltHub = async (dataDir: string): Promise<string> => {
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [builtHub, 'serve', '--port', String(port), '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`built hub did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`built hub exited with ${code}: ${output}`));
    });
  });
  return `http://127.0.0.1:${port}`;
};

describe('what ships runs as it ships', () => {
  it('the hub bundle runs from dist/ with node alone, and a device enrolls and syncs against it', async () => {
    expect(fs.existsSync(builtHub), 'the vitest global setup builds dist/ first').toBe(true);
    const hubDir = tempDir();
    const created = runBuiltHub(['partner', 'create', '--name', 'Northwind IT'], hubDir);
    expect(created.status, created.stderr).toBe(0);
    const codeRun = runBuiltHub(['enroll-code', '--partner', 'Northwind IT', '--role', 'engineer'], hubDir);
    expect(codeRun.status, codeRun.stderr).toBe(0);
    const code = codeRun.stdout.trim().split('\n').at(-1) as string;
    const hubUrl = await startBuiltHub(hubDir);

    const device = tempDir();
    const enrolled = runCli(['enroll', '--hub', hubUrl, '--code', code, '--name', 'Field laptop', '--data-dir', device]);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    expect(runCli(['cases', 'create', '--customer', 'Contoso', '--data-dir', device]).status).toBe(0);
    const synced = runCli(['sync', '--json', '--data-dir', device]);
    expect(synced.status, synced.stderr).toBe(0);
    const report = JSON.parse(synced.stdout) as { pushed: number; status: { pendingCount: number; partnerName: string } };
    // A case is one mutation at least (its row, plus whatever the create records): all of them went.
    expect(report.pushed).toBeGreaterThan(0);
    expect(report.status).toMatchObject({ pendingCount: 0, partnerName: 'Northwind IT' });

    const devices = runBuiltHub(['devices', 'list', '--json'], hubDir);
    expect(devices.status, devices.stderr).toBe(0);
    expect((JSON.parse(devices.stdout) as Array<{ name: string }>).map((d) => d.name)).toContain('Field laptop');
  });

  it('the single-file collector runs with no node on PATH and its bundle imports into a case', { timeout: 240_000 }, async () => {
    const outDir = tempDir();
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-collector.mjs'), '--out-dir', outDir, '--use-built'], { encoding: 'utf8', timeout: 180_000 });
    expect(built.status, built.stderr).toBe(0);
    const executable = path.join(outDir, `groundwork-collector-${process.platform}-${process.arch}`);
    // An ELF/Mach-O executable, not a script that would need an interpreter.
    expect(fs.readFileSync(executable).subarray(0, 4).toString('latin1')).toMatch(/^(\x7fELF|\xcf\xfa\xed\xfe)$/);
    const sums = fs.readFileSync(path.join(outDir, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(new RegExp(`^[0-9a-f]{64}  ${path.basename(executable)}$`, 'm'));

    // A latency target on loopback that accepts TCP connections.
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as net.AddressInfo).port;

    const emptyPath = tempDir();
    expect(fs.readdirSync(emptyPath)).toEqual([]);
    const bundlePath = path.join(tempDir(), 'bundle.json');
    const collected = spawnSync(executable, ['--probes', 'hardware,latency', '--target', `127.0.0.1:${port}`, '--no-gateway', '--out', bundlePath], {
      encoding: 'utf8',
      env: { PATH: emptyPath, HOME: emptyPath },
      timeout: 60_000,
    });
    expect(collected.status, collected.stderr).toBe(0);
    const bundle = probeBundleSchema.parse(JSON.parse(fs.readFileSync(bundlePath, 'utf8')));
    expect(bundle.results.map((r) => r.probeId)).toEqual(['hardware', 'latency']);
    expect(bundle.results.find((r) => r.probeId === 'latency')?.status).toBe('ok');

    const dataDir = tempDir();
    const created = runCli(['cases', 'create', '--customer', 'Fabrikam', '--json', '--data-dir', dataDir]);
    const caseId = (JSON.parse(created.stdout) as { id: string }).id;
    const imported = runCli(['import', bundlePath, '--case', caseId, '--json', '--data-dir', dataDir]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ caseId, source: 'collector', bundleSha256: bundle.sha256 });
  });

  it('a mistyped or unknown command exits 2 with a suggestion', () => {
    const typo = runCli(['cass', 'list']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("unknown command 'cass'");
    expect(typo.stderr).toContain('Did you mean: groundwork cases?');
    const unknown = runCli(['nosuchcommand']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'nosuchcommand'/);
    // Nothing close enough to guess: the known commands are listed instead.
    expect(unknown.stderr).toMatch(/Known commands: .*cases/);
    expect(unknown.stdout).toBe('');
  });
});


describe('help and the release workflow', () => {
  it("every groundwork and groundwork-hub command's --help lists its exit codes", () => {
    // Every command's help through the programs themselves (a process each would take minutes on
    // a busy 2-core machine), then the shipped entry points for a few, to show they print the same.
    const helpOf = (command: Command): string => {
      let out = '';
      command.configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (out += text) });
      command.outputHelp();
      return out;
    };
    const commandsOf = (command: Command): Command[] => command.commands.flatMap((sub) => [sub, ...commandsOf(sub)]);
    const cli = buildProgram();
    const hub = buildHubProgram();
    expect(commandsOf(cli).length).toBeGreaterThan(10);
    for (const command of [cli, ...commandsOf(cli), hub, ...commandsOf(hub)]) {
      const help = helpOf(command);
      expect(help, command.name()).toMatch(/Exit codes:\n\s+0 /);
      expect(help, command.name()).toMatch(/^\s+2 /m);
    }
    for (const words of [[], ['cases', 'list'], ['collect']]) {
      const help = runCli([...words, '--help']);
      expect(help.status, words.join(' ')).toBe(0);
      expect(help.stdout, words.join(' ')).toMatch(/Exit codes:\n\s+0 /);
    }
    for (const words of [['serve'], ['partner', 'create']]) {
      const help = spawnSync(process.execPath, [hubBin, ...words, '--help'], { encoding: 'utf8', timeout: 60_000 });
      expect(help.status, words.join(' ')).toBe(0);
      expect(help.stdout, words.join(' ')).toMatch(/Exit codes:\n\s+0 /);
    }
  });

  it('the release workflow parses, builds every platform, and calls only scripts that exist', () => {
    // js-yaml is the YAML parser electron-builder and electron-updater already bring.
    const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
    const workflow = yaml.load(fs.readFileSync(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { 'runs-on': string; strategy?: { matrix: { include: Array<{ os: string; builder: string; collector: string }> } }; steps: Array<{ run?: string; uses?: string }> }>;
    };
    expect(Object.keys(workflow.on)).toContain('push');
    const build = workflow.jobs.build;
    expect(build).toBeDefined();
    const matrix = build!.strategy!.matrix.include;
    expect(matrix.map((m) => m.builder.split(' ')[0]).sort()).toEqual(['--linux', '--mac', '--mac', '--win']);
    expect(matrix.map((m) => m.collector).sort()).toEqual(['darwin-arm64', 'darwin-x64', 'linux-x64', 'win-x64']);
    const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? '')).join('\n');
    const npmRuns = [...runs.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] as string);
    expect(npmRuns.length).toBeGreaterThan(0);
    for (const name of npmRuns) expect(scripts, `npm run ${name}`).toHaveProperty(name);
    const nodeScripts = [...runs.matchAll(/node (scripts\/[\w.-]+)/g)].map((m) => m[1] as string);
    expect(nodeScripts).toContain('scripts/build-collector.mjs');
    for (const file of nodeScripts) expect(fs.existsSync(path.join(repoRoot, file)), file).toBe(true);
    const testFiles = [...runs.matchAll(/vitest run ([\w/.-]+)/g)].map((m) => m[1] as string);
    expect(testFiles).toContain('test/e2e/electron-app.test.ts');
    for (const file of testFiles) expect(fs.existsSync(path.join(repoRoot, file)), file).toBe(true);
  });
});
