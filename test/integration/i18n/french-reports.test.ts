import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from '../../../shared/i18n/messages-en';
import builtinEnglish from '../../../assets/question-bank/builtin-bank.json';
import builtinFrench from '../../../assets/question-bank/builtin-bank.fr-CA.json';
import { parseBank } from '../../../shared/interview/parse-bank';
import { translatableTexts, translationGaps } from '../../../shared/interview/bank-translations';
import { runCli } from '../../support/run-cli';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { docxPart, parseCsv, pdfText } from '../reports/document-tools';
import { psaCsvHeader, utf8Bom } from '../../../shared/reports/csv';

/** Every run of words of an English message between its arguments: "Total contract value over", "months, incl. tax". */
const literalRuns = (ast: readonly MessageFormatElement[], out: string[] = []): string[] => {
  for (const el of ast) {
    if (el.type === TYPE.literal) out.push(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) literalRuns(o.value, out);
  }
  return out;
};

/** The English catalogue's sentences long enough to be English and nothing else (three words or more). */
const englishSentences = (): string[] =>
  [...new Set(Object.values(en).flatMap((m) => literalRuns(parse(m))).map((s) => s.replace(/\s+/g, ' ').trim()))].filter(
    (s) => s.split(' ').filter((w) => /[a-z]{2}/i.test(w)).length >= 3,
  );

describe('groundwork bank --check lists what a translation leaves in the default language', () => {
  const builtin = path.join(process.cwd(), 'assets/question-bank/builtin-bank.json');
  const summary = /translation fr-CA: (\d+) text\(s\) fall back to en, (\d+) unknown key\(s\)/;

  it('finds nothing left in English in the built-in bank: every text has its French', () => {
    const r = runCli(['bank', '--check', builtin]);
    expect(r.status, r.stderr).toBe(0);
    expect(summary.exec(r.stdout)?.slice(1)).toEqual(['0', '0']);
    expect(r.stdout).not.toContain('translation fr-CA: missing ');
    // The same count from the function: every translatable text (scale labels and level requirements included) has a key.
    const texts = [...translatableTexts(parseBank(builtinEnglish)).keys()];
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((k) => !(k in builtinFrench))).toEqual([]);
    expect(translationGaps(parseBank(builtinEnglish), { 'fr-CA': builtinFrench })).toEqual([{ locale: 'fr-CA', missing: [], unknown: [] }]);
  });

  it('names each text a translation leaves out, and each key it has that the bank does not', () => {
    // A copy of the bank and its French beside it, with one French text taken out and one stray key put in.
    const dir = tempDir();
    const bank = path.join(dir, 'bank.json');
    fs.copyFileSync(builtin, bank);
    const french: Record<string, string> = { ...builtinFrench };
    delete french['questions.security.mfa.options.admins.label'];
    delete french['requirements.requirement.follower.backup.reason'];
    french['questions.security.no_such_question.text'] = 'Une question disparue';
    fs.writeFileSync(path.join(dir, 'bank.fr-CA.json'), JSON.stringify(french));
    const r = runCli(['bank', '--check', bank]);
    expect(r.status, r.stderr).toBe(0);
    expect(summary.exec(r.stdout)?.slice(1)).toEqual(['2', '1']);
    expect(r.stdout).toContain('missing questions.security.mfa.options.admins.label (falls back to en)');
    expect(r.stdout).toContain('missing requirements.requirement.follower.backup.reason (falls back to en)');
    expect(r.stderr).toContain('questions.security.no_such_question.text names no text of the bank');
  });
});

describe('the demo case reported in French (Canada)', () => {
  let t: TestServices;
  let caseId = '';
  let dataDir = '';
  const bytes: Record<string, Buffer> = {};
  // Temporary folders go at the end of each test: each test writes the exports it reads into its own.
  const file = (key: string): string => {
    const f = path.join(tempDir(), key);
    fs.writeFileSync(f, bytes[key] ?? Buffer.alloc(0));
    return f;
  };
  const records: Record<string, { language: string; id: string }> = {};

  beforeAll(async () => {
    // Kept for the whole file (tempDir folders go after each test), removed in afterAll.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-fr-'));
    const demo = runCli(['demo', '--data-dir', dataDir, '--json']);
    expect(demo.status, demo.stderr).toBe(0);
    const cases = JSON.parse(demo.stdout) as { id: string; customerName: string }[];
    t = openTestServices(dataDir);
    // The demo's second visit is the answered one when there are two; take the case with findings.
    const withFindings: string[] = [];
    for (const c of cases) if ((await t.api.getReportSource({ caseId: c.id })).source.findings.length > 0) withFindings.push(c.id);
    caseId = withFindings[0] ?? '';
    expect(caseId).not.toBe('');
    // A Québec partner's price book in dollars: every SKU the bank can propose, the first at 1 500,00 $.
    const skus = await t.api.listQuestionBankSkus({});
    for (const [i, s] of skus.entries()) {
      await t.api.savePriceBookItem({ sku: s.sku, description: s.sku, unitPriceMinor: i === 0 ? 150000 : 12500 + i * 100, currency: 'CAD', quantityRule: s.quantityRule, recurring: i % 3 === 0 });
    }
    const settings = await t.api.getProposalSettings({ caseId });
    await t.api.saveProposalSettings({
      ...settings,
      sizing: { users: 85, devices: 110, sites: 2 },
      terms: { ...settings.terms, currency: 'CAD', taxRateBasisPoints: 0, taxes: [{ name: 'GST', ratePercent: 5 }, { name: 'QST', ratePercent: 9.975 }] },
      reportLanguage: 'fr-CA',
    });
    for (const [kind, format] of [
      ['executive', 'pdf'],
      ['technical', 'pdf'],
      ['proposal', 'pdf'],
      ['proposal', 'docx'],
      ['executive', 'html'],
      ['technical', 'csv'],
    ] as const) {
      const r = await t.api.exportReport({ caseId, kind, format });
      bytes[`${kind}.${format}`] = Buffer.from(r.base64, 'base64');
      // To look at the pages (pdftoppm): GW_KEEP_EXPORTS=/some/dir.
      if (process.env.GW_KEEP_EXPORTS) fs.writeFileSync(path.join(process.env.GW_KEEP_EXPORTS, `${kind}.${format}`), bytes[`${kind}.${format}`] ?? Buffer.alloc(0));
      records[`${kind}.${format}`] = { language: r.record.language, id: r.record.id };
    }
  }, 300_000);

  afterAll(async () => {
    try {
      await t?.services.pdf.close();
      t?.services.close();
    } finally {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('records the language with every export and declares it in the HTML and the Word file', () => {
    for (const r of Object.values(records)) expect(r.language).toBe('fr-CA');
    expect((bytes['executive.html'] ?? Buffer.alloc(0)).toString('utf8')).toContain('<html lang="fr-CA">');
    // w:lang on the document defaults: Word spell-checks and reads the whole document as French (Canada).
    expect(docxPart(file('proposal.docx'), 'word/styles.xml')).toMatch(/<w:lang w:val="fr-CA"/);
  });

  it('the PSA ticket CSV keeps the columns and codes the PSA imports, and writes what people read in French', () => {
    const text = (bytes['technical.csv'] ?? Buffer.alloc(0)).toString('utf8');
    expect(text.startsWith(utf8Bom)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(utf8Bom.length));
    // ConnectWise and Autotask map these names and codes, whatever the report's language.
    expect(header).toEqual(psaCsvHeader);
    expect(rows.length).toBeGreaterThan(0);
    const column = (name: string) => psaCsvHeader.indexOf(name);
    for (const row of rows) {
      expect(row[column('Priority')]).toMatch(/^Priority [1-4] - /);
      expect(row[column('Type')]).toBe('AI readiness');
      expect(row[column('Source')]).toMatch(/^Évaluation Groundwork du \d{4}-\d{2}-\d{2}$/);
      expect(row[column('Description')]).not.toMatch(/^(Evidence|Note): /m);
    }
    const descriptions = rows.map((r) => r[column('Description')] ?? '').join('\n');
    expect(descriptions).toMatch(/^Preuve\u00a0: /m);
    // Titles are the French bank's: none is an English finding title.
    const englishTitles = new Set([...translatableTexts(parseBank(builtinEnglish))].filter(([k]) => /^rules\..*\.title$/.test(k)).map(([, v]) => v));
    expect(rows.map((r) => r[column('Summary')]).filter((title) => englishTitles.has(title ?? ''))).toEqual([]);
  });

  for (const kind of ['executive', 'technical', 'proposal'] as const) {
    it(`${kind} PDF: no sentence of the English catalogue is left`, () => {
      const text = pdfText(file(`${kind}.pdf`));
      const left = englishSentences().filter((s) => text.includes(s));
      expect(left).toEqual([]);
      // The bank's translated texts (pillar and finding titles) print in French: none of their English is left.
      const english = translatableTexts(parseBank(builtinEnglish));
      const translatedLeft = Object.keys(builtinFrench).map((k) => english.get(k) ?? '').filter((e) => e.split(' ').length >= 3 && text.includes(e));
      expect(translatedLeft).toEqual([]);
      expect(text).toMatch(/Préparé par|Offre de services|Constats/);
    });
  }

  it('money, percentages and dates are written the fr-CA way, and the taxes read TPS/TVQ', () => {
    const proposal = pdfText(file('proposal.pdf'));
    // pdfText folds the no-break spaces: "1 500,00 $" is the first SKU's fixed price (150000 cents).
    expect(proposal).toContain('1 500,00 $');
    expect(proposal).not.toMatch(/CAD \d/);
    expect(proposal).not.toMatch(/\d,\d{3}\.\d{2}/);
    expect(proposal).toContain('TPS (5 %)');
    expect(proposal).toContain('TVQ (9,975 %)');
    expect(proposal).not.toMatch(/\bGST\b|\bQST\b/);
    expect(proposal).toMatch(/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
    const word = docxPart(file('proposal.docx'), 'word/document.xml');
    expect(word).toContain('TPS (5');
    expect(word).toContain('1\u00a0500,00\u00a0$');
    const exec = pdfText(file('executive.pdf'));
    expect(exec).toMatch(/Fiabilité|fiabilité de \d+ %/);
  });

  it('re-rendering an export reproduces it in its recorded language, whatever the case is set to now', async () => {
    const settings = await t.api.getProposalSettings({ caseId });
    await t.api.saveProposalSettings({ ...settings, reportLanguage: 'en' });
    const again = await t.api.reproduceReportExport({ exportId: records['executive.html']?.id ?? '' });
    expect(again.record.language).toBe('fr-CA');
    expect(again.identical).toBe(true);
    expect(Buffer.from(again.base64, 'base64').toString('utf8')).toContain('<html lang="fr-CA">');
    // A new export follows the case's language again.
    const fresh = await t.api.exportReport({ caseId, kind: 'executive', format: 'html' });
    expect(fresh.record.language).toBe('en');
    expect(Buffer.from(fresh.base64, 'base64').toString('utf8')).toContain('<html lang="en-GB">');
  }, 120_000);
});
