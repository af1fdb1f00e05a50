import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createDispatch } from '../electron/services/api/dispatch';
import { createHandlers } from '../electron/services/api/handlers';
import { benchKeySource } from './bench-key';
import { openAppServices, type AppServices } from '../electron/services/app-services';
import { finishProbeRun, insertProbeRun, saveProbeResult } from '../electron/services/probes/probes-repository';
import { ChromiumPdfPrinter, findChromium, pdfMargins, quietFlags } from '../electron/services/reports/chromium-pdf';
import { reportModelForCase, renderReport } from '../electron/services/reports/export-report';
import { buildReportDocx } from '../electron/services/reports/report-docx';
import { buildReportHtml, pdfHeaderFooter } from '../electron/services/reports/report-html';
import { createApiClient, type ApiClient } from '../shared/contract/api-client';
import type { AnswerValue } from '../shared/interview/answer-values';
import type { Question } from '../shared/interview/bank-schema';
import { probeIds, probeTargetsSchema, type ProbeResult } from '../shared/probes/probe-schemas';
import { metricCatalog } from '../shared/probes/metric-names';
import { percentile, row, timeMany, type BenchRow } from './bench-row';
import { noisePng } from '../test/integration/reports/png';

const answerFor = (q: Question, i: number): AnswerValue => {
  switch (q.type) {
    case 'single':
      return q.options[i % q.options.length]?.id ?? null;
    case 'multi':
      return q.options.slice(0, 1).map((o) => o.id);
    case 'scale':
      return q.min + (i % (q.max - q.min + 1));
    case 'number':
      return Math.max(q.minValue ?? 0, 50);
    case 'yes_no_unknown':
      return i % 3 === 0 ? 'yes' : 'no';
    case 'text':
      return `Observed on site, note ${i}`;
  }
};

/** Every probe with every metric of its family and a few hundred samples per series. */
const fullProbeData = (startedAt: string): ProbeResult[] =>
  probeIds.map((probeId, p) => {
    const family = probeId === 'network-config' ? 'network' : probeId === 'ai-endpoints' ? 'ai' : probeId === 'path-mtu' ? 'mtu' : probeId;
    const metrics = Object.fromEntries(
      Object.entries(metricCatalog)
        .filter(([name]) => name.startsWith(`${family}.`))
        .map(([name, info], i) => [name, info.unit === 'text' || info.unit === 'grade' ? 'B' : info.unit === 'bool' ? i % 2 === 0 : 10 + i * 3.7]),
    );
    const samples = ['latency', 'throughput', 'dns', 'ntp', 'ai-endpoints'].includes(probeId)
      ? [0, 1].flatMap((s) => Array.from({ length: 300 }, (_, i) => ({ series: `series-${s}:${probeId}`, t: i * 100, value: 20 + ((i * (p + 3)) % 17) })))
      : [];
    return { probeId, title: probeId, status: 'ok', message: '', startedAt, durationMs: 1000, metrics, samples, details: { host: 'bench', note: 'x'.repeat(200) } };
  });

const fullCase = async (api: ApiClient, services: AppServices): Promise<string> => {
  const c = await api.createCase({ customerName: 'Northwind Traders', siteName: 'Head office', engineer: 'Bench Engineer', title: 'AI readiness assessment' });
  const { bank } = await api.getInterviewBank({ caseId: c.id });
  const questions = bank.pillars.flatMap((pl) => pl.sections.flatMap((s) => s.questions));
  for (const [i, q] of questions.entries()) {
    try {
      await api.answerQuestion({ caseId: c.id, questionId: q.id, value: answerFor(q, i) });
    } catch {
      // hidden or measured-only questions
    }
  }
  const startedAt = new Date().toISOString();
  const runId = services.db.transaction(() =>
    insertProbeRun(services.db, { caseId: c.id, probeIds: [...probeIds], targets: probeTargetsSchema.parse({}), source: 'app', host: 'bench', toolVersion: 'bench', status: 'running', startedAt }),
  )();
  for (const r of fullProbeData(startedAt)) saveProbeResult(services.db, runId, r);
  finishProbeRun(services.db, runId, 'complete');
  // Evidence as an engineer attaches it: photos on findings' questions and on the case, and a log file.
  for (const [i, questionId] of evidenceQuestions.entries()) {
    await api.addEvidence({ caseId: c.id, questionId, fileName: `photo-${i + 1}.png`, mediaType: 'image/png', caption: `Photo ${i + 1} taken on site`, dataBase64: noisePng(600, 400, i + 1).toString('base64') });
  }
  await api.addEvidence({ caseId: c.id, questionId: null, fileName: 'site-overview.png', mediaType: 'image/png', caption: 'Site overview', dataBase64: noisePng(600, 400, 99).toString('base64') });
  await api.addEvidence({ caseId: c.id, questionId: 'operations.backup', fileName: 'backup-log.txt', mediaType: 'text/plain', caption: 'Backup job log', dataBase64: Buffer.from('job failed\n'.repeat(500)).toString('base64') });
  const { profile } = await api.saveBrandingProfile({ name: 'Acme', partnerName: 'Acme IT Services', primaryColor: '#0b3d6b', accentColor: '#b3541e', footer: 'Confidential' });
  await api.setCaseBranding({ caseId: c.id, profileId: profile.id });
  return c.id;
};

const evidenceQuestions = ['security.mfa', 'operations.backup', 'security.admin_separate', 'data.classification'];

const ms = (n: number) => Number(n.toFixed(1));

/**
 * A technical report of a fully answered case with full probe data: to PDF with Chromium already
 * running (beside Chromium printing the same HTML straight, no Groundwork code around it) and to DOCX.
 */
export const runReportsBench = async (): Promise<BenchRow[]> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-reports-'));
  const services = openAppServices(dataDir, { transport: 'cli', keySource: benchKeySource });
  const dispatch = createDispatch(createHandlers(services), services.logging);
  const api = createApiClient((channel, input) => dispatch(channel, input));
  const printer = new ChromiumPdfPrinter();
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: quietFlags });
  try {
    const caseId = await fullCase(api, services);
    const model = reportModelForCase(services, caseId, 'technical');
    const html = buildReportHtml(model, { embedFonts: false });
    const templates = pdfHeaderFooter(model);
    const runs = 9;
    const ours = await timeMany(runs, async () => {
      const m = reportModelForCase(services, caseId, 'technical');
      await renderReport(m, 'pdf', () => printer.print);
    });
    const straight = await timeMany(runs, async () => {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, ...templates, margin: pdfMargins });
      await page.close();
    });
    const docx = await timeMany(runs, async () => {
      await buildReportDocx(reportModelForCase(services, caseId, 'technical'));
    });
    // French against English on the same case, alternating run by run so machine drift hits both alike;
    // the language is switched outside the timed part. Whole path: source (bank in the language), model, render.
    const byLanguage = { en: [] as number[], 'fr-CA': [] as number[] };
    const frDocx = { en: [] as number[], 'fr-CA': [] as number[] };
    for (let i = 0; i < runs + 2; i += 1) {
      for (const language of ['en', 'fr-CA'] as const) {
        const settings = await api.getProposalSettings({ caseId });
        await api.saveProposalSettings({ ...settings, reportLanguage: language });
        let start = performance.now();
        await renderReport(reportModelForCase(services, caseId, 'technical'), 'pdf', () => printer.print);
        if (i >= 2) byLanguage[language].push(performance.now() - start);
        start = performance.now();
        await renderReport(reportModelForCase(services, caseId, 'technical'), 'docx', () => printer.print);
        if (i >= 2) frDocx[language].push(performance.now() - start);
      }
    }
    // The generator alone, the model read once: tells a slow database read from a slow Word writer.
    const docxOnly = await timeMany(runs, async () => {
      await buildReportDocx(model);
    });
    const images = [...model.source.caseAttachments, ...model.source.pillars.flatMap((p) => p.answers.flatMap((a) => a.attachments))].filter((a) => a.imageDataUri).length;
    const pages = `${model.kind === 'technical' ? model.findings.length : 0} findings, ${model.source.measurements.length} measurements, ${model.source.pillars.length} pillars, ${images} evidence images (600×400 PNG)`;
    return [
      row({ workload: 'technical report → PDF (Chromium running), median', ours: ms(percentile(ours, 50)), reference: ms(percentile(straight, 50)), unit: 'ms', target: '< 1500 ms and ≤ 1.5× straight Chromium', note: `${pages}; reference: Chromium printing the same HTML straight` }),
      row({ workload: 'technical report → DOCX, median', ours: ms(percentile(docx, 50)), reference: null, unit: 'ms', target: '< 500 ms', note: `${pages}; read from the database each run; load average ${os.loadavg()[0]!.toFixed(1)}` }),
      row({ workload: 'technical report → DOCX, model ready, median', ours: ms(percentile(docxOnly, 50)), reference: null, unit: 'ms', target: '< 500 ms', note: 'the docx writer alone, images embedded' }),
      row({ workload: 'technical report → PDF in fr-CA vs English, median', ours: ms(percentile(byLanguage['fr-CA'], 50)), reference: ms(percentile(byLanguage.en, 50)), unit: 'ms', target: '≤ 1.10× English', note: 'same case, runs alternated; reference: the English export' }),
      row({ workload: 'technical report → DOCX in fr-CA vs English, median', ours: ms(percentile(frDocx['fr-CA'], 50)), reference: ms(percentile(frDocx.en, 50)), unit: 'ms', target: '≤ 1.10× English', note: 'same case, runs alternated; reference: the English export' }),
    ];
  } finally {
    await browser.close();
    await printer.close();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
