import { readinessLevelLabels, readinessLevels, type LevelThresholds, type ScoreResult } from '../interview';
import type { Finding, EvidenceItem } from '../interview/score-types';
import { readingValueLabel, type Provenance } from '../interview/metric-readings';
import type { ProbeResult } from '../probes/probe-schemas';
import { formatMetricValue, metricInfo, metricLabel, metricScopeLabels, unitSuffix } from '../probes/metric-names';
import { pathKindLabels, type FarEnd } from '../probes/measurement';
import { responsivenessSegmentLabels, type ResponsivenessSegment } from '../probes/responsiveness';
import { resultMeasurements } from '../probes/result-measurements';
import { describeThreshold, verdictFor } from '../probes/verdicts';
import type { ProposalSettings } from './proposal-settings';
import type { AttachmentSource, Effort, FindingSource, MeasurementSource, PillarSource, ReportSource } from './report-source';
import { readinessScale } from './readiness-scale';
import type { QuestionBank } from '../interview/bank-schema';
import { frameworkAppendixFrom } from './framework-appendix';
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
  /** The engineer's note on each question, by question id (only the ones with a note). */
  readonly notes?: Readonly<Record<string, string>>;
  /** Evidence attached to the case; questionId null when it belongs to no question. */
  readonly attachments?: readonly (AttachmentSource & { questionId: string | null })[];
  /** The organisation context answer, when the caller read it; else it is looked for in the score. */
  readonly context?: string;
  /** The bank's level thresholds, for the legend. */
  readonly levelThresholds?: LevelThresholds;
  /** The bank version the case is answered with, for the framework appendix. */
  readonly bank?: QuestionBank | null;
}

/** The question whose answer is the organisation context at the top of the reports (built-in bank). */
export const organisationContextQuestionId = 'strategy.context';

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

/** "(recorded by Dana)" only when a name was recorded: an empty name is left out, never printed. */
export const recordedBy = (name: string): string => (name.trim() ? ` (recorded by ${name.trim()})` : '');

const exceptionText = (e: NonNullable<Finding['exception']>): string =>
  `Compensating control: ${e.compensatingControl}${e.reason ? ` — ${e.reason}` : ''}${recordedBy(e.recordedBy)}`;

interface CapturedByQuestion {
  readonly notes: Readonly<Record<string, string>>;
  readonly attachments: ReadonlyMap<string, AttachmentSource[]>;
}

const questionIdsOf = (f: Finding): string[] => [...new Set(f.evidence.flatMap((e) => (e.kind === 'answer' ? [e.questionId] : [])))];

const toFinding = (f: Finding, captured: CapturedByQuestion): FindingSource => {
  const questions = questionIdsOf(f);
  return {
    id: f.id,
    title: f.title,
    pillarId: f.pillarId,
    severity: f.severity,
    effort: effortOf[f.effort.size],
    detail: f.description,
    evidence: [...f.evidence.map(evidenceText), ...(f.exception ? [exceptionText(f.exception)] : [])],
    expectedEvidence: f.evidenceNote,
    notes: questions.flatMap((q) => (captured.notes[q]?.trim() ? [captured.notes[q]!.trim()] : [])),
    attachments: questions.flatMap((q) => captured.attachments.get(q) ?? []),
    recommendation: f.recommendation,
    skuRefs: f.priceLines.map((l) => ({ sku: l.sku, rule: l.quantityRule, quantity: l.factor })),
    effortDays: f.effort.days ?? 0,
    gateLabel: f.gate ? readinessLevelLabels[f.gate] : '',
  };
};

const toPillar = (p: ScoreResult['pillars'][number], captured: CapturedByQuestion): PillarSource => ({
  id: p.pillarId,
  name: p.title,
  score: p.score,
  level: 0,
  levelLabel: '',
  confidence: p.confidence,
  weight: p.weight,
  answers: p.contributions
    // An unanswered question still appears when the engineer wrote a note or attached a file to it.
    .filter((c) => c.status !== 'unanswered' || c.unmeasured !== undefined || captured.notes[c.questionId]?.trim() || captured.attachments.has(c.questionId))
    .filter((c) => c.questionId !== organisationContextQuestionId)
    .map((c) => ({
      question: c.questionText,
      answer: c.status === 'unknown' ? 'Unknown' : c.unmeasured || c.status === 'unanswered' ? 'Not answered' : c.valueLabel,
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
      engineerNote: captured.notes[c.questionId]?.trim() ?? '',
      attachments: captured.attachments.get(c.questionId) ?? [],
    })),
});

const contextOf = (score: ScoreResult | null): string => {
  for (const p of score?.pillars ?? []) {
    const c = p.contributions.find((x) => x.questionId === organisationContextQuestionId);
    if (c && c.status === 'known' && typeof c.value === 'string') return c.value.trim();
  }
  return '';
};

const statusOf = (name: string, value: number | string | boolean, metrics: ProbeResult['metrics']): MeasurementSource['status'] => {
  const verdict = verdictFor(name, value, metrics);
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
  const rpm = /^(?:(lan|hub|internet)_)?(download|upload|concurrent)_(mbps|latency_ms)$/.exec(series);
  if (rpm) {
    const load = { download: 'download', upload: 'upload', concurrent: 'download and upload' }[rpm[2] as 'download' | 'upload' | 'concurrent'];
    const to = rpm[1] ? ` to ${responsivenessSegmentLabels[rpm[1] as ResponsivenessSegment]}` : '';
    return rpm[3] === 'mbps' ? { name: `Goodput under ${load} load${to}`, unit: 'Mbit/s' } : { name: `Latency under ${load} load${to}`, unit: 'ms' };
  }
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
        target: describeThreshold(name, info?.unit ?? '', result.metrics) ?? '',
        status: statusOf(name, m.value, result.metrics),
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
  const byQuestion = new Map<string, AttachmentSource[]>();
  const caseAttachments: AttachmentSource[] = [];
  for (const { questionId, ...a } of data.attachments ?? []) {
    if (questionId) byQuestion.set(questionId, [...(byQuestion.get(questionId) ?? []), a]);
    else caseAttachments.push(a);
  }
  const captured: CapturedByQuestion = { notes: data.notes ?? {}, attachments: byQuestion };
  const capped = score ? score.level !== score.levelBeforeGates : false;
  const fromInterview = (['users', 'devices', 'sites'] as const).filter((k) =>
    k === 'sites' ? facts?.sites != null : settings.sizing[k] <= 0 && facts?.[k] != null && facts[k]! > 0,
  );
  return {
    caseId: data.caseId,
    title: data.title,
    customer: { name: data.customerName, logoDataUri: data.customerLogoDataUri },
    site: data.siteName ? { name: data.siteName, address: data.siteAddress } : null,
    engineer: data.engineer,
    date: data.date,
    contacts: data.contacts.map((c) => ({ ...c })),
    overall: score
      ? {
          score: score.index,
          level: levelNumber(score.level),
          levelLabel: readinessLevelLabels[score.level],
          confidence: score.confidence,
          uncappedLevelLabel: readinessLevelLabels[score.levelBeforeGates],
          // Only the gates that changed the level: one that caps at the level the index gives anyway capped nothing.
          cappedBy: capped ? score.gates.filter((g) => g.active && g.cap === score.level).map((g) => (g.reason ? `${g.title} — ${g.reason}` : g.title)) : [],
        }
      : null,
    scale: readinessScale(data.levelThresholds),
    frameworkCoverage: score && data.bank ? frameworkAppendixFrom(data.bank, score) : [],
    context: data.context ?? contextOf(score),
    caseAttachments,
    pillars: score ? score.pillars.map((p) => toPillar(p, captured)) : [],
    findings: score ? score.findings.map((f) => toFinding(f, captured)) : [],
    exceptions: (score?.exceptions ?? []).map((e) => ({
      title: `${findingTitles.get(e.findingId) ?? 'A finding'}: compensating control`,
      reason: `${e.compensatingControl}${e.reason ? ` — ${e.reason}` : ''}${recordedBy(e.recordedBy)}`,
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
    sizingFromInterview: fromInterview,
    terms: settings.terms,
    comparison: data.comparison ? inWholePoints(data.comparison) : null,
  };
};

const whole = (n: number | null): number | null => (n === null ? null : Math.round(n));
const wholeDelta = (before: number | null, after: number | null, delta: number | null): number | null =>
  before === null || after === null ? delta : Math.round(after) - Math.round(before);

/**
 * The comparison as a customer reads it: scores in whole points and each change the difference of
 * the printed scores, so "1 → 100" reads "+99", never "+98.6".
 */
export const inWholePoints = (c: Comparison): Comparison => ({
  ...c,
  before: { ...c.before, readinessIndex: whole(c.before.readinessIndex) },
  after: { ...c.after, readinessIndex: whole(c.after.readinessIndex) },
  indexDelta: wholeDelta(c.before.readinessIndex, c.after.readinessIndex, c.indexDelta),
  pillars: c.pillars.map((p) => ({ ...p, before: whole(p.before), after: whole(p.after), delta: wholeDelta(p.before, p.after, p.delta) })),
});
