import type { ApiClient } from '../../../shared/contract/api-client';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import type { Question } from '../../../shared/interview/bank-schema';
import { probeTargetsSchema, type ProbeResult } from '../../../shared/probes/probe-schemas';
import type { AppServices } from '../../../electron/services/app-services';
import { finishProbeRun, insertProbeRun, saveProbeResult } from '../../../electron/services/probes/probes-repository';

/** The weakest sensible answer, so the engine raises findings. */
const weakAnswer = (q: Question): AnswerValue => {
  switch (q.type) {
    case 'single':
      return q.options[0]?.id ?? null;
    case 'multi':
      return [];
    case 'scale':
      return q.min;
    case 'number':
      return Math.max(q.minValue ?? 0, 40);
    case 'yes_no_unknown':
      return 'no';
    case 'text':
      return 'Noted on site <b>by the engineer</b>';
  }
};

const rtt = (n: number, base: number): ProbeResult['samples'] =>
  Array.from({ length: n }, (_, i) => ({ series: 'rtt:gateway', t: i * 200, value: base + (i % 7) * 3.1 }));

export const probeResults = (startedAt: string): ProbeResult[] => [
  {
    probeId: 'latency',
    title: 'Latency',
    status: 'ok',
    message: '',
    startedAt,
    durationMs: 12_000,
    metrics: { 'latency.rtt_ms_p50': 38.2, 'latency.rtt_ms_p95': 120.4, 'latency.jitter_ms': 12.5, 'latency.loss_pct': 0, 'latency.gateway_rtt_ms_p50': 2.1 },
    samples: rtt(60, 20),
    details: { targets: ['gateway', 'example.com:443'] },
  },
  {
    probeId: 'throughput',
    title: 'Throughput',
    status: 'ok',
    message: '',
    startedAt,
    durationMs: 20_000,
    metrics: { 'throughput.download_mbps': 84.2, 'throughput.upload_mbps': 21.7, 'throughput.bufferbloat_grade': 'C' },
    samples: Array.from({ length: 20 }, (_, i) => ({ series: 'download_mbps', t: i * 500, value: 70 + (i % 5) * 5 })),
    details: {},
  },
  { probeId: 'wifi', title: 'Wi-Fi', status: 'unsupported', message: 'No Wi-Fi interface on this machine', startedAt, durationMs: 5, metrics: {}, samples: [], details: {} },
];

/** Answers every visible question of the case's bank (bounded passes: answers can reveal more). */
export const answerEverything = async (api: ApiClient, caseId: string): Promise<number> => {
  const { bank } = await api.getInterviewBank({ caseId });
  const questions = bank.pillars.flatMap((p) => p.sections.flatMap((s) => s.questions));
  let answered = 0;
  for (const q of questions) {
    try {
      await api.answerQuestion({ caseId, questionId: q.id, value: weakAnswer(q) });
      answered += 1;
    } catch {
      // a question hidden by an earlier answer, or one that only takes measured values
    }
  }
  return answered;
};

export const recordProbeRun = (services: AppServices, caseId: string): void => {
  const startedAt = new Date().toISOString();
  const runId = services.db.transaction(() =>
    insertProbeRun(services.db, {
      caseId,
      probeIds: ['latency', 'throughput', 'wifi'],
      targets: probeTargetsSchema.parse({}),
      source: 'app',
      host: 'test-host',
      toolVersion: 'test',
      status: 'running',
      startedAt,
    }),
  )();
  for (const r of probeResults(startedAt)) saveProbeResult(services.db, runId, r);
  finishProbeRun(services.db, runId, 'complete');
};
