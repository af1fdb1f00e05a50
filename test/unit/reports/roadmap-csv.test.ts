import { buildReportModel } from '../../../shared/reports/report-model';
import { connectwisePriority, findingsToPsaCsv, psaCsvHeader } from '../../../shared/reports/csv';
import { parseCsv } from '../../integration/reports/document-tools';
import { fixtureBranding } from './report-fixtures';
import { describe, expect, it } from 'vitest';
import { buildRoadmap, horizonFor } from '../../../shared/reports/roadmap';
import { csvCell, csvRow, neutralizeFormula, proposalToCsv } from '../../../shared/reports/csv';
import { buildProposal } from '../../../shared/reports/proposal';
import { fixturePriceBook, fullSource } from './report-fixtures';

describe('roadmap', () => {
  it('puts critical and cheap high risks now, big projects and minor issues later', () => {
    expect(horizonFor('critical', 'high')).toBe('now');
    expect(horizonFor('high', 'low')).toBe('now');
    expect(horizonFor('high', 'high')).toBe('next');
    expect(horizonFor('medium', 'low')).toBe('now');
    expect(horizonFor('medium', 'medium')).toBe('next');
    expect(horizonFor('medium', 'high')).toBe('later');
    expect(horizonFor('low', 'low')).toBe('next');
    expect(horizonFor('info', 'low')).toBe('later');
  });

  it('includes every recommendation and every uncovered non-info finding, most severe first', () => {
    const source = fullSource();
    const roadmap = buildRoadmap(source.recommendations, source.findings);
    const all = [...roadmap.now, ...roadmap.next, ...roadmap.later];
    const covered = new Set(source.recommendations.flatMap((r) => r.findingIds));
    const expected = source.recommendations.length + source.findings.filter((f) => !covered.has(f.id) && f.severity !== 'info').length;
    expect(all).toHaveLength(expected);
    expect(roadmap.now[0]?.severity).toBe('critical');
    expect(all.map((i) => i.title)).toContain('No data classification policy');
  });
});

describe('CSV of proposal lines', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(neutralizeFormula(bad).startsWith("'")).toBe(true);
    expect(csvRow(['=HYPERLINK("http://e","x")', 'ok'])).toBe('"\'=HYPERLINK(""http://e"",""x"")",ok');
  });

  it('has a header and one CRLF row per line with plain decimals', () => {
    const csv = proposalToCsv(buildProposal(fullSource(), fixturePriceBook));
    // Starts with the UTF-8 byte-order mark so Excel reads it as UTF-8.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[0]).toBe('SKU,Description,Quantity,Unit,Unit price,Line total,Currency,Billing,Valid until');
    expect(rows).toContain('BACKUP-M,Managed backup,143,device,12.99,1857.57,EUR,monthly,2026-12-22');
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(1 + 5 + 1);
  });
});

describe('PSA ticket CSV', () => {
  it('parses back to one row per finding with the PSA columns, BOM first, formulas neutralised', () => {
    const model = buildReportModel('technical', { source: fullSource({ customer: { name: '=HYPERLINK("x")' } }), branding: fixtureBranding, priceBook: fixturePriceBook });
    if (model.kind !== 'technical') throw new Error('technical model expected');
    const csv = findingsToPsaCsv(model);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(psaCsvHeader);
    expect(rows.slice(1)).toHaveLength(model.findings.length);
    const first = rows[1]!;
    expect(first[0]).toBe(model.findings[0]!.title);
    expect(first[1]).toBe('\'=HYPERLINK("x")');
    expect(first[3]).toBe(connectwisePriority[model.findings[0]!.severity]);
  });
});
