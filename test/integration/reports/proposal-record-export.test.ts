import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/contract/api-client';
import type { ProposalRecord } from '../../../shared/domain/proposals';
import type { AppServices } from '../../../electron/services/app-services';
import { openTestServices } from '../../support/services';
import { fullyCapturedCase } from './captured-case';
import { docxPart, docxText, fold, parseCsv, pdfText } from './document-tools';

/**
 * The account manager edits a saved proposal (a quantity, a price, a line's wording, a line removed,
 * 10 % off, their own terms) and exports it: Word, PDF and CSV print that proposal, not one rebuilt
 * from the findings and today's price book, and a recorded export renders again the same.
 */

let api: ApiClient;
let services: AppServices;
let caseId: string;
let root: string;
let saved: ProposalRecord;
let removedDescription: string;

/** "EUR 1,234.56", as the English reports print money. */
const eur = (minor: number) => `EUR ${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const write = (name: string, base64: string) => {
  const file = path.join(root, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
};
const hostileLine = 'Onboarding, all 400 shops 🚀 <b>bold</b> =SUM(A1)';

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-proposal-record-'));
  ({ api, services } = openTestServices(path.join(root, 'data')));
  caseId = await fullyCapturedCase(api, services);
  const created = await api.createProposal({ caseId, title: 'Harbour Foods: first steps' });
  const oneTime = created.lines.filter((l) => !l.recurring);
  expect(oneTime.length).toBeGreaterThanOrEqual(2);
  const [first, second] = oneTime as [ProposalRecord['lines'][number], ProposalRecord['lines'][number]];
  await api.updateProposalLine({ id: first.id, quantity: first.quantity + 7, unitPriceMinor: 123_456, description: hostileLine });
  removedDescription = second.description;
  await api.removeProposalLine({ id: second.id });
  saved = await api.updateProposal({ id: created.id, discountBasisPoints: 1_000, terms: 'Net 30 from the invoice date.' });
  // The price book changes afterwards: a proposal already settled keeps its own price.
  const book = await api.listPriceBook({});
  const item = book.find((i) => i.sku === first.sku)!;
  await api.savePriceBookItem({ ...item, unitPriceMinor: 999_999 });
}, 180_000);
afterAll(() => {
  services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a saved proposal, exported', () => {
  it('Word prints its lines, prices, discount and terms; the totals are worked out from them', async () => {
    const result = await api.exportReport({ caseId, kind: 'proposal', format: 'docx', proposalId: saved.id });
    const text = fold(docxText(docxPart(write('saved.docx', result.base64), 'word/document.xml')));
    const edited = saved.lines.find((l) => l.description === hostileLine)!;
    expect(text).toContain(hostileLine);
    expect(text).toContain(eur(123_456));
    expect(text).toContain(eur(edited.quantity * 123_456));
    expect(text).not.toContain(removedDescription);
    expect(text).not.toContain(eur(999_999));
    expect(text).toContain('Net 30 from the invoice date.');
    expect(text.toUpperCase()).toContain('HARBOUR FOODS: FIRST STEPS');
    // The arithmetic, from the saved lines: subtotal; 10 % off, rounded half away from zero;
    // GST 5 % and QST 9.975 % each on what is left; the total is what is left plus both taxes.
    const subtotal = saved.lines.filter((l) => !l.recurring).reduce((a, l) => a + l.quantity * l.unitPriceMinor, 0);
    const discount = Math.round(subtotal / 10);
    const net = subtotal - discount;
    expect(net).toBe(saved.oneTimeMinor);
    const gst = Math.round((net * 5) / 100);
    const qst = Math.round((net * 9.975) / 100);
    expect(text).toContain(`One-time subtotal ${eur(subtotal)}`);
    expect(text).toContain(`Discount (10 %) EUR -${eur(discount).slice(4)}`);
    expect(text).toContain(`GST 5 % ${eur(gst)}`);
    expect(text).toContain(`QST 9.975 % ${eur(qst)}`);
    expect(text).toContain(`One-time total ${eur(net + gst + qst)}`);
    expect(text).not.toMatch(/\b(null|undefined|NaN)\b/);
  });

  it('the PDF shows the same saved proposal', async () => {
    const result = await api.exportReport({ caseId, kind: 'proposal', format: 'pdf', proposalId: saved.id });
    const text = pdfText(write('saved.pdf', result.base64));
    expect(text).toContain('Discount (10 %)');
    expect(text).toContain(eur(123_456));
    expect(text).toContain('Net 30 from the invoice date.');
    expect(text).not.toContain(removedDescription);
  }, 120_000);

  it('the CSV holds the saved lines, and a recorded export renders the same after the proposal changes', async () => {
    const csv = await api.exportReport({ caseId, kind: 'proposal', format: 'csv', proposalId: saved.id });
    const [, ...rows] = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8').slice(1));
    expect(rows.map((r) => [r[0], Number(r[2]), r[4]])).toEqual(saved.lines.map((l) => [l.sku, l.quantity, (l.unitPriceMinor / 100).toFixed(2)]));
    // The edited wording comes through whole (it starts with a letter, so nothing is neutralised).
    expect(rows.map((r) => r[1])).toContain(hostileLine);
    await api.updateProposal({ id: saved.id, discountBasisPoints: 2_500 });
    const again = await api.reproduceReportExport({ exportId: csv.record.id });
    expect(again.identical).toBe(true);
    await api.updateProposal({ id: saved.id, discountBasisPoints: 1_000 });
  });

  it('without a proposal named, the document is built from the findings, as before (no discount)', async () => {
    const result = await api.exportReport({ caseId, kind: 'proposal', format: 'docx' });
    const text = fold(docxText(docxPart(write('built.docx', result.base64), 'word/document.xml')));
    expect(text).not.toContain('Discount (');
    expect(text).not.toContain(hostileLine);
    expect(text).toContain(removedDescription);
  });

  it('refuses a proposal of another case, a saved proposal as another report, and an unknown one, with what to do', async () => {
    const other = await api.createCase({ customerName: 'Other Co' });
    await expect(api.exportReport({ caseId: other.id, kind: 'proposal', format: 'docx', proposalId: saved.id })).rejects.toMatchObject({
      code: 'validation',
      message: 'That proposal belongs to another case: export it from its own case.',
    });
    await expect(api.exportReport({ caseId, kind: 'technical', format: 'pdf', proposalId: saved.id })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/prints as the proposal document, not the technical report/),
    });
    await expect(api.exportReport({ caseId, kind: 'proposal', format: 'docx', proposalId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.exportReport({ caseId, kind: 'proposal', format: 'docx', proposalId: 'not-an-id' } as never)).rejects.toMatchObject({ code: 'validation' });
    // Nothing was recorded for the refused ones.
    const kinds = (await api.listReportExports({ caseId })).map((r) => `${r.kind}.${r.format}`).sort();
    expect(kinds).toEqual(['proposal.csv', 'proposal.docx', 'proposal.docx', 'proposal.pdf']);
  });
});
