import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { renderReport } from '../../../electron/services/reports/export-report';
import { buildReportSource } from '../../../electron/services/reports/build-report-source';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';
import { buildReportModel } from '../../../shared/reports/report-model';
import { frameworkNames } from '../../../shared/interview/frameworks';
import { ApiFailure } from '../../../shared/contract/result';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { fixtureBranding } from '../../unit/reports/report-fixtures';
import { archetype } from '../../unit/interview/archetype-answers';

/** pdftotext in content order (-raw): a table cell's text stays together instead of interleaving with its neighbours. */
const pdfRawText = (file: string): string => {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  // A line wrapped after a hyphen ("sign-" / "in") comes back as "sign- in": join it again.
  return r.stdout.replace(/\s+/g, ' ').replace(/(\w)- (\w)/g, '$1-$2');
};

let printer: ChromiumPdfPrinter;
beforeAll(() => {
  printer = new ChromiumPdfPrinter();
});
afterAll(async () => {
  await printer.close();
});

/** A small customer using Copilot, with weak answers: findings in most frameworks. */
const answersOfSmb = () =>
  archetype(builtinBank(), { strategy: 0.3, data: 0.4, compute: 0.5, network: 0.55, security: 0.4, governance: 0.3, operations: 0.45, people: 0.35 }, {
    'strategy.user_count': 25,
    'strategy.device_count': 30,
    'strategy.site_count': 1,
    'strategy.use_case_types': ['copilots'],
    'strategy.ai_build': ['vendor_assistants'],
    'governance.regulations': ['gdpr'],
    'compute.local_inference': 'no',
    'security.suite_licence': 'basic',
    'security.suite_controls': [],
    'security.mfa': null,
  });

describe('technical report appendix "Coverage by framework"', () => {
  it('lists each framework with the questions asked and the findings raised, in the exported PDF and DOCX', { timeout: 120_000 }, async () => {
    const { api, services } = openTestServices();
    const created = await api.createCase({ customerName: 'Framework Mapping Ltd' });
    for (const answer of answersOfSmb()) {
      // Questions hidden by earlier answers are refused by the app; the archetype answers them all.
      await api.answerQuestion({ caseId: created.id, questionId: answer.questionId, value: answer.value }).catch((error: unknown) => {
        if (!(error instanceof ApiFailure)) throw error;
      });
    }
    const source = buildReportSource(services, created.id, '2026-12-01');
    const score = await api.getCaseScore({ caseId: created.id });
    const model = buildReportModel('technical', { source, branding: fixtureBranding, priceBook: [] });
    const dir = tempDir();

    const pdf = path.join(dir, 'technical.pdf');
    fs.writeFileSync(pdf, (await renderReport(model, 'pdf', () => printer.print)).bytes);
    const text = pdfRawText(pdf);
    const appendix = text.slice(text.indexOf('Appendix: coverage by framework'));
    expect(appendix.length).toBeGreaterThan(1000);
    // Every framework, by its public name, in the framework's own order.
    const positions = Object.values(frameworkNames).map((name) => appendix.indexOf(name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Items with the questions asked and the findings raised: the LLM02 row names the suite question
    // and the oversharing finding; the NIST Govern row the AI policy finding.
    const owasp = appendix.slice(appendix.indexOf(frameworkNames.owasp), appendix.indexOf(frameworkNames.caf));
    expect(owasp).toContain('LLM02: Sensitive information disclosure');
    expect(owasp).toMatch(/Classification and access \(\d+ questions\)/);
    expect(owasp).toContain('Where do most of the documents an AI assistant would read live?');
    expect(owasp).toContain(score.findings.find((f) => f.id === 'security.output_leakage')!.title);
    // The "don't know" on MFA is listed as the unverified finding it raised.
    expect(appendix).toContain('Not verified: multi-factor sign-in is not enforced for all users');
    const nist = appendix.slice(appendix.indexOf(frameworkNames.nist), appendix.indexOf(frameworkNames.iso42001));
    for (const item of ['Govern', 'Map', 'Measure', 'Manage']) expect(nist).toContain(item);
    expect(nist).toContain(score.findings.find((f) => f.id === 'governance.no_ai_policy')!.title);
    expect(appendix).toContain('Clause 5: Leadership and AI policy');
    // Many questions under one item are grouped by section with a count.
    expect(appendix).toMatch(/Vision and sponsorship \(\d+ questions?\)/);
    expect(appendix).not.toMatch(/\bundefined\b|\bnull\b|NaN|governance\.no_ai_policy/);

    const docx = path.join(dir, 'technical.docx');
    fs.writeFileSync(docx, (await renderReport(model, 'docx', () => printer.print)).bytes);
    const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Appendix: coverage by framework');
    for (const name of Object.values(frameworkNames)) expect(words).toContain(name.replace(/&/g, '&amp;'));
    expect(words).toContain('LLM02: Sensitive information disclosure');
    services.close();
  });
});
