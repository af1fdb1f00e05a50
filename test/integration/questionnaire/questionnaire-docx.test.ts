import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';

/**
 * The Word response form: built with content controls, filled the way Word or LibreOffice would
 * fill it (check states and control text in word/document.xml), imported back.
 */

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

/** Rewrites word/document.xml inside a DOCX: what a customer's editor does when they save. */
const withDocumentXml = (bytes: Uint8Array, edit: (xml: string) => string): Uint8Array => {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
};

/** Ticks the check box with this tag. */
const tick = (xml: string, tag: string) =>
  xml.replace(new RegExp(`(<w:tag w:val="${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"/>\\s*<w14:checkbox>\\s*<w14:checked w14:val=")0(")`), '$11$2');

/** Types into the plain-text control with this tag. */
const type = (xml: string, tag: string, text: string) => {
  const at = xml.indexOf(`<w:tag w:val="${tag}"/>`);
  if (at < 0) throw new Error(`no control ${tag}`);
  const content = xml.indexOf('<w:sdtContent>', at);
  const end = xml.indexOf('</w:sdtContent>', content);
  return `${xml.slice(0, content)}<w:sdtContent><w:r><w:t xml:space="preserve">${text}</w:t></w:r>${xml.slice(end)}`;
};

const fill = (xml: string) => {
  let out = type(xml, 'gw:respondent.name', 'Jean Dupont');
  out = type(out, 'gw:respondent.role', 'CFO');
  out = tick(out, 'gw:q:strategy.ai_budget=annual_pilots');
  out = tick(out, 'gw:unknown:strategy.licence_inventory');
  out = type(out, 'gw:note:strategy.ai_budget', 'Approved in March');
  return out;
};

const setup = async (t: TestServices) => {
  const created = await t.api.createCase({ customerName: 'Docx & Co' });
  const questionnaire = await t.api.createQuestionnaire({ caseId: created.id, stakeholders: ['finance'] });
  const form = await t.api.exportQuestionnaireDocx({ questionnaireId: questionnaire.id, stakeholder: 'finance' });
  return { caseId: created.id, questionnaire, bytes: new Uint8Array(Buffer.from(form.base64, 'base64')), fileName: form.fileName };
};

const libreOffice = (input: string, outDir: string, filter: string) =>
  spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(outDir, 'profile')}`, '--convert-to', filter, '--outdir', outDir, input], { encoding: 'utf8', timeout: 120_000 });

describe('Word response form', () => {
  it('has a tagged content control per answer, opens in LibreOffice, and a filled copy imports as customer-provided answers', { timeout: 180_000 }, async () => {
    const t = openTestServices();
    const { caseId, bytes, fileName } = await setup(t);
    expect(fileName).toBe('questionnaire-Docx-Co-finance.docx');
    const xml = documentXml(bytes);
    // Sanity of our own expectations about the bank: the options ticked below exist.
    expect(xml).toContain('<w:tag w:val="gw:q:strategy.ai_budget=annual_pilots"/>');
    expect(xml.match(/<w14:checkbox>/g)?.length).toBeGreaterThan(10);
    expect(xml).toContain('<w:tag w:val="gw:respondent.name"/>');
    expect(xml).toContain('<w:lock w:val="sdtContentLocked"/>');

    const dir = tempDir();
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, withDocumentXml(bytes, fill));
    const pdf = libreOffice(file, dir, 'pdf');
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, fileName.replace(/\.docx$/, '.pdf')))).toBe(true);

    const result = await t.api.importQuestionnaireDocx({ caseId, docxBase64: Buffer.from(fs.readFileSync(file)).toString('base64') });
    expect(result).toMatchObject({ respondent: 'Jean Dupont', stakeholder: 'finance', alreadyImported: false });
    expect(result.imported.sort()).toEqual(['strategy.ai_budget', 'strategy.licence_inventory']);
    const answers = (await t.api.listAnswers({ caseId })).answers;
    const budget = answers.find((a) => a.questionId === 'strategy.ai_budget')!;
    expect(budget.value).toBe('annual_pilots');
    expect(budget.note).toBe('Jean Dupont (CFO): Approved in March');
    expect(budget.customerSource).toMatchObject({ channel: 'docx-form', respondent: 'Jean Dupont (CFO)' });
    expect(answers.find((a) => a.questionId === 'strategy.licence_inventory')?.value).toBeNull();
    // The same filled form again changes nothing.
    expect((await t.api.importQuestionnaireDocx({ caseId, docxBase64: Buffer.from(fs.readFileSync(file)).toString('base64') })).alreadyImported).toBe(true);
    t.services.close();
  });

  it('survives a LibreOffice round trip (open and save as Word)', { timeout: 180_000 }, async () => {
    const t = openTestServices();
    const { caseId, bytes, fileName } = await setup(t);
    const dir = tempDir();
    const filled = path.join(dir, 'filled', fileName);
    fs.mkdirSync(path.dirname(filled));
    fs.writeFileSync(filled, withDocumentXml(bytes, fill));
    const out = path.join(dir, 'saved');
    fs.mkdirSync(out);
    const saved = libreOffice(filled, out, 'docx:MS Word 2007 XML');
    expect(saved.status, saved.stderr).toBe(0);
    const roundTripped = fs.readFileSync(path.join(out, fileName));
    if (process.env.DX_DEBUG) fs.copyFileSync(path.join(out, fileName), '/tmp/dx/lo.docx');
    const result = await t.api.importQuestionnaireDocx({ caseId, docxBase64: Buffer.from(roundTripped).toString('base64') });
    expect(result.respondent).toBe('Jean Dupont');
    expect(result.imported.sort()).toEqual(['strategy.ai_budget', 'strategy.licence_inventory']);
    t.services.close();
  });

  it('refuses a form with a control removed, two boxes ticked for one answer, a broken file, and one for another case — changing nothing', async () => {
    const t = openTestServices();
    const { caseId, bytes } = await setup(t);
    const other = await t.api.createCase({ customerName: 'Elsewhere Ltd' });
    const count = () => (t.services.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    const before = count();
    const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
    const removed = withDocumentXml(bytes, (xml) => {
      const filled = fill(xml);
      const at = filled.indexOf('<w:tag w:val="gw:note:strategy.ai_budget"/>');
      const start = filled.lastIndexOf('<w:sdt>', at);
      const end = filled.indexOf('</w:sdt>', at) + '</w:sdt>'.length;
      return filled.slice(0, start) + filled.slice(end);
    });
    await expect(t.api.importQuestionnaireDocx({ caseId, docxBase64: b64(removed) })).rejects.toThrow(/structure was changed/);
    const twoTicks = withDocumentXml(bytes, (xml) => tick(tick(fill(xml), 'gw:q:strategy.ai_budget=none'), 'gw:q:strategy.ai_budget=annual_pilots'));
    await expect(t.api.importQuestionnaireDocx({ caseId, docxBase64: b64(twoTicks) })).rejects.toThrow(/2 boxes ticked where one is expected/);
    await expect(t.api.importQuestionnaireDocx({ caseId, docxBase64: b64(bytes.subarray(0, 2000)) })).rejects.toThrow(/not a Word document Groundwork can read/);
    await expect(t.api.importQuestionnaireDocx({ caseId: other.id, docxBase64: b64(withDocumentXml(bytes, fill)) })).rejects.toThrow(/for another case \(Docx & Co\)/);
    expect(count()).toBe(before);
    t.services.close();
  });
});
