import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinBank } from '../../../electron/services/interview/builtin-bank';
import { ChromiumPdfPrinter } from '../../../electron/services/reports/chromium-pdf';
import { exportReport, renderReport, reportInputsForCase } from '../../../electron/services/reports/export-report';
import { metricNames } from '../../../shared/probes/metric-names';
import { buildReportModel, type ReportKind } from '../../../shared/reports/report-model';
import { healthySite, recordRun, troubledSite } from '../../support/recorded-site';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { pdfText } from './document-tools';

let printer: ChromiumPdfPrinter;
beforeAll(() => {
  printer = new ChromiumPdfPrinter();
});
afterAll(async () => {
  await printer.close();
});

const plans: Array<[string, unknown]> = [
  ['strategy.use_case_types', ['copilots']],
  ['compute.local_inference', 'yes'],
  ['security.mfa', 'none'],
];

/** What a customer must never read: internal ids, placeholders, empty headings. */
const forbidden = (text: string, ruleIds: readonly string[]): string[] => {
  const hits: string[] = [];
  for (const name of metricNames) if (text.includes(name)) hits.push(name);
  for (const id of ruleIds) if (text.includes(id)) hits.push(id);
  for (const word of [/\bnull\b/, /\bNaN\b/, /\bundefined\b/, /(^|[^\w-])-1(?![\d.])/]) {
    const m = word.exec(text);
    if (m) hits.push(`${m[0]} …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  return hits;
};

/** A heading with no text, or one followed directly by the end of its section or a heading of the same or higher level. */
const emptyHeadings = (html: string): string[] =>
  [...html.matchAll(/<h([1-4])[^>]*>(.*?)<\/h\1>\s*(<\/section>|<h([1-4])[^>]*>)/gs)]
    .filter((m) => m[2]!.replace(/<[^>]+>/g, '').trim() === '' || m[3] === '</section>' || (m[4] !== undefined && Number(m[4]) <= Number(m[1])))
    .map((m) => m[2]!.replace(/<[^>]+>/g, ''));

describe('reports of a fully probed case read as an engineer reads them', () => {
  const ruleIds = builtinBank().rules.map((r) => r.id);

  for (const kind of ['executive', 'technical', 'proposal'] as const satisfies readonly ReportKind[]) {
    it(`${kind}: HTML, PDF (pdftotext) and Word (document.xml) carry no metric id, null, -1, NaN, undefined or empty heading`, async () => {
      const { api, services } = openTestServices();
      const created = await api.createCase({ customerName: 'Harbour Dental', siteName: 'Reception' });
      for (const [questionId, value] of plans) await api.answerQuestion({ caseId: created.id, questionId, value: value as never });
      recordRun(services.db, created.id, troubledSite);
      const model = buildReportModel(kind, reportInputsForCase(services, created.id));
      const dir = tempDir();
      const html = (await renderReport(model, 'html', () => printer.print)).bytes.toString();
      const pdf = path.join(dir, `${kind}.pdf`);
      fs.writeFileSync(pdf, (await renderReport(model, 'pdf', () => printer.print)).bytes);
      const docx = (await renderReport(model, 'docx', () => printer.print)).bytes;
      const texts = {
        html: html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '),
        pdf: pdfText(pdf),
        docx: strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, ' '),
      };
      for (const [format, text] of Object.entries(texts)) expect(forbidden(text, ruleIds), `${kind} ${format}`).toEqual([]);
      expect(emptyHeadings(html), kind).toEqual([]);
      if (kind === 'technical') {
        // Measured findings say what, how much, the threshold and against what; the LAN's identifiers stay out.
        expect(texts.pdf).toContain('Packet loss: 3 % (finding at ≥ 1 %; internet path; measured against teams.microsoft.com:443 (internet host))');
        expect(texts.pdf).toMatch(/Wi-Fi signal.*-78 dBm/);
        expect(texts.pdf).toContain('Could not be measured here');
        expect(texts.pdf).toContain('Appendix: measurements');
        for (const lanId of ['aa:bb:cc:dd:ee:ff', 'RECEPTION-PC-07', '192.168.1.57']) for (const text of Object.values(texts)) expect(text).not.toContain(lanId);
      }
      services.close();
    });
  }
});

describe('a LAN or loopback throughput figure never answers the internet speed question', () => {
  it('is not prefilled or scored from the LAN; an accepted internet prefill keeps its provenance through reload, scoring and export', async () => {
    const dir = tempDir();
    const first = openTestServices(dir);
    const created = await first.api.createCase({ customerName: 'Harbour Dental' });
    const caseId = created.id;
    // Only a LAN reflector measured (9,000 Mbit/s is what loopback gives): no internet answer from it.
    recordRun(first.services.db, caseId, troubledSite.filter((o) => o.probeId === 'throughput').map((o) => ({ ...o, metrics: { ...o.metrics, 'throughput.upload_mbps': 9276.64 } })));
    recordRun(first.services.db, caseId, [{ probeId: 'throughput', metrics: { 'throughput.download_mbps': 9100, 'throughput.upload_mbps': 9276.64 }, farEnd: { kind: 'loopback', target: '127.0.0.1:5299' } }], '2026-11-30T09:05:00.000Z');
    let state = await first.api.listAnswers({ caseId });
    expect(state.prefills.map((p) => p.questionId)).not.toContain('network.upload_mbps');
    let score = await first.api.getCaseScore({ caseId });
    const uploadOf = (s: typeof score) => s.pillars.find((p) => p.pillarId === 'network')!.contributions.find((c) => c.questionId === 'network.upload_mbps')!;
    expect(uploadOf(score)).toMatchObject({ status: 'unanswered', points: 0 });

    // Then an internet iperf3 server is measured: that figure answers it.
    const runId = recordRun(first.services.db, caseId, healthySite.filter((o) => o.probeId === 'throughput'), '2026-11-30T10:00:00.000Z');
    state = await first.api.listAnswers({ caseId });
    const prefill = state.prefills.find((p) => p.questionId === 'network.upload_mbps')!;
    expect(prefill).toMatchObject({ value: 190, provenance: { scope: 'internet', runId, farEnd: { kind: 'iperf3_server' } } });
    // The engineer presses Enter on it (the client does not even say "measured"): it stays measured.
    const ack = await first.api.answerQuestion({ caseId, questionId: 'network.upload_mbps', value: 190 });
    expect(ack).toMatchObject({ measured: true, provenance: { runId, measuredAt: '2026-11-30T10:00:00.000Z' } });
    // And overrides the download figure with a reason.
    await first.api.answerQuestion({ caseId, questionId: 'network.download_mbps', value: 300, overrideReason: 'Contracted line is 300/50; the test ran at night' });
    first.services.close();

    const second = openTestServices(dir);
    state = await second.api.listAnswers({ caseId });
    expect(state.answers.find((a) => a.questionId === 'network.upload_mbps')).toMatchObject({
      measured: true,
      provenance: { metric: 'throughput.upload_mbps', scope: 'internet', value: 190, runId, farEnd: { kind: 'iperf3_server', target: 'speedtest.example.net:5201' } },
    });
    score = await second.api.getCaseScore({ caseId });
    expect(uploadOf(score)).toMatchObject({ source: 'measurement', value: 190, provenance: { runId } });
    const download = score.pillars.find((p) => p.pillarId === 'network')!.contributions.find((c) => c.questionId === 'network.download_mbps')!;
    expect(download).toMatchObject({ source: 'answer', value: 300, override: { reason: 'Contracted line is 300/50; the test ran at night', measured: { value: 480 } } });

    const exported = await exportReport(second.services, { caseId, kind: 'technical', format: 'html' }, () => printer.print);
    const text = Buffer.from(exported.bytes).toString();
    expect(text).toContain('measured on the internet path against speedtest.example.net:5201 (public iperf3 server) on 2026-11-30 10:00');
    expect(text).toContain('answered instead of the measured 480 Mbit/s: Contracted line is 300/50; the test ran at night');
    const attachment = JSON.parse(exported.attachment!.text) as { measurements: Array<{ metric: string; value: number; scope: string; measuredAgainst: string }> };
    expect(attachment.measurements).toContainEqual(expect.objectContaining({ metric: 'throughput.upload_mbps', value: 190, scope: 'internet path' }));
    expect(exported.attachment!.fileName).toMatch(/\.measurements\.json$/);
    second.services.close();
  });
});
