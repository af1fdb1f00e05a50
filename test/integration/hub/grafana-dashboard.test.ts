import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';

const stores = useHubStores();
const dashboardFile = new URL('../../../hub/deploy/grafana-dashboard.json', import.meta.url);

interface Target {
  expr: string;
  legendFormat?: string;
}
interface Panel {
  title: string;
  type: string;
  targets?: Target[];
}

/** Labels Prometheus adds to every scraped series itself: the hub never sends them. */
const scrapeLabels = new Set(['instance', 'job']);

/** Every sample of the exposition: metric name → its label sets. */
const samplesOf = (text: string): Map<string, Array<Record<string, string>>> => {
  const out = new Map<string, Array<Record<string, string>>>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? \S+$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] as string, m[2] as string]));
    out.set(match[1] as string, [...(out.get(match[1] as string) ?? []), labels]);
  }
  return out;
};

describe('the sample Grafana dashboard (hub/deploy/grafana-dashboard.json) against a real hub process', () => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  it('queries only metrics, labels and route values that /metrics exposes', async () => {
    // Traffic of every kind the dashboard graphs: enrollment, a push, a pull, a blob, a refused token.
    const enrolled = (await (
      await fetch(`${hub.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: enrollCode(where, 'Acme IT', 'engineer'), deviceName: 'laptop', localDeviceId: 'local' }),
      })
    ).json()) as { token: string };
    const auth = { authorization: `Bearer ${enrolled.token}` };
    const mutation = {
      seq: 1,
      mutationId: 'm-1',
      table: 'customers',
      rowId: '0190a000-0000-7000-8000-000000000001',
      op: 'upsert',
      fields: { name: 'Contoso' },
      hlc: `${String(Date.now()).padStart(13, '0')}-00000-x`,
      originDevice: 'local',
    };
    expect((await fetch(`${hub.url}/v1/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ mutations: [mutation] }) })).status).toBe(200);
    expect((await fetch(`${hub.url}/v1/pull`, { headers: auth })).status).toBe(200);
    const blob = Buffer.from('evidence');
    const sha = createHash('sha256').update(blob).digest('hex');
    expect((await fetch(`${hub.url}/v1/blobs/${sha}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: blob })).status).toBe(201);
    expect((await fetch(`${hub.url}/v1/pull`, { headers: { authorization: 'Bearer gwt_not-a-real-token-at-all' } })).status).toBe(401);
    const scraped = await fetch(`${hub.url}/metrics`);
    expect(scraped.status).toBe(200);
    const samples = samplesOf(await scraped.text());

    const dashboard = JSON.parse(fs.readFileSync(dashboardFile, 'utf8')) as { panels: Panel[]; templating: { list: Array<{ query?: unknown }> } };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, ...t })));
    for (const v of dashboard.templating.list) if (typeof v.query === 'string' && v.query.includes('groundwork_hub_')) exprs.push({ panel: 'variable', expr: v.query });
    expect(exprs.length).toBeGreaterThan(15);
    for (const panel of dashboard.panels) {
      expect(panel.title.trim(), `panel ${panel.type}`).not.toBe('');
      expect(panel.targets?.length ?? 0, panel.title).toBeGreaterThan(0);
    }

    const queried = new Set<string>();
    for (const { panel, expr, legendFormat } of exprs) {
      const names = [...expr.matchAll(/\b(groundwork_hub_[a-z0-9_]+)(?:\{([^}]*)\})?/g)];
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      const labelsInExpr = new Set<string>();
      for (const [, name, matchers] of names) {
        queried.add(name as string);
        const series = samples.get(name as string);
        expect(series, `${panel}: ${name} is not exposed by /metrics`).toBeDefined();
        for (const labels of series ?? []) for (const label of Object.keys(labels)) labelsInExpr.add(label);
        for (const [, label, op, value] of (matchers ?? '').matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)) {
          if (scrapeLabels.has(label as string)) continue;
          expect(series?.some((l) => label as string in l), `${panel}: ${name} has no label ${label}`).toBe(true);
          if (op === '=~' && /^[\w/:-]+(\|[\w/:-]+)*$/.test(value as string)) {
            // A list of literal values (route=~"/v1/push|/v1/pull"): each one must be a value the hub uses.
            for (const literal of (value as string).split('|')) expect(series?.some((l) => l[label as string] === literal), `${panel}: ${name}{${label}="${literal}"}`).toBe(true);
          } else {
            expect(() => new RegExp(value as string), `${panel}: ${value}`).not.toThrow();
          }
        }
      }
      for (const [, group] of expr.matchAll(/\bby\s*\(([^)]*)\)/g)) {
        for (const label of (group as string).split(',').map((l) => l.trim())) expect(labelsInExpr.has(label), `${panel}: by (${label})`).toBe(true);
      }
      for (const [, label] of (legendFormat ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
        if (!scrapeLabels.has(label as string)) expect(labelsInExpr.has(label as string), `${panel}: legend {{${label}}}`).toBe(true);
      }
    }
    // Latency, sizes, store health, held rows and the process itself are all on it.
    for (const name of ['groundwork_hub_http_request_duration_seconds_bucket', 'groundwork_hub_push_mutations_sum', 'groundwork_hub_pull_rows_sum', 'groundwork_hub_store_up', 'groundwork_hub_records', 'groundwork_hub_nodejs_eventloop_lag_p99_seconds']) {
      expect(queried.has(name), name).toBe(true);
    }
  });
});
