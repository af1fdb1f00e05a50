import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportDocument } from '../../../shared/reports/components/report-document';
import { safeLogoUri } from '../../../shared/reports/components/report-parts';
import { buildReportModel, reportKinds, type ReportKind } from '../../../shared/reports/report-model';
import { reportSourceSchema } from '../../../shared/reports/report-source';
import { fixtureBranding, fixturePriceBook, fullSource, hostileText } from './report-fixtures';

const html = (kind: ReportKind, source = fullSource(), branding = fixtureBranding) =>
  renderToStaticMarkup(createElement(ReportDocument, { model: buildReportModel(kind, { source, branding, priceBook: fixturePriceBook }) }));

describe('report model', () => {
  it('is pure: the same inputs give the same model', () => {
    const inputs = { source: fullSource(), branding: fixtureBranding, priceBook: fixturePriceBook };
    for (const kind of reportKinds) expect(buildReportModel(kind, inputs)).toEqual(buildReportModel(kind, inputs));
  });

  it('executive: cover with partner and customer, summary counts, top five risks by severity', () => {
    const m = buildReportModel('executive', { source: fullSource(), branding: fixtureBranding, priceBook: [] });
    if (m.kind !== 'executive') throw new Error('kind');
    expect(m.cover.partnerName).toBe('Acme IT Services');
    expect(m.cover.customerName).toBe('Northwind Traders');
    expect(m.summary.severityCounts).toEqual({ critical: 2, high: 3, medium: 4, low: 2, info: 1 });
    expect(m.topRisks.map((f) => f.severity)).toEqual(['critical', 'critical', 'high', 'high', 'high']);
    expect(m.summary.weakest?.name).toBe('Security');
    expect(m.summary.strongest?.name).toBe('People and skills');
  });

  it('technical: every finding, grouped by pillar, and every measurement', () => {
    const m = buildReportModel('technical', { source: fullSource(), branding: fixtureBranding, priceBook: [] });
    if (m.kind !== 'technical') throw new Error('kind');
    expect(m.findings).toHaveLength(12);
    expect(m.pillarSections.flatMap((s) => s.findings)).toHaveLength(12);
    expect(m.measurements).toHaveLength(5);
  });

  it('an empty case renders every kind with "nothing yet" notes instead of failing', () => {
    const empty = reportSourceSchema.parse({ ...fullSource(), overall: null, pillars: [], findings: [], measurements: [], recommendations: [], exceptions: [] });
    for (const kind of reportKinds) expect(html(kind, empty)).toMatch(/No (pillar|findings|priced|risks)|nothing earlier to compare/);
  });
});

describe('report components', () => {
  it('show every finding title, the customer and the partner, with inline SVG charts', () => {
    const out = html('technical');
    for (const f of fullSource().findings) expect(out).toContain(f.title.replace(/&/g, '&amp;'));
    expect(out).toContain('Northwind Traders');
    expect(out).toContain('Acme IT Services');
    expect(out).toMatch(/<svg[^>]*gw-radar/);
    expect(out.match(/gw-series/g)?.length).toBe(4);
  });

  it('escape hostile customer names, notes and finding text', () => {
    const source = fullSource({ customer: { name: hostileText }, title: hostileText });
    source.findings[0]!.title = hostileText;
    source.findings[0]!.evidence = [hostileText];
    source.pillars[0]!.answers[0]!.note = hostileText;
    const branding = { ...fixtureBranding, partnerName: hostileText, footer: hostileText, contact: hostileText };
    for (const kind of reportKinds) {
      const out = html(kind, source, branding);
      expect(out).not.toContain('<script>');
      expect(out).not.toMatch(/<img src="?x/);
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('only our own base64 PNG or SVG data URIs reach an img', () => {
    expect(safeLogoUri('data:image/png;base64,iVBORw0KGgo=')).not.toBeNull();
    expect(safeLogoUri('data:image/svg+xml;base64,PHN2Zz4=')).not.toBeNull();
    expect(safeLogoUri('javascript:alert(1)')).toBeNull();
    expect(safeLogoUri('https://evil.example/logo.png')).toBeNull();
    expect(safeLogoUri('data:text/html;base64,PHNjcmlwdD4=')).toBeNull();
    expect(safeLogoUri('data:image/svg+xml,<svg onload=alert(1)>')).toBeNull();
    const out = html('executive', fullSource(), { ...fixtureBranding, logoDataUri: 'javascript:alert(1)' });
    expect(out).not.toContain('javascript:');
  });

  it('shows the proposal lines and totals, and an acceptance block', () => {
    const out = html('proposal');
    expect(out).toContain('MFA-LIC');
    expect(out).toContain('EUR 7,440.00');
    expect(out).toContain('EUR 2,688.08');
    expect(out).toMatch(/Signature/);
  });
});
