import { levelMeanings } from './readiness-scale';
import type { ProposalRecord } from '../domain/proposals';
import { defaultBranding, type BrandingProfile } from './branding';
import type { PriceBookItem } from './price-book';
import { buildProposal, proposalFromRecord, type Proposal } from './proposal';
import { buildRoadmap, ownerFor, severityRank, type Roadmap } from './roadmap';
import { severities, type FindingSource, type MeasurementSource, type PillarSource, type ReportSource, type Severity } from './report-source';
import { brandingForPrint, type ExportAdjustment } from './print-colors';
import { defaultLocale, type ReportLocale } from '../i18n/locales';
import { createTranslator, has, type Translator } from '../i18n/translator';
import type { MessageId } from '../i18n/messages-en';

export const reportKinds = ['executive', 'technical', 'proposal', 'reassessment'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindMessages: Record<ReportKind, MessageId> = {
  executive: 'report.kind.executive',
  technical: 'report.kind.technical',
  proposal: 'report.kind.proposal',
  reassessment: 'report.kind.reassessment',
};
/** English names of the kinds, for the app's own lists (a report prints its kind in its own language). */
export const reportKindLabels: Record<ReportKind, string> = {
  executive: 'Executive readiness report',
  technical: 'Technical findings report',
  proposal: 'Proposal',
  reassessment: 'Re-assessment report',
};

/** A name this long or shorter is shown whole in running heads and body text; longer ones are cut with "…". */
export const shortNameLength = 80;
export const shortName = (name: string, max = shortNameLength): string => {
  const chars = [...name.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
};

export const reportFormats = ['pdf', 'docx', 'html', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Bumped whenever a change to the layout or the model changes what an export contains. */
export const reportTemplateVersion = '1.0.0';

export interface Cover {
  readonly title: string;
  readonly subtitle: string;
  readonly partnerName: string;
  /** The full name: printed once, on the cover. */
  readonly customerName: string;
  /** The name everywhere else (running heads, body text): cut at shortNameLength characters. */
  readonly customerShortName: string;
  readonly customerLogoDataUri: string;
  readonly siteName: string;
  readonly siteAddress: string;
  readonly engineer: string;
  readonly date: string;
}

export interface ExecutiveSummary {
  readonly overall: ReportSource['overall'];
  readonly severityCounts: Record<Severity, number>;
  readonly pillarCount: number;
  readonly measurementCount: number;
  readonly headline: string;
  readonly strongest: PillarSource | null;
  readonly weakest: PillarSource | null;
}

export interface PillarSection {
  readonly pillar: PillarSource;
  readonly findings: FindingSource[];
}

interface ReportBase {
  /** The language the report is written in (the customer's, set per case; recorded with the export). */
  readonly locale: ReportLocale;
  readonly cover: Cover;
  /** The branding as printed: colours that fail contrast as text are already adjusted. */
  readonly branding: BrandingProfile;
  readonly source: ReportSource;
  readonly templateVersion: string;
  /** "Groundwork 0.1.0": the app version that made the export (from its stored inputs, so a reproduction keeps it). */
  readonly generator: string;
  /** What the export changed from the branding as entered (recorded with the export). */
  readonly adjustments: ExportAdjustment[];
}

/** One pillar in a sentence: its score, its most severe finding. */
export interface PillarSummary {
  readonly pillar: PillarSource;
  readonly findingCount: number;
  readonly worst: FindingSource | null;
  readonly owner: string;
}

export interface ExecutiveReport extends ReportBase {
  readonly kind: 'executive';
  readonly summary: ExecutiveSummary;
  readonly topRisks: FindingSource[];
  readonly pillarSummaries: PillarSummary[];
  /** The proposal behind the investment summary; null when nothing in the price book answers a finding. */
  readonly proposal: Proposal | null;
  readonly roadmap: Roadmap;
}

/** A finding's priority as a product anyone can check: severity points × the pillar's weight. */
export interface FindingPriority {
  readonly severityPoints: number;
  readonly pillarWeight: number;
  readonly score: number;
}

export const severityPoints: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };

export const priorityOf = (f: FindingSource, pillars: readonly PillarSource[]): FindingPriority => {
  const weight = pillars.find((p) => p.id === f.pillarId)?.weight ?? 1;
  return { severityPoints: severityPoints[f.severity], pillarWeight: weight, score: Math.round(severityPoints[f.severity] * weight * 10) / 10 };
};

/** Who and what a finding touches, from the case's sizes and the kind of fix it needs. */
export const scopeOf = (f: FindingSource, source: ReportSource, tr: Translator = createTranslator(defaultLocale)): string => {
  const rules = new Set(f.skuRefs.map((r) => r.rule));
  const site = source.site?.name ? shortName(source.site.name, 60) : '';
  const where = { site, hasSite: has(site) };
  if (rules.has('per_user') && source.sizing.users > 0) return tr.t('scope.allUsers', { count: tr.fmt.number(source.sizing.users), ...where });
  if (rules.has('per_device') && source.sizing.devices > 0) return tr.t('scope.allDevices', { count: tr.fmt.number(source.sizing.devices), ...where });
  if (rules.has('per_site') && source.sizing.sites > 0) return tr.t('scope.sites', { count: source.sizing.sites });
  return tr.t('scope.organisation', where);
};

export interface TechnicalFinding extends FindingSource {
  readonly priority: FindingPriority;
  readonly scope: string;
}

export interface TechnicalReport extends ReportBase {
  readonly kind: 'technical';
  readonly summary: ExecutiveSummary;
  readonly findings: TechnicalFinding[];
  readonly pillarSections: PillarSection[];
  /** Findings whose pillar is unknown to the scoring. */
  readonly otherFindings: FindingSource[];
  readonly measurements: MeasurementSource[];
}

export interface ProposalReport extends ReportBase {
  readonly kind: 'proposal';
  readonly proposal: Proposal;
  readonly roadmap: Roadmap;
}

/** What changed since the assessment this case re-assesses, for the customer. */
export interface ReassessmentReport extends ReportBase {
  readonly kind: 'reassessment';
  readonly summary: ExecutiveSummary;
  /** The current findings still open, most severe first, and the new ones. */
  readonly stillOpen: FindingSource[];
  readonly newFindings: FindingSource[];
  readonly roadmap: Roadmap;
}

export type ReportModel = ExecutiveReport | TechnicalReport | ProposalReport | ReassessmentReport;

export interface ReportInputs {
  readonly source: ReportSource;
  readonly branding: BrandingProfile;
  readonly priceBook: readonly PriceBookItem[];
  /** "Groundwork 0.1.0" (export-report.ts sets it); "Groundwork" when absent, as in older stored inputs. */
  readonly generator?: string | undefined;
  /** The report's language; English when absent, as in inputs stored before reports had a language. */
  readonly language?: ReportLocale | undefined;
  /** The saved proposal a proposal document prints (export-report.ts passes it); absent: built from the findings. */
  readonly proposalRecord?: ProposalRecord | undefined;
}

const bySeverity = (a: FindingSource, b: FindingSource): number =>
  severityRank[a.severity] - severityRank[b.severity] || a.title.localeCompare(b.title);

const coverFor = (kind: ReportKind, { source, branding, proposalRecord }: ReportInputs, tr: Translator): Cover => ({
  title: tr.t(reportKindMessages[kind]),
  // A saved proposal goes out under the title the account manager gave it.
  subtitle: (kind === 'proposal' && proposalRecord?.title.trim()) || source.title || tr.t('report.defaultSubtitle'),
  partnerName: branding.partnerName,
  customerName: source.customer.name,
  customerShortName: shortName(source.customer.name),
  customerLogoDataUri: source.customer.logoDataUri,
  siteName: source.site?.name ?? '',
  siteAddress: source.site?.address ?? '',
  engineer: source.engineer,
  date: source.date,
});

const headlineFor = (source: ReportSource, counts: Record<Severity, number>, tr: Translator): string => {
  const urgent = counts.critical + counts.high;
  const o = source.overall;
  const findings = source.findings.length === 0 ? tr.t('headline.noFindings') : tr.t('headline.findings', { count: source.findings.length, urgent });
  if (!o) return findings;
  const level = tr.t('headline.level', { score: Math.round(o.score), level: o.levelLabel, hasLevel: has(o.levelLabel) });
  return tr.t('headline.joined', { level, findings });
};

export const summarize = (source: ReportSource, tr: Translator = createTranslator(defaultLocale)): ExecutiveSummary => {
  const severityCounts = Object.fromEntries(severities.map((s) => [s, source.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const ranked = [...source.pillars].sort((a, b) => b.score - a.score);
  return {
    overall: source.overall,
    severityCounts,
    pillarCount: source.pillars.length,
    measurementCount: source.measurements.length,
    headline: headlineFor(source, severityCounts, tr),
    strongest: ranked[0] ?? null,
    weakest: ranked.length > 1 ? (ranked.at(-1) ?? null) : null,
  };
};

const pillarSummaries = (source: ReportSource, findings: readonly FindingSource[], tr: Translator): PillarSummary[] =>
  source.pillars.map((pillar) => {
    const own = findings.filter((f) => f.pillarId === pillar.id && f.severity !== 'info');
    return { pillar, findingCount: own.length, worst: own[0] ?? null, owner: ownerFor(pillar.id, tr) };
  });

/** Pure: the same inputs always give the same model. */
export const buildReportModel = (kind: ReportKind, inputs: ReportInputs): ReportModel => {
  const printed = brandingForPrint(inputs.branding);
  const locale = inputs.language ?? defaultLocale;
  const tr = createTranslator(locale);
  // The built-in disclaimer is ours to translate; a partner's own wording is printed as written.
  const branding = printed.branding.disclaimer === defaultBranding.disclaimer ? { ...printed.branding, disclaimer: tr.t('report.defaultDisclaimer') } : printed.branding;
  // The built-in level meanings are ours to translate; a bank's own wording is printed as written.
  const meaningIds = new Map<string, MessageId>([
    [levelMeanings.pacesetter, 'level.meaning.pacesetter'],
    [levelMeanings.chaser, 'level.meaning.chaser'],
    [levelMeanings.follower, 'level.meaning.follower'],
    [levelMeanings.laggard, 'level.meaning.laggard'],
  ]);
  const meaningFor = (text: string): string => {
    const id = meaningIds.get(text);
    return id ? tr.t(id) : text;
  };
  const source = { ...inputs.source, scale: inputs.source.scale.map((l) => ({ ...l, meaning: meaningFor(l.meaning) })) };
  const base = {
    locale,
    cover: coverFor(kind, inputs, tr),
    branding,
    adjustments: printed.adjustments,
    source,
    templateVersion: reportTemplateVersion,
    generator: inputs.generator ?? 'Groundwork',
  };
  const findings = [...source.findings].sort(bySeverity);
  const proposal = buildProposal(source, inputs.priceBook, inputs.branding.proposalText, tr);
  const roadmap = buildRoadmap(source.recommendations, source.findings, { proposal, partnerName: inputs.branding.partnerName, pillars: source.pillars, tr });
  if (kind === 'executive') {
    const priced = proposal.oneTime.length + proposal.monthly.length > 0 && proposal.refusal === null;
    return {
      ...base,
      kind,
      summary: summarize(source, tr),
      topRisks: findings.filter((f) => f.severity !== 'info').slice(0, 5),
      pillarSummaries: pillarSummaries(source, findings, tr),
      proposal: priced ? proposal : null,
      roadmap,
    };
  }
  if (kind === 'technical') {
    const pillarIds = new Set(source.pillars.map((p) => p.id));
    const scored = findings
      .map((f) => ({ ...f, priority: priorityOf(f, source.pillars), scope: scopeOf(f, source, tr) }))
      .sort((a, b) => b.priority.score - a.priority.score || bySeverity(a, b));
    return {
      ...base,
      kind,
      summary: summarize(source, tr),
      findings: scored,
      pillarSections: source.pillars.map((pillar) => ({ pillar, findings: findings.filter((f) => f.pillarId === pillar.id) })),
      otherFindings: findings.filter((f) => !pillarIds.has(f.pillarId)),
      measurements: source.measurements,
    };
  }
  if (kind === 'reassessment') {
    const newIds = new Set((source.comparison?.findings.new ?? []).map((f) => f.id));
    return {
      ...base,
      kind,
      summary: summarize(source, tr),
      stillOpen: findings.filter((f) => !newIds.has(f.id) && f.severity !== 'info'),
      newFindings: findings.filter((f) => newIds.has(f.id)),
      roadmap,
    };
  }
  if (!inputs.proposalRecord) return { ...base, kind, proposal, roadmap };
  const severities = new Map([...source.findings, ...source.recommendations].map((f) => [f.title, f.severity] as const));
  return { ...base, kind, proposal: proposalFromRecord(inputs.proposalRecord, proposal, severities), roadmap };
};
