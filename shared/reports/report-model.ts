import type { BrandingProfile } from './branding';
import type { PriceBookItem } from './price-book';
import { buildProposal, type Proposal } from './proposal';
import { buildRoadmap, severityRank, type Roadmap } from './roadmap';
import { severities, type FindingSource, type MeasurementSource, type PillarSource, type ReportSource, type Severity } from './report-source';

export const reportKinds = ['executive', 'technical', 'proposal'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  executive: 'Executive readiness report',
  technical: 'Technical findings report',
  proposal: 'Proposal',
};

export const reportFormats = ['pdf', 'docx', 'html', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Bumped whenever a change to the layout or the model changes what an export contains. */
export const reportTemplateVersion = '1.0.0';

export interface Cover {
  readonly title: string;
  readonly subtitle: string;
  readonly partnerName: string;
  readonly customerName: string;
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
  readonly cover: Cover;
  readonly branding: BrandingProfile;
  readonly source: ReportSource;
  readonly templateVersion: string;
  /** "Groundwork 0.1.0": the app version that made the export (from its stored inputs, so a reproduction keeps it). */
  readonly generator: string;
}

export interface ExecutiveReport extends ReportBase {
  readonly kind: 'executive';
  readonly summary: ExecutiveSummary;
  readonly topRisks: FindingSource[];
  readonly roadmap: Roadmap;
}

export interface TechnicalReport extends ReportBase {
  readonly kind: 'technical';
  readonly summary: ExecutiveSummary;
  readonly findings: FindingSource[];
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

export type ReportModel = ExecutiveReport | TechnicalReport | ProposalReport;

export interface ReportInputs {
  readonly source: ReportSource;
  readonly branding: BrandingProfile;
  readonly priceBook: readonly PriceBookItem[];
  /** "Groundwork 0.1.0" (export-report.ts sets it); "Groundwork" when absent, as in older stored inputs. */
  readonly generator?: string | undefined;
}

const bySeverity = (a: FindingSource, b: FindingSource): number =>
  severityRank[a.severity] - severityRank[b.severity] || a.title.localeCompare(b.title);

const coverFor = (kind: ReportKind, { source, branding }: ReportInputs): Cover => ({
  title: reportKindLabels[kind],
  subtitle: source.title || 'AI readiness assessment',
  partnerName: branding.partnerName,
  customerName: source.customer.name,
  customerLogoDataUri: source.customer.logoDataUri,
  siteName: source.site?.name ?? '',
  siteAddress: source.site?.address ?? '',
  engineer: source.engineer,
  date: source.date,
});

const headlineFor = (source: ReportSource, counts: Record<Severity, number>): string => {
  const urgent = counts.critical + counts.high;
  const level = source.overall ? `Overall readiness is ${Math.round(source.overall.score)} / 100${source.overall.levelLabel ? ` (${source.overall.levelLabel})` : ''}. ` : '';
  if (source.findings.length === 0) return `${level}No findings have been recorded for this assessment yet.`;
  return `${level}${source.findings.length} finding${source.findings.length === 1 ? '' : 's'}, ${urgent} of them critical or high.`;
};

export const summarize = (source: ReportSource): ExecutiveSummary => {
  const severityCounts = Object.fromEntries(severities.map((s) => [s, source.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const ranked = [...source.pillars].sort((a, b) => b.score - a.score);
  return {
    overall: source.overall,
    severityCounts,
    pillarCount: source.pillars.length,
    measurementCount: source.measurements.length,
    headline: headlineFor(source, severityCounts),
    strongest: ranked[0] ?? null,
    weakest: ranked.length > 1 ? (ranked.at(-1) ?? null) : null,
  };
};

/** Pure: the same inputs always give the same model. */
export const buildReportModel = (kind: ReportKind, inputs: ReportInputs): ReportModel => {
  const base = { cover: coverFor(kind, inputs), branding: inputs.branding, source: inputs.source, templateVersion: reportTemplateVersion, generator: inputs.generator ?? 'Groundwork' };
  const { source } = inputs;
  const findings = [...source.findings].sort(bySeverity);
  if (kind === 'executive') {
    return {
      ...base,
      kind,
      summary: summarize(source),
      topRisks: findings.filter((f) => f.severity !== 'info').slice(0, 5),
      roadmap: buildRoadmap(source.recommendations, source.findings),
    };
  }
  if (kind === 'technical') {
    const pillarIds = new Set(source.pillars.map((p) => p.id));
    return {
      ...base,
      kind,
      summary: summarize(source),
      findings,
      pillarSections: source.pillars.map((pillar) => ({ pillar, findings: findings.filter((f) => f.pillarId === pillar.id) })),
      otherFindings: findings.filter((f) => !pillarIds.has(f.pillarId)),
      measurements: source.measurements,
    };
  }
  return { ...base, kind, proposal: buildProposal(source, inputs.priceBook), roadmap: buildRoadmap(source.recommendations, source.findings) };
};
