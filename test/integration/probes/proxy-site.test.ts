import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeBundleSchema } from '../../../shared/probes/bundle-schema';
import type { EndpointResult } from '../../../electron/services/probes/probes/ai-endpoints-probe';
import { repoRoot } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { makeCertificates } from '../../unit/probes/local-servers';
import { createOfflineSite } from './offline-site';
import { netnsUnavailableReason } from './shaped-link';

const unavailable = netnsUnavailableReason();
const collectorPath = path.join(repoRoot, 'dist/collector/groundwork-collector.cjs');
const ip = (args: readonly string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** Starts a process and resolves once it prints `ready` on stdout (its later lines are kept). */
const startUntil = (argv: readonly string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ child: ChildProcess; lines: () => string[] }>((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${argv.join(' ')} did not start: ${err}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, lines: () => out.split('\n').filter(Boolean) });
      }
    });
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`)));
  });

/** The laptop reaches the internet only through the site's proxy, which runs on its router. */
describe.skipIf(unavailable !== null)('AI endpoints on a site whose only way out is its proxy (network namespaces)', () => {
  it('the collector process honours HTTPS_PROXY: direct is refused at the router, both endpoints answer through the proxy', async () => {
    const site = createOfflineSite({ dns: 'silent', gateway: 'up' });
    const internet = `gwnet${process.pid % 1000}${Math.floor(Math.random() * 900 + 100)}`;
    const subnet = 1 + (Math.floor(Math.random() * 250));
    const serverAddress = `10.236.${subnet}.2`;
    const upstreamAddress = `10.236.${subnet}.1`;
    const children: ChildProcess[] = [];
    try {
      // The "internet": a namespace behind the router. The router reaches it itself, but forwards
      // nothing for the laptop (forwarding off), as a site whose firewall only lets the proxy out.
      ip(['netns', 'add', internet]);
      ip(['-n', site.router, 'link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'wan0', 'netns', internet]);
      ip(['-n', site.router, 'addr', 'add', `${upstreamAddress}/24`, 'dev', 'up0']);
      ip(['-n', internet, 'addr', 'add', `${serverAddress}/24`, 'dev', 'wan0']);
      ip(['-n', site.router, 'link', 'set', 'up0', 'up']);
      ip(['-n', internet, 'link', 'set', 'wan0', 'up']);
      ip(['-n', internet, 'link', 'set', 'lo', 'up']);
      execFileSync('ip', ['netns', 'exec', site.router, 'sysctl', '-qw', 'net.ipv4.ip_forward=0'], { stdio: 'pipe' });

      const certs = makeCertificates();
      const server = await startUntil(
        [
          'ip', 'netns', 'exec', internet, process.execPath, '-e',
          `const https = require('node:https');
           const s = https.createServer({ key: process.env.KEY, cert: process.env.CERT }, (q, r) => { r.writeHead(401); r.end(); });
           s.listen(443, '${serverAddress}', () => console.log('ready'));`,
        ],
        /ready/,
        { ...process.env, KEY: certs.leafKey, CERT: certs.leafPem + certs.caPem },
      );
      children.push(server.child);
      const proxy = await startUntil(
        ['ip', 'netns', 'exec', site.router, process.execPath, '--import', 'tsx', path.join(repoRoot, 'test/support/connect-proxy.ts'), site.routerAddress, '3128', `api.ai-vendor.test=${serverAddress}`],
        /listening/,
      );
      children.push(proxy.child);

      const out = path.join(tempDir(), 'bundle.json');
      const urls = [`https://${serverAddress}/v1/models`, 'https://api.ai-vendor.test/v1/models'];
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          'ip',
          ['netns', 'exec', site.laptop, process.execPath, collectorPath, '--probes', 'ai-endpoints', ...urls.flatMap((u) => ['--ai-endpoint', u]), '--out', out],
          { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HTTPS_PROXY: `http://${site.routerAddress}:3128` } },
        );
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdout.resume();
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.code, run.stderr).toBe(0);
      const bundle = probeBundleSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
      const ai = bundle.results.find((r) => r.probeId === 'ai-endpoints');
      expect(ai?.status, ai?.message).toBe('ok');
      expect(ai?.metrics).toMatchObject({ 'ai.endpoints_reachable': 2, 'ai.endpoints_reachable_direct': 0, 'ai.endpoints_reachable_via_proxy': 2 });
      const endpoints = ai?.details.endpoints as EndpointResult[];
      // Direct to the address: the router refuses to forward (ICMP unreachable) or drops it.
      expect(endpoints[0]?.direct.error).toMatch(/no route|unreachable|timed out/);
      // Direct by name: the site's DNS is silent; the proxy resolves the name itself.
      expect(endpoints[1]?.direct.error).toMatch(/DNS|timed out/);
      for (const e of endpoints) expect(e).toMatchObject({ route: 'proxy', routeDecidedBy: 'HTTPS_PROXY', httpStatus: 401, reachableViaProxy: true });
      expect(proxy.lines().filter((l) => l.startsWith('tunnel ')).sort()).toEqual([`tunnel ${serverAddress}:443`, 'tunnel api.ai-vendor.test:443']);
      expect(ai?.message).toMatch(/Reachable only through the proxy/);
      process.stdout.write(`proxy site: ${ai?.message}\n`);
    } finally {
      for (const c of children) c.kill('SIGKILL');
      try {
        ip(['netns', 'del', internet]);
      } catch {
        // teardown: the namespace was never made
      }
      site.teardown();
    }
  }, 60_000);
});
