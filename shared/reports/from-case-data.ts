import { readinessLevelLabels, readinessLevels, type LevelThresholds, type ScoreResult } from '../interview';
import type { Finding, EvidenceItem } from '../interview/score-types';
import { readingValueLabel, type Provenance } from '../interview/metric-readings';
import type { ProbeResult } from '../probes/probe-schemas';
import { metricInfo } from '../probes/metric-names';
import type { FarEnd } from '../probes/measurement';
import type { ResponsivenessSegment } from '../probes/responsiveness';
import { resultMeasurements } from '../probes/result-measurements';
import { verdictFor } from '../probes/verdicts';
import { has } from '../i18n/translator';
import type { ReportLocale } from '../i18n/locales';
import { measurementWords, type MeasurementWords } from './measurement-words';
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
  /** The report's language: measurement names, far ends and the words around answers. English when absent. */
  readonly language?: ReportLocale;
}

/** The question whose answer is the organisation context at the top of the reports (built-in bank). */
export const organisationContextQuestionId = 'strategy.context';

const effortOf: Record<Finding['effort']['size'], Effort> = { small: 'low', medium: 'medium', large: 'high' };

const dateOf = (iso: string | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 16).replace('T', ' ') : '');

const englishWords = measurementWords('en');

/** "measured on the internet path against X (internet host) on 2026-11-30 09:00" */
export const provenanceText = (p: Provenance, words: MeasurementWords = englishWords): string => {
  const where = farEndText(p.farEnd, words);
  const when = dateOf(p.measuredAt);
  return words.tr.t('measure.provenance', { scope: p.scope, where, hasWhere: has(where), when, hasWhen: has(when) });
};

/**
 * An answer's value in the report's language. Option labels come from the localised bank already;
 * what scoring writes itself (it runs without a language) is the scale's "3 of 5" and the fixed
 * words Yes, No, Unknown, None and Not answered: those are put in the report's words here.
 */
export const answerLabel = (valueLabel: string, words: MeasurementWords = englishWords): string => {
  const { t } = words.tr;
  const fixed: Readonly<Record<string, string>> = { Yes: t('reportAnswer.yes'), No: t('reportAnswer.no'), Unknown: t('reportAnswer.unknown'), None: t('reportAnswer.none'), 'Not answered': t('reportAnswer.notAnswered') };
  const scale = /^(-?\d+(?:\.\d+)?) of (\d+(?:\.\d+)?)$/.exec(valueLabel);
  if (scale) return t('reportAnswer.scale', { value: words.tr.fmt.number(Number(scale[1])), max: words.tr.fmt.number(Number(scale[2])) });
  return fixed[valueLabel] ?? valueLabel;
};

const overrideText = (o: NonNullable<Extract<EvidenceItem, { kind: 'answer' }>['override']>, words: MeasurementWords): string =>
  words.tr.t('measure.override', { value: readingValueLabel(o.measured.metric, o.measured.value), reason: o.reason ?? '', hasReason: has(o.reason) });

export const evidenceText = (e: EvidenceItem, words: MeasurementWords = englishWords): string => {
  const { t } = words.tr;
  if (e.kind === 'answer') {
    const measured =
      e.source === 'measurement'
        ? ` (${e.provenance ? provenanceText(e.provenance, words) : t('measure.measured')})`
        : e.source === 'customer'
          ? ` ${t('measure.fromCustomerEvidence', { who: e.customer ?? '', hasWho: has(e.customer) })}`
          : '';
    const override = e.override ? ` (${overrideText(e.override, words)})` : '';
    return `${e.questionText} — ${answerLabel(e.valueLabel, words)}${measured}${override}`;
  }
  const label = e.label ?? words.label(e.metric);
  const value = e.valueLabel ?? (e.value === null ? t('measure.notMeasured') : words.value(e.metric, e.value));
  const parts = [
    e.threshold ? t('measure.findingAt', { threshold: e.threshold }) : '',
    e.scope ? words.scope(e.scope) : '',
    e.farEnd ? t('measure.against', { where: farEndText(e.farEnd, words) }) : '',
  ].filter(Boolean);
  return `${label}: ${value}${parts.length ? ` (${parts.join('; ')})` : ''}`;
};

/** The control, its reason and who recorded it; an empty name is left out, never printed as "(recorded by )". */
const controlValues = (e: { compensatingControl: string; reason?: string | null; recordedBy: string }) => ({
  control: e.compensatingControl,
  reason: e.reason ?? '',
  hasReason: has(e.reason),
  who: e.recordedBy.trim(),
  hasWho: has(e.recordedBy.trim()),
});

const exceptionText = (e: NonNullable<Finding['exception']>, words: MeasurementWords): string => words.tr.t('exception.text', controlValues(e));

interface CapturedByQuestion {
  readonly notes: Readonly<Record<string, string>>;
  readonly attachments: ReadonlyMap<string, AttachmentSource[]>;
}

const questionIdsOf = (f: Finding): string[] => [...new Set(f.evidence.flatMap((e) => (e.kind === 'answer' ? [e.questionId] : [])))];

const toFinding = (f: Finding, captured: CapturedByQuestion, words: MeasurementWords): FindingSource => {
  const questions = questionIdsOf(f);
  return {
    id: f.id,
    title: f.title,
    pillarId: f.pillarId,
    severity: f.severity,
    effort: effortOf[f.effort.size],
    detail: f.description,
    evidence: [...f.evidence.map((e) => evidenceText(e, words)), ...(f.exception ? [exceptionText(f.exception, words)] : [])],
    expectedEvidence: f.evidenceNote,
    notes: questions.flatMap((q) => (captured.notes[q]?.trim() ? [captured.notes[q]!.trim()] : [])),
    attachments: questions.flatMap((q) => captured.attachments.get(q) ?? []),
    recommendation: f.recommendation,
    skuRefs: f.priceLines.map((l) => ({ sku: l.sku, rule: l.quantityRule, quantity: l.factor })),
    effortDays: f.effort.days ?? 0,
    gateLabel: f.gate ? readinessLevelLabels[f.gate] : '',
  };
};

const toPillar = (p: ScoreResult['pillars'][number], captured: CapturedByQuestion, words: MeasurementWords): PillarSource => ({
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
      answer: c.status === 'unknown' ? words.tr.t('reportAnswer.unknown') : c.unmeasured || c.status === 'unanswered' ? words.tr.t('reportAnswer.notAnswered') : answerLabel(c.valueLabel, words),
      note:
        c.source === 'measurement'
          ? c.provenance
            ? provenanceText(c.provenance, words)
            : words.tr.t('measure.measured')
          : c.override
            ? overrideText(c.override, words)
            : c.unmeasured
              ? words.tr.t('measure.couldNot', { reason: words.reason(c.unmeasured.reason) })
              : c.source === 'customer'
                ? words.tr.t('measure.fromCustomer', { who: c.customer ?? '', hasWho: has(c.customer) })
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

export const farEndText = (farEnd: FarEnd | undefined, words: MeasurementWords = englishWords): string =>
  !farEnd ? '' : farEnd.kind === 'this_device' ? words.pathKind('this_device') : words.tr.t('measure.farEnd', { target: farEnd.target, kind: words.pathKind(farEnd.kind) });

/** A sample series as people read it: "Round trip to teams.microsoft.com:443", with its unit. */
const seriesInfo = (series: string, words: MeasurementWords): { name: string; unit: string } => {
  const { t } = words.tr;
  const [kind, ...rest] = series.split(':');
  const target = rest.join(':');
  // The latency probe names its gateway target 'gateway': a word of ours, so it is translated like one.
  if (kind === 'rtt' && target === 'gateway') return { name: t('measure.series.rttGateway'), unit: 'ms' };
  if (kind === 'rtt' && target) return { name: t('measure.series.rtt', { target }), unit: 'ms' };
  if (kind === 'ttfb') return { name: t('measure.series.ttfb', { target }), unit: 'ms' };
  if (series === 'download_mbps') return { name: t('measure.series.download'), unit: 'Mbit/s' };
  if (series === 'upload_mbps') return { name: t('measure.series.upload'), unit: 'Mbit/s' };
  if (series.startsWith('rtt_loaded_')) return { name: t('measure.series.rttLoaded', { load: series.slice('rtt_loaded_'.length) }), unit: 'ms' };
  if (series === 'rtt_idle') return { name: t('measure.series.rttIdle'), unit: 'ms' };
  if (series === 'offset') return { name: t('measure.series.offset'), unit: 'ms' };
  if (series === 'rtt') return { name: t('measure.series.ntpRtt'), unit: 'ms' };
  const rpm = /^(?:(lan|hub|internet)_)?(download|upload|concurrent)_(mbps|latency_ms)$/.exec(series);
  if (rpm) {
    const to = rpm[1] ? words.segment(rpm[1] as ResponsivenessSegment) : '';
    const values = { load: rpm[2] ?? 'concurrent', to, hasTo: has(to) };
    return rpm[3] === 'mbps' ? { name: t('measure.series.goodput', values), unit: 'Mbit/s' } : { name: t('measure.series.latency', values), unit: 'ms' };
  }
  if (kind === 'warm' || kind === 'cold') return { name: t('measure.series.dns', { kind, target }), unit: 'ms' };
  return { name: words.label(series), unit: /_mbps$/.test(series) ? 'Mbit/s' : 'ms' };
};

/**
 * One row per measured metric (label, value with unit, verdict threshold, far end), one chart per
 * sample series. Only what was measured: metrics that could not be measured go to `unmeasuredOf`.
 * The probe's details (interfaces with MAC addresses, host names, neighbours) never reach a
 * report; the machine-readable attachment carries the figures.
 */
export const measurementsOf = (result: ProbeResult, words: MeasurementWords = englishWords): MeasurementSource[] => {
  const probe = words.probeTitle(result);
  const rows: MeasurementSource[] = Object.entries(resultMeasurements(result)).flatMap(([name, m]) => {
    if (m.state !== 'measured') return [];
    const info = metricInfo(name);
    return [
      {
        id: `${result.probeId}:${name}`,
        metric: name,
        probe,
        name: words.label(name),
        unit: typeof m.value === 'number' ? words.unit(name) : '',
        value: typeof m.value === 'number' ? m.value : null,
        display: words.value(name, m.value),
        scope: words.scope(m.scope),
        farEnd: farEndText(m.farEnd, words),
        target: words.threshold(name, info?.unit ?? '', result.metrics) ?? '',
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
    const info = seriesInfo(name, words);
    const mid = median(samples.map((s) => s.value));
    return {
      id: `${result.probeId}:series:${name}`,
      metric: `${result.probeId}:series:${name}`,
      probe,
      name: words.tr.t('measure.median', { name: info.name, count: samples.length }),
      unit: info.unit,
      value: mid,
      display: mid === null ? '' : `${words.tr.fmt.number(Math.round(mid * 100) / 100)}${words.tr.locale === 'fr-CA' ? '\u00a0' : ' '}${info.unit}`,
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
export const unmeasuredOf = (result: ProbeResult, words: MeasurementWords = englishWords): ReportSource['unmeasured'] =>
  Object.entries(resultMeasurements(result)).flatMap(([name, m]) =>
    m.state === 'measured' ? [] : [{ probe: words.probeTitle(result), name: words.label(name), scope: words.scope(m.scope), reason: words.reason(m.reason) }],
  );

const levelNumber = (level: ScoreResult['level']): number => readinessLevels.length - readinessLevels.indexOf(level);

export const reportSourceFrom = (data: CaseDataForReport): ReportSource => {
  const { score, settings } = data;
  const words = measurementWords(data.language);
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
    pillars: score ? score.pillars.map((p) => toPillar(p, captured, words)) : [],
    findings: score ? score.findings.map((f) => toFinding(f, captured, words)) : [],
    exceptions: (score?.exceptions ?? []).map((e) => ({
      title: words.tr.t('exception.title', { finding: findingTitles.get(e.findingId) ?? '', hasFinding: has(findingTitles.get(e.findingId)) }),
      reason: words.tr.t('exception.control', controlValues(e)),
      pillarId: score?.findings.find((f) => f.id === e.findingId)?.pillarId ?? '',
    })),
    measurements: data.probeResults.flatMap((r) => measurementsOf(r, words)),
    unmeasured: data.probeResults.flatMap((r) => unmeasuredOf(r, words)),
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
