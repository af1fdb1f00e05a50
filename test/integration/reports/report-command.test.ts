import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { hostileText } from '../../unit/reports/report-fixtures';
import { pdfPages, pdfText } from './document-tools';

/** A data dir with one case (hostile customer name), a branding profile and a price book. */
const setup = async () => {
  const dataDir = tempDir();
  const { api, services } = openTestServices(dataDir);
  const created = await api.createCase({ customerName: `Northwind ${hostileText}`, siteName: 'Head office', engineer: 'Dana' });
  const { profile } = await api.saveBrandingProfile({ name: 'Acme', partnerName: 'Acme IT Services', primaryColor: '#0b3d6b', accentColor: '#b3541e', footer: 'Confidential' });
  await api.setCaseBranding({ caseId: created.id, profileId: profile.id });
  services.close();
  return { dataDir, caseId: created.id };
};

describe('groundwork report', () => {
  it('exports every format, writes the file, and records time, kind, format, template version and sha256', async () => {
    const { dataDir, caseId } = await setup();
    const out = tempDir();
    for (const [kind, format] of [
      ['executive', 'pdf'],
      ['technical', 'docx'],
      ['technical', 'html'],
      ['proposal', 'csv'],
    ] as const) {
      const file = path.join(out, `r.${format}`);
      const r = runCli(['report', '--data-dir', dataDir, '--case', caseId, '--kind', kind, '--format', format, '--out', file, '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const record = JSON.parse(r.stdout) as { sha256: string; kind: string; format: string; templateVersion: string; bytes: number };
      const bytes = fs.readFileSync(file);
      expect(record).toMatchObject({ kind, format, templateVersion: '1.0.0', bytes: bytes.length });
      expect(record.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(fs.readdirSync(out).filter((n) => n.includes('.partial-'))).toEqual([]);
    }
    const pdf = path.join(out, 'r.pdf');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain(`Northwind ${hostileText}`);
    expect(text).toContain('Acme IT Services');
    expect(fs.readFileSync(path.join(out, 'r.html'), 'utf8')).not.toContain('<script>alert');

    const { api, services } = openTestServices(dataDir);
    const history = await api.listReportExports({ caseId });
    services.close();
    expect(history.map((h) => `${h.kind}/${h.format}`).sort()).toEqual(['executive/pdf', 'proposal/csv', 'technical/docx', 'technical/html']);
  });

  it('says plainly what is wrong with bad input, without a stack trace', async () => {
    const { dataDir, caseId } = await setup();
    const file = path.join(tempDir(), 'x');
    const csvOfExecutive = runCli(['report', '--data-dir', dataDir, '--case', caseId, '--kind', 'executive', '--format', 'csv', '--out', file]);
    expect(csvOfExecutive.status).not.toBe(0);
    expect(csvOfExecutive.stderr).toMatch(/CSV export is the proposal \(price lines\) or the technical report/);
    expect(fs.existsSync(file)).toBe(false);
    const badKind = runCli(['report', '--data-dir', dataDir, '--case', caseId, '--kind', 'memo', '--format', 'pdf', '--out', file]);
    expect(badKind.status).not.toBe(0);
    expect(badKind.stderr).toMatch(/memo/);
    const noCase = runCli(['report', '--data-dir', dataDir, '--case', '0190f5a4-0000-7000-8000-00000000dead', '--kind', 'technical', '--format', 'html', '--out', file]);
    expect(noCase.status).not.toBe(0);
    expect(noCase.stderr).toMatch(/^groundwork: .*case/im);
    expect(noCase.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing browser for PDF is a clear message naming GROUNDWORK_CHROMIUM', async () => {
    const { dataDir, caseId } = await setup();
    const r = runCli(['report', '--data-dir', dataDir, '--case', caseId, '--kind', 'executive', '--format', 'pdf', '--out', path.join(tempDir(), 'x.pdf')], {
      GROUNDWORK_CHROMIUM: '/nonexistent/chrome',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/GROUNDWORK_CHROMIUM/);
  });
});
