import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHubProgram } from '../../../hub/cli/hub-program';
import { repoRoot } from '../../support/run-cli';

/**
 * The deployment files cannot be run here (no Docker, no systemd as PID 1), so they are held to
 * what the hub itself reads: every setting they name exists, and every setting the hub reads is in
 * the example environment an operator copies.
 */
const deploy = path.join(repoRoot, 'hub/deploy');
// js-yaml is the YAML parser electron-builder already brings (no types of its own here).
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const read = (file: string) => fs.readFileSync(path.join(deploy, file), 'utf8');

const hubSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'deploy' ? [] : hubSources(full);
    return entry.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });

const envReadByHub = (): Set<string> => {
  const names = new Set<string>();
  for (const text of [...hubSources(path.join(repoRoot, 'hub')), read('healthcheck.mjs')]) {
    for (const m of text.matchAll(/process\.env\.([A-Z_]+)/g)) names.add(m[1] as string);
  }
  return names;
};

/** Keys only the packaging reads: compose's database password and the systemd unit's arguments. */
const packagingOnly = new Set(['POSTGRES_PASSWORD', 'GROUNDWORK_HUB_SERVE_ARGS']);

const serveOptions = (): Set<string> => {
  const serve = buildHubProgram().commands.find((c) => c.name() === 'serve');
  return new Set((serve?.options ?? []).map((o) => o.long).filter((l): l is string => Boolean(l)));
};

describe('hub deployment files agree with the hub', () => {
  it('the example environment names exactly the settings the hub reads, and those of the packaging', () => {
    const keys = read('groundwork-hub.env.example')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0] as string);
    const hubReads = envReadByHub();
    for (const key of keys) expect(hubReads.has(key) || packagingOnly.has(key), `${key} is read by nothing`).toBe(true);
    for (const key of hubReads) if (key.startsWith('GROUNDWORK_HUB_') || key === 'DATABASE_URL') expect(keys, `${key} missing from the example`).toContain(key);
  });

  it('compose.yaml parses, and its hub command uses only options serve has', () => {
    const compose = yaml.load(read('compose.yaml')) as { services: Record<string, { command?: string[]; environment?: Record<string, string> }> };
    const hub = compose.services.hub;
    expect(hub?.command?.[0]).toBe('serve');
    const options = serveOptions();
    for (const arg of hub?.command ?? []) if (arg.startsWith('--')) expect(options, arg).toContain(arg);
    for (const key of Object.keys(hub?.environment ?? {})) expect(envReadByHub().has(key), `${key} in compose is read by nothing`).toBe(true);
  });

  it('the systemd unit and the Dockerfile start `serve` with options it has, as an unprivileged user, with a health check that exists', () => {
    const options = serveOptions();
    const serveArgs = /^GROUNDWORK_HUB_SERVE_ARGS=(.*)$/m.exec(read('groundwork-hub.env.example'))?.[1] ?? '';
    const dockerCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1] ?? '[]') as string[];
    for (const arg of [...serveArgs.split(/\s+/), ...dockerCmd]) if (arg.startsWith('--')) expect(options, arg).toContain(arg);
    const unit = read('groundwork-hub.service');
    expect(unit).toMatch(/^ExecStart=\S+node \S+groundwork-hub\.mjs serve \$GROUNDWORK_HUB_SERVE_ARGS$/m);
    expect(unit).toMatch(/^User=groundwork-hub$/m);
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*healthcheck\.mjs/m);
    for (const m of dockerfile.matchAll(/^COPY --from=build \/src\/(hub\/\S+)/gm)) expect(fs.existsSync(path.join(repoRoot, m[1] as string)), m[1]).toBe(true);
  });

  it('the Grafana dashboard is JSON with panels', () => {
    const dashboard = JSON.parse(read('grafana-dashboard.json')) as { panels?: unknown[] };
    expect(dashboard.panels?.length).toBeGreaterThan(0);
  });
});
