import { afterEach, describe, expect, it } from 'vitest';
import { appVersion } from '../../../shared/app-version';
import { openTestServices, type TestServices } from '../../support/services';

let t: TestServices | null = null;
afterEach(() => {
  t?.services.close();
  t = null;
});

describe('every export names the Groundwork version that made it', () => {
  it('in the footer and the generator meta; a reproduction keeps the version of the original', async () => {
    t = openTestServices();
    const { api } = t;
    const c = await api.createCase({ customerName: 'Versioned Co' });
    const html = await api.exportReport({ caseId: c.id, kind: 'executive', format: 'html' });
    const text = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(text).toContain(`generated with Groundwork ${appVersion} · template`);
    expect(text).toMatch(new RegExp(`<meta name="generator" content="Groundwork ${appVersion.replace(/\./g, '\\.')}, report template [^"]+">`));

    // An export recorded by a Groundwork that did not keep its version yet: its reproduction says
    // plain "Groundwork", never this build's version (that would misstate who made it).
    const stored = t.services.db.prepare('SELECT source_json FROM report_exports WHERE id = ?').get(html.record.id) as { source_json: string };
    const { generator, ...older } = JSON.parse(stored.source_json) as { generator: string };
    expect(generator).toBe(`Groundwork ${appVersion}`);
    t.services.db.prepare('UPDATE report_exports SET source_json = ? WHERE id = ?').run(JSON.stringify(older), html.record.id);
    const again = await api.reproduceReportExport({ exportId: html.record.id });
    const againText = Buffer.from(again.base64, 'base64').toString('utf8');
    expect(againText).toContain('generated with Groundwork · template');
    expect(againText).not.toContain(`Groundwork ${appVersion}`);
  });
});
