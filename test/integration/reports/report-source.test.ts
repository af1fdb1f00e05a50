import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildReportSource } from '../../../electron/services/reports/build-report-source';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { exportReport } from '../../../electron/services/reports/export-report';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { fold, pdfPages, pdfText } from './document-tools';
import { answerEverything, recordProbeRun } from './full-case';

let t: TestServices | null = null;
let printer: ChromiumPdfPrinter;
beforeAll(() => {
  printer = new ChromiumPdfPrinter();
});
afterAll(async () => {
  await printer.close();
});
afterEach(() => {
  t?.services.close();
  t = null;
});

describe('report source from the case data', () => {
  it('a fresh case has its customer and site, and empty sections rather than a score of zero', async () => {
    t = openTestServices();
    const c = await t.api.createCase({ customerName: 'Northwind', siteName: 'HQ', siteAddress: 'Road 1', engineer: 'Dana' });
    const source = buildReportSource(t.services, c.id, '2026-11-22');
    expect(source).toMatchObject({ customer: { name: 'Northwind' }, site: { name: 'HQ', address: 'Road 1' }, engineer: 'Dana', date: '2026-11-22', overall: null });
    expect(source.findings).toEqual([]);
    expect(source.measurements).toEqual([]);
  });

  it('an answered interview and a probe run give scores, findings with evidence, measurements with samples', async () => {
    t = openTestServices();
    const c = await t.api.createCase({ customerName: 'Northwind', engineer: 'Dana' });
    const answered = await answerEverything(t.api, c.id);
    expect(answered).toBeGreaterThan(5);
    recordProbeRun(t.services, c.id);
    const score = await t.api.getCaseScore({ caseId: c.id });
    const source = buildReportSource(t.services, c.id);
    expect(source.overall?.score).toBeCloseTo(score.index, 5);
    expect(source.pillars.map((p) => p.name)).toEqual(score.pillars.map((p) => p.title));
    expect(source.pillars.some((p) => p.answers.length > 0)).toBe(true);
    expect(source.findings.map((f) => f.title)).toEqual(score.findings.map((f) => f.title));
    expect(score.findings.length).toBeGreaterThan(0);
    // People read the label and the formatted value; the metric name stays for the JSON attachment.
    const rtt = source.measurements.find((m) => m.metric === 'latency.rtt_ms_p50');
    expect(rtt).toMatchObject({ name: 'Round-trip time (median)', value: 38.2, unit: 'ms', display: '38.2 ms', status: 'pass' });
    expect(source.measurements.find((m) => m.name.startsWith('Round trip to the default gateway'))?.samples).toHaveLength(60);
    // A probe that did not run here is not a measurement: it is listed with why, never as a row of values.
    expect(source.measurements.find((m) => m.probe === 'Wi-Fi')).toBeUndefined();
    expect(source.unmeasured).toContainEqual(expect.objectContaining({ probe: 'Wi-Fi', name: 'Wi-Fi signal', reason: 'No Wi-Fi interface on this machine' }));
  });

  it('the technical PDF of that case has every finding title and measurement chart', async () => {
    t = openTestServices();
    const c = await t.api.createCase({ customerName: 'Northwind Traders', engineer: 'Dana' });
    await answerEverything(t.api, c.id);
    recordProbeRun(t.services, c.id);
    const { profile } = await t.api.saveBrandingProfile({ name: 'Acme', partnerName: 'Acme IT Services', primaryColor: '#0b3d6b', accentColor: '#b3541e' });
    await t.api.setCaseBranding({ caseId: c.id, profileId: profile.id });
    const result = await exportReport(t.services, { caseId: c.id, kind: 'technical', format: 'pdf' }, () => printer.print);
    const file = path.join(tempDir(), 'technical.pdf');
    fs.writeFileSync(file, result.bytes);
    const text = pdfText(file);
    const score = await t.api.getCaseScore({ caseId: c.id });
    for (const f of score.findings) expect(text).toContain(fold(f.title));
    expect(text).toContain('Northwind Traders');
    expect(text).toContain('Acme IT Services');
    expect(text).toContain('Round-trip time (median)');
    expect(pdfPages(file)).toBeGreaterThanOrEqual(5);
    fs.copyFileSync(file, path.join(process.env.GROUNDWORK_KEEP_REPORTS ?? path.dirname(file), 'full-case-technical.pdf'));
  });
});
