import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probeBundleSchema } from '../../../shared/probes/bundle-schema';
import { repoRoot } from '../../support/run-cli';
import { tempDir } from '../../support/temp-dir';
import { netnsUnavailableReason } from './shaped-link';
import { createOfflineSite, type OfflineSiteOptions } from './offline-site';

const unavailable = netnsUnavailableReason();

/** The single-file collector an engineer runs on a customer's machine (built by the global setup). */
const collectorPath = path.join(repoRoot, 'dist/collector/groundwork-collector.cjs');

/** Runs the default suite as a process inside the laptop namespace; resolves when the process has exited. */
const collectInside = (exec: readonly string[], out: string) =>
  new Promise<{ code: number | null; stderr: string; seconds: number }>((resolve) => {
    const started = performance.now();
    const child = spawn(exec[0] as string, [...exec.slice(1), process.execPath, collectorPath, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr, seconds: (performance.now() - started) / 1000 }));
  });

const scenarios: [string, OfflineSiteOptions, RegExp][] = [
  // What each site's DNS failure must be called: the words an engineer acts on.
  ['no internet (gateway up, everything beyond black-holed)', { dns: 'silent', gateway: 'up' }, /DNS silent/],
  // c-ares reads the ICMP port-unreachable as no answer and retries until its timeout, so either word is honest.
  ['no DNS (nothing listens on port 53 of the configured server)', { dns: 'refused', gateway: 'up' }, /DNS silent|DNS refused/],
  ['no DNS server configured at all', { dns: 'none', gateway: 'up' }, /DNS refused|no DNS server/],
  ['dead gateway (nothing answers ARP for it)', { dns: 'silent', gateway: 'dead' }, /DNS silent|no route|unreachable/i],
];

describe.skipIf(unavailable !== null)('offline sites: the default suite as a process', () => {
  it.each(scenarios)('%s: exits in under 10 s and every failure says why', async (_name, options, dnsWords) => {
    const site = createOfflineSite(options);
    try {
      const out = path.join(tempDir(), 'bundle.json');
      const run = await collectInside(site.exec, out);
      process.stdout.write(`offline ${JSON.stringify(options)}: process exited after ${run.seconds.toFixed(1)} s\n`);
      expect(run.code, run.stderr).toBe(0);
      // Process start included: the target is for the whole process, as an engineer waits for it.
      expect(run.seconds).toBeLessThan(10);
      const bundle = probeBundleSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
      const byId = Object.fromEntries(bundle.results.map((r) => [r.probeId, r]));
      // Offline is a result, not a hang: no probe runs into its timeout.
      expect(bundle.results.filter((r) => r.status === 'timeout').map((r) => `${r.probeId}: ${r.message}`)).toEqual([]);
      for (const r of bundle.results.filter((x) => x.status === 'failed')) expect(r.message.length, r.probeId).toBeGreaterThan(20);
      expect(byId.dns?.status).toBe('failed');
      expect(byId.dns?.message).toMatch(dnsWords);
      expect(byId.ntp?.message).toMatch(dnsWords);
      expect(byId['ai-endpoints']?.message).toMatch(dnsWords);
      expect(byId['ai-endpoints']?.metrics['ai.endpoints_reachable']).toBe(0);
      for (const [name, m] of Object.entries(byId['ai-endpoints']?.measurements ?? {})) {
        if (m.state !== 'measured') expect(m.reason, name).not.toBe('');
      }
    } finally {
      site.teardown();
    }
  }, 60_000);
});
