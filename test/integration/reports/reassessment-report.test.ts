import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAll } from '../../support/answer-all';
import { runCli } from '../../support/run-cli';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { docxToPdf, pdfText } from './document-tools';

describe('a re-assessment report', () => {
  it('carries "since the last assessment": index change, pillar deltas, resolved findings (HTML, PDF, Word)', async () => {
    const dataDir = tempDir();
    const { api, services } = openTestServices(dataDir);
    const before = await api.createCase({ customerName: 'Comparison Co', siteName: 'HQ' });
    await answerAll(api, before.id, false);
    const resolvedTitle = (await api.getCaseScore({ caseId: before.id })).findings[0]?.title as string;
    const after = await api.reassessCase({ previousCaseId: before.id });
    await answerAll(api, after.id, true);
    services.close();

    const out = tempDir();
    const exportAs = (format: string) => {
      const file = path.join(out, `technical.${format}`);
      const result = runCli(['report', '--data-dir', dataDir, '--case', after.id, '--kind', 'technical', '--format', format, '--out', file]);
      expect(result.status, result.stderr).toBe(0);
      return file;
    };
    const html = fs.readFileSync(exportAs('html'), 'utf8');
    expect(html).toContain('Since the last assessment');
    expect(html).toMatch(/readiness index \+\d/);
    expect(html).toContain(resolvedTitle);

    const pdf = pdfText(exportAs('pdf'));
    expect(pdf).toContain('Since the last assessment');
    expect(pdf).toContain(resolvedTitle.replace(/\s+/g, ' '));

    const word = pdfText(docxToPdf(exportAs('docx'), out));
    expect(word).toContain('Since the last assessment');

    // The first assessment has nothing to compare with.
    const first = path.join(out, 'first.html');
    expect(runCli(['report', '--data-dir', dataDir, '--case', before.id, '--kind', 'executive', '--format', 'html', '--out', first]).status).toBe(0);
    expect(fs.readFileSync(first, 'utf8')).not.toContain('Since the last assessment');
  });
});
