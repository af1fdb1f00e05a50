import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeBundleSchema } from '../../../shared/probes/bundle-schema';
import { cliPath, runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { makeCertificates, startDnsServer, startHttpsServer, startSntpServer } from '../../unit/probes/local-servers';
import { startReflector } from '../../../electron/services/probes/throughput/reflector-server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every target on loopback: the collector must not send a packet off this machine. */
const loopbackTargets = async (): Promise<string[]> => {
  const reflector = await startReflector({ port: 0, host: '127.0.0.1' });
  const dns = await startDnsServer({ localhost: '127.0.0.1' });
  const sntp = await startSntpServer(0);
  const https = await startHttpsServer(makeCertificates());
  cleanups.push(() => reflector.close(), () => dns.close(), () => sntp.close(), () => https.close());
  return [
    '--no-gateway',
    '--reflector', `127.0.0.1:${reflector.port}`,
    '--dns-name', 'localhost',
    '--resolver', dns.server,
    '--ntp', sntp.target,
    '--ai-endpoint', https.url,
    '--mtu-target', '127.0.0.1',
  ];
};

describe('groundwork collect and import', () => {
  it('collects the default suite into a bundle that imports into a case; a tampered copy is refused and changes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'bundle.json');
    const args = await loopbackTargets();
    const started = performance.now();
    const collected = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, 'collect', ...args, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const seconds = (performance.now() - started) / 1000;
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stdout).toMatch(/Collected 9 probes/);
    process.stdout.write(`default suite via the CLI: ${seconds.toFixed(1)} s (including process start)\n`);

    const bundle = probeBundleSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(bundle.results.map((r) => r.probeId)).toEqual(['hardware', 'network-config', 'latency', 'dns', 'ai-endpoints', 'ntp', 'neighbours', 'path-mtu', 'wifi']);
    expect(bundle.results.find((r) => r.probeId === 'latency')?.status).toBe('ok');
    expect(bundle.results.find((r) => r.probeId === 'ai-endpoints')?.metrics['ai.tls_intercepted']).toBe(true);

    const dataDir = path.join(dir, 'data');
    const created = runCli(['cases', 'create', '--customer', 'Fabrikam', '--json', '--data-dir', dataDir]);
    const caseId = (JSON.parse(created.stdout) as { id: string }).id;

    const tampered = path.join(dir, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(out, 'utf8').replace(/"hardware.cpu_cores": \d+/, '"hardware.cpu_cores": 512'));
    const refused = runCli(['import', tampered, '--case', caseId, '--data-dir', dataDir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^groundwork: The bundle was altered after it was written/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);

    const truncated = path.join(dir, 'truncated.json');
    fs.writeFileSync(truncated, fs.readFileSync(out, 'utf8').slice(0, 500));
    expect(runCli(['import', truncated, '--case', caseId, '--data-dir', dataDir]).stderr).toMatch(/truncated/);
    expect(runCli(['import', path.join(dir, 'missing.json'), '--case', caseId, '--data-dir', dataDir]).stderr).toMatch(/No such file/);

    const imported = runCli(['import', out, '--case', caseId, '--json', '--data-dir', dataDir]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ caseId, source: 'collector', bundleSha256: bundle.sha256 });
  });

  it('refuses an unknown probe id with the list of known ones', () => {
    const result = runCli(['collect', '--probes', 'latency,teleport', '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown probe "teleport"\. Known probes: hardware, /);
  });

  it('groundwork reflector echoes UDP and stops on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [cliPath, 'reflector', '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    for (let i = 0; i < 200 && !stdout.includes('listening'); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(stdout).toMatch(/listening on 127\.0\.0\.1:\d+/);
    const socket = dgram.createSocket('udp4');
    const echoed = await new Promise<Buffer>((resolve) => {
      socket.once('message', resolve);
      socket.send(Buffer.from('GWE1-hello'), port, '127.0.0.1');
    });
    socket.close();
    expect(echoed.toString()).toBe('GWE1-hello');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stdout).toMatch(/Reflector stopped/);
  });
});

