import { readinessLevelLabels, readinessLevels, type ScoreResult } from '../interview';
import type { Finding, EvidenceItem } from '../interview/score-types';
import { readingValueLabel, type Provenance } from '../interview/metric-readings';
import type { ProbeResult } from '../probes/probe-schemas';
import { formatMetricValue, metricInfo, metricLabel, metricScopeLabels, unitSuffix } from '../probes/metric-names';
import { pathKindLabels, type FarEnd } from '../probes/measurement';
import { resultMeasurements } from '../probes/result-measurements';
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

const dateOf = (iso: string | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 16).replace('T', ' ') : '');

/** "measured against X (internet host) on 2026-11-30 09:00" */
export const provenanceText = (p: Provenance): string => {
  const where = farEndText(p.farEnd);
  const when = dateOf(p.measuredAt);
  return `measured on the ${metricScopeLabels[p.scope]}${where ? ` against ${where}` : ''}${when ? ` on ${when}` : ''}`;
};

export const evidenceText = (e: EvidenceItem): string => {
  if (e.kind === 'answer') {
    const measured =
      e.source === 'measurement'
        ? e.provenance
          ? ` (${provenanceText(e.provenance)})`
          : ' (measured)'
        : e.source === 'customer'
          ? ` (from the customer${e.customer ? `: ${e.customer}` : ''}, not yet confirmed)`
          : '';
    const override = e.override ? ` (answered instead of the measured ${readingValueLabel(e.override.measured.metric, e.override.measured.value)}${e.override.reason ? `: ${e.override.reason}` : ''})` : '';
    return `${e.questionText} — ${e.valueLabel}${measured}${override}`;
  }
  const label = e.label ?? metricLabel(e.metric);
  const value = e.valueLabel ?? (e.value === null ? 'not measured' : formatMetricValue(e.metric, e.value));
  const parts = [e.threshold ? `finding at ${e.threshold}` : '', e.scope ? metricScopeLabels[e.scope] : '', e.farEnd ? `measured against ${farEndText(e.farEnd)}` : ''].filter(Boolean);
  return `${label}: ${value}${parts.length ? ` (${parts.join('; ')})` : ''}`;
};

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
    .filter((c) => c.status !== 'unanswered' || c.unmeasured !== undefined)
    .map((c) => ({
      question: c.questionText,
      answer: c.status === 'unknown' ? 'Unknown' : c.unmeasured ? 'Not answered' : c.valueLabel,
      note:
        c.source === 'measurement'
          ? c.provenance
            ? provenanceText(c.provenance)
            : 'measured'
          : c.override
            ? `answered instead of the measured ${readingValueLabel(c.override.measured.metric, c.override.measured.value)}${c.override.reason ? `: ${c.override.reason}` : ''}`
            : c.unmeasured
              ? `could not be measured: ${c.unmeasured.reason}`
              : c.source === 'customer'
                ? `from the customer${c.customer ? ` (${c.customer})` : ''}, not yet confirmed`
                : '',
    })),
});

const statusOf = (name: string, value: number | string | boolean): MeasurementSource['status'] => {
  const verdict = verdictFor(name, value);
  return verdict === 'good' ? 'pass' : verdict === 'watch' ? 'warn' : verdict === 'problem' ? 'fail' : 'info';
};

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const farEndText = (farEnd: FarEnd | undefined): string =>
  !farEnd ? '' : farEnd.kind === 'this_device' ? 'this laptop' : `${farEnd.target} (${pathKindLabels[farEnd.kind]})`;

/** A sample series as people read it: "Round trip to teams.microsoft.com:443", with its unit. */
const seriesInfo = (series: string): { name: string; unit: string } => {
  const [kind, ...rest] = series.split(':');
  const target = rest.join(':');
  if (kind === 'rtt') return { name: `Round trip to ${target}`, unit: 'ms' };
  if (kind === 'ttfb') return { name: `First byte from ${target}`, unit: 'ms' };
  if (series === 'download_mbps') return { name: 'Download rate during the test', unit: 'Mbit/s' };
  if (series === 'upload_mbps') return { name: 'Upload rate during the test', unit: 'Mbit/s' };
  if (series.startsWith('rtt_loaded_')) return { name: `Round trip under ${series.slice('rtt_loaded_'.length)} load`, unit: 'ms' };
  if (series === 'rtt_idle') return { name: 'Round trip before the load', unit: 'ms' };
  if (series === 'offset') return { name: 'Clock offset per query', unit: 'ms' };
  if (series === 'rtt') return { name: 'Round trip to the time server', unit: 'ms' };
  if (kind === 'warm' || kind === 'cold') return { name: `DNS ${kind} query time via ${target}`, unit: 'ms' };
  return { name: metricLabel(series), unit: /_mbps$/.test(series) ? 'Mbit/s' : 'ms' };
};

const unitOf = (name: string): string => {
  const info = metricInfo(name);
  return info ? unitSuffix[info.unit].trim() : '';
};

/**
 * One row per measured metric (label, value with unit, verdict threshold, far end), one chart per
 * sample series. Only what was measured: metrics that could not be measured go to `unmeasuredOf`.
 * The probe's details (interfaces with MAC addresses, host names, neighbours) never reach a
 * report; the machine-readable attachment carries the figures.
 */
export const measurementsOf = (result: ProbeResult): MeasurementSource[] => {
  const rows: MeasurementSource[] = Object.entries(resultMeasurements(result)).flatMap(([name, m]) => {
    if (m.state !== 'measured') return [];
    const info = metricInfo(name);
    return [
      {
        id: `${result.probeId}:${name}`,
        metric: name,
        probe: result.title,
        name: metricLabel(name),
        unit: typeof m.value === 'number' ? unitOf(name) : '',
        value: typeof m.value === 'number' ? m.value : null,
        display: formatMetricValue(name, m.value),
        scope: metricScopeLabels[m.scope],
        farEnd: farEndText(m.farEnd),
        target: describeThreshold(name, info?.unit ?? '') ?? '',
        status: statusOf(name, m.value),
        measuredAt: result.startedAt,
        samples: [],
        raw: {},
      },
    ];
  });
  const bySeries = new Map<string, { t: number; value: number }[]>();
  for (const s of result.samples) {
    if (s.value === null) continue;
    const list = bySeries.get(s.series) ?? [];
    list.push({ t: s.t, value: s.value });
    bySeries.set(s.series, list);
  }
  const series: MeasurementSource[] = [...bySeries].map(([name, samples]) => {
    const info = seriesInfo(name);
    const mid = median(samples.map((s) => s.value));
    return {
      id: `${result.probeId}:series:${name}`,
      metric: `${result.probeId}:series:${name}`,
      probe: result.title,
      name: `${info.name} (median of ${samples.length})`,
      unit: info.unit,
      value: mid,
      display: mid === null ? '' : `${Math.round(mid * 100) / 100} ${info.unit}`,
      scope: '',
      farEnd: '',
      target: '',
      status: 'info',
      measuredAt: result.startedAt,
      samples,
      raw: {},
    };
  });
  return [...rows, ...series];
};

/** What a probe tried and could not measure, with the reason (one line each). */
export const unmeasuredOf = (result: ProbeResult): ReportSource['unmeasured'] =>
  Object.entries(resultMeasurements(result)).flatMap(([name, m]) =>
    m.state === 'measured' ? [] : [{ probe: result.title, name: metricLabel(name), scope: metricScopeLabels[m.scope], reason: m.reason }],
  );

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
    unmeasured: data.probeResults.flatMap(unmeasuredOf),
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
