import { readinessLevelLabels, readinessLevels, type ScoreResult } from '../interview';
import type { Finding, EvidenceItem } from '../interview/score-types';
import type { ProbeResult } from '../probes/probe-schemas';
import { isMetricName, metricCatalog } from '../probes/metric-names';
import { describeThreshold, verdictFor } from '../probes/verdicts';
import type { ProposalSettings } from './proposal-settings';
import type { Effort, FindingSource, MeasurementSource, PillarSource, ReportSource } from './report-source';
import type { Comparison } from '../history/compare';

/**
 * Maps the interview engine's score and the probes' results into a ReportSource. The report
 * never depends on those modules' shapes anywhere else: when they change, only this file does.
 */

export interface CaseDataForReport {
  readonly caseId: string;
  readonly title: string;
  readonly customerName: string;
  readonly customerLogoDataUri: string;
  readonly siteName: string;
  readonly siteAddress: string;
  readonly engineer: string;
  readonly contacts: readonly { name: string; role: string; email: string; phone: string }[];
  readonly date: string;
  readonly score: ScoreResult | null;
  /** The newest result of each probe for the case. */
  readonly probeResults: readonly ProbeResult[];
  readonly settings: ProposalSettings;
  /** The comparison with the assessment this case re-assesses, if any. */
  readonly comparison?: Comparison | null;
}

const effortOf: Record<Finding['effort']['size'], Effort> = { small: 'low', medium: 'medium', large: 'high' };

const valueText = (value: number | null): string => (value === null ? 'no value' : String(Math.round(value * 1000) / 1000));

const evidenceText = (e: EvidenceItem): string =>
  e.kind === 'answer'
    ? `${e.questionText} — ${e.valueLabel}${e.source === 'measurement' ? ' (measured)' : e.source === 'customer' ? ` (from the customer${e.customer ? `: ${e.customer}` : ''}, not yet confirmed)` : ''}`
    : `Measured ${e.metric} = ${valueText(e.value)}`;

const toFinding = (f: Finding): FindingSource => ({
  id: f.id,
  title: f.title,
  pillarId: f.pillarId,
  severity: f.severity,
  effort: effortOf[f.effort.size],
  detail: f.description,
  evidence: [
    ...(f.evidenceNote ? [f.evidenceNote] : []),
    ...f.evidence.map(evidenceText),
    ...(f.exception ? [`Exception recorded by ${f.exception.recordedBy}: ${f.exception.compensatingControl} (${f.exception.reason})`] : []),
  ],
  recommendation: f.recommendation,
  skuRefs: f.priceLines.map((l) => ({ sku: l.sku, rule: l.quantityRule, quantity: l.factor })),
});

const toPillar = (p: ScoreResult['pillars'][number]): PillarSource => ({
  id: p.pillarId,
  name: p.title,
  score: p.score,
  level: 0,
  levelLabel: '',
  confidence: p.confidence,
  answers: p.contributions
    .filter((c) => c.status !== 'unanswered')
    .map((c) => ({
      question: c.questionText,
      answer: c.status === 'unknown' ? 'Unknown' : c.valueLabel,
      note:
        c.source === 'measurement'
          ? `measured${c.metric ? ` (${c.metric})` : ''}`
          : c.source === 'customer'
            ? `from the customer${c.customer ? ` (${c.customer})` : ''}, not yet confirmed`
            : '',
    })),
});

const unitOfSeries = (series: string): string => (/_mbps$/.test(series) ? 'Mbit/s' : 'ms');

const unitNames: Record<string, string> = { pct: '%', mbps: 'Mbit/s', gb: 'GB', ghz: 'GHz', mhz: 'MHz', dbm: 'dBm', bytes: 'bytes', count: '', ms: 'ms' };

const statusOf = (name: string, value: number | string | boolean | null): MeasurementSource['status'] => {
  const verdict = verdictFor(name, value);
  return verdict === 'good' ? 'pass' : verdict === 'watch' ? 'warn' : verdict === 'problem' ? 'fail' : 'info';
};

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const unitOfMetric = (name: string): string => {
  const suffix = /_(ms|pct|mbps|gb|ghz|mhz|dbm|bytes)(?:_|$)/.exec(name)?.[1];
  return suffix ? (unitNames[suffix] ?? suffix) : '';
};

/** One row per metric, one chart per sample series, the details as the raw appendix. */
export const measurementsOf = (result: ProbeResult): MeasurementSource[] => {
  const raw: Record<string, string> = {
    status: result.status,
    started: result.startedAt,
    'duration ms': String(Math.round(result.durationMs)),
    ...(result.message ? { message: result.message } : {}),
    ...Object.fromEntries(Object.entries(result.details).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
  };
  const rows: MeasurementSource[] = Object.entries(result.metrics).map(([name, value], i) => {
    const info = isMetricName(name) ? metricCatalog[name] : null;
    return {
      id: `${result.probeId}:${name}`,
      probe: result.title,
      // The plain description for people, the stable metric name for whoever checks the data.
      name: info ? `${info.description} (${name})` : name,
      unit: typeof value === 'number' ? unitOfMetric(name) : '',
      value: typeof value === 'number' ? value : null,
      display: typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'string' ? value : '',
      target: describeThreshold(name, info?.unit ?? '') ?? '',
      status: statusOf(name, value),
      measuredAt: result.startedAt,
      samples: [],
      raw: i === 0 ? raw : {},
    };
  });
  const bySeries = new Map<string, { t: number; value: number }[]>();
  for (const s of result.samples) {
    if (s.value === null) continue;
    const list = bySeries.get(s.series) ?? [];
    list.push({ t: s.t, value: s.value });
    bySeries.set(s.series, list);
  }
  const series: MeasurementSource[] = [...bySeries].map(([name, samples]) => ({
    id: `${result.probeId}:series:${name}`,
    probe: result.title,
    name: `${name} (median of ${samples.length})`,
    unit: unitOfSeries(name),
    value: median(samples.map((s) => s.value)),
    display: '',
    target: '',
    status: 'info',
    measuredAt: result.startedAt,
    samples,
    raw: {},
  }));
  if (rows.length === 0 && series.length === 0) {
    rows.push({ id: `${result.probeId}:status`, probe: result.title, name: 'result', unit: '', value: null, display: result.status, target: result.message, status: result.status === 'ok' ? 'info' : 'warn', measuredAt: result.startedAt, samples: [], raw });
  }
  return [...rows, ...series];
};

const levelNumber = (level: ScoreResult['level']): number => readinessLevels.length - readinessLevels.indexOf(level);

export const reportSourceFrom = (data: CaseDataForReport): ReportSource => {
  const { score, settings } = data;
  const findingTitles = new Map((score?.findings ?? []).map((f) => [f.id, f.title]));
  const facts = score?.facts;
  const pick = (entered: number, known: number | null | undefined, fallback: number) => (entered > 0 ? entered : (known ?? fallback));
  return {
    caseId: data.caseId,
    title: data.title,
    customer: { name: data.customerName, logoDataUri: data.customerLogoDataUri },
    site: data.siteName ? { name: data.siteName, address: data.siteAddress } : null,
    engineer: data.engineer,
    date: data.date,
    contacts: data.contacts.map((c) => ({ ...c })),
    overall: score
      ? { score: score.index, level: levelNumber(score.level), levelLabel: readinessLevelLabels[score.level], confidence: score.confidence }
      : null,
    pillars: score ? score.pillars.map(toPillar) : [],
    findings: score ? score.findings.map(toFinding) : [],
    exceptions: (score?.exceptions ?? []).map((e) => ({
      title: `${findingTitles.get(e.findingId) ?? e.findingId}: compensating control`,
      reason: `${e.compensatingControl}${e.reason ? ` — ${e.reason}` : ''} (recorded by ${e.recordedBy})`,
      pillarId: score?.findings.find((f) => f.id === e.findingId)?.pillarId ?? '',
    })),
    measurements: data.probeResults.flatMap(measurementsOf),
    recommendations: [],
    sizing: {
      users: Math.round(pick(settings.sizing.users, facts?.users, 0)),
      devices: Math.round(pick(settings.sizing.devices, facts?.devices, 0)),
      // The default of one site is not an entry: a count the interview knows wins.
      sites: Math.round(facts?.sites ?? settings.sizing.sites),
    },
    terms: settings.terms,
    comparison: data.comparison ?? null,
  };
};
