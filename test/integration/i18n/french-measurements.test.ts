import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/contract/api-client';
import type { AppServices } from '../../../electron/services/app-services';
import { metricCatalog, metricScopeLabels } from '../../../shared/probes/metric-names';
import { pathKindLabels } from '../../../shared/probes/measurement';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { exportReport } from '../../../electron/services/reports/export-report';
import { openTestServices } from '../../support/services';
import { fullyCapturedCase } from '../reports/captured-case';
import { docxPart, docxText, fold, pdfText } from '../reports/document-tools';

/**
 * A case with a probe run (latency, throughput, Wi-Fi), reported in French: the measurement
 * tables, the evidence behind findings, the answers' own words and the charts speak French, where
 * the demo case (no probe run) never reached them. English reports keep their wording.
 */

let root: string;
let api: ApiClient;
let services: AppServices;
let printer: ChromiumPdfPrinter;
let caseId: string;
const texts: Record<string, string> = {};

/** What an English report writes around and for its measurements: none of it may be left in French. */
const englishWords = [
  ...Object.values(metricCatalog).map((m) => m.label),
  ...Object.values(metricScopeLabels),
  ...Object.values(pathKindLabels),
  'measured on the',
  'not measured',
  'median of',
  'Not answered',
  'could not be measured',
  'Round trip',
  'not recorded by the version',
  'time since the start',
  'Compensating control',
  'recorded by',
  'Latency, jitter and loss',
  'Throughput and bufferbloat',
].filter((w) => w.split(' ').length >= 2 || w.length >= 12);

const exported = async (kind: 'technical' | 'executive', format: 'pdf' | 'docx' | 'html'): Promise<string> => {
  const result = await exportReport(services, { caseId, kind, format }, () => printer.print);
  const file = path.join(root, `${kind}-${result.record.language}.${format}`);
  fs.writeFileSync(file, result.bytes);
  if (format === 'pdf') return pdfText(file);
  if (format === 'docx') return fold(docxText(docxPart(file, 'word/document.xml')));
  return fold(fs.readFileSync(file, 'utf8').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '));
};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-fr-measured-'));
  printer = new ChromiumPdfPrinter();
  ({ api, services } = openTestServices(path.join(root, 'data')));
  caseId = await fullyCapturedCase(api, services);
  texts.englishPdf = await exported('technical', 'pdf');
  const settings = await api.getProposalSettings({ caseId });
  await api.saveProposalSettings({ ...settings, reportLanguage: 'fr-CA' });
  texts.pdf = await exported('technical', 'pdf');
  texts.docx = await exported('technical', 'docx');
  texts.html = await exported('technical', 'html');
}, 240_000);
afterAll(async () => {
  await printer.close();
  services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('measurements in a French report', () => {
  it('the English report names them in English (the words this test looks for are really there)', () => {
    for (const w of ['Round-trip time to the gateway', 'median of', 'Not answered', '1 of 5', 'not recorded by the version']) expect(texts.englishPdf).toContain(w);
  });

  it.each(['pdf', 'docx', 'html'])('the technical %s names, scopes and explains every measurement in French', (format) => {
    const text = texts[format]!;
    const left = englishWords.filter((w) => text.includes(w));
    expect(left).toEqual([]);
    expect(text).not.toMatch(/\b\d+ of \d+\b/);
    // The French it has instead.
    expect(text).toContain('Temps aller-retour vers la passerelle');
    expect(text).toMatch(/médiane de \d+ mesures/);
    expect(text).toMatch(/\d sur 5/);
    expect(text).toContain('Sans réponse');
    expect(text).toContain('Aller-retour vers la passerelle par défaut (médiane de 60 mesures)');
  });

  it('figures are written the French way: decimal comma, a space before the unit, octets and Go', () => {
    expect(texts.pdf).toMatch(/\d+,\d+\s?ms/);
    expect(texts.pdf).not.toMatch(/\d+\.\d+ ms/);
    expect(texts.pdf).toContain('chemin Internet');
  });
});
