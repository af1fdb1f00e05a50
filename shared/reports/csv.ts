import { createTranslator } from '../i18n/translator';
import { addDays, decimalAmount } from './format';
import type { Proposal } from './proposal';
import type { TechnicalReport } from './report-model';
import { roadmapHorizons, type Roadmap, type RoadmapHorizon } from './roadmap';
import type { Severity } from './report-source';

/** Excel reads a CSV as UTF-8 only when it starts with the byte-order mark; without it "Zürich" becomes "ZÃ¼rich". */
export const utf8Bom = '\uFEFF';

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab/CR that some programs
 * strip first) gets a leading apostrophe, the OWASP advice for CSV injection.
 */
export const neutralizeFormula = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** RFC 4180: quote when needed, double the quotes inside. */
export const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export const csvRow = (cells: readonly string[]): string => cells.map((c) => csvCell(neutralizeFormula(c))).join(',');

export const proposalCsvHeader = ['SKU', 'Description', 'Quantity', 'Unit', 'Unit price', 'Line total', 'Currency', 'Billing', 'Valid until'];

/**
 * Proposal lines for a PSA import: one row per line, CRLF line ends, numbers as plain decimals.
 * Headers and the billing code (monthly / one-time) are what the quote tool maps, in any language;
 * descriptions are the price book's own text.
 */
export const proposalToCsv = (proposal: Proposal): string => {
  const rows = [...proposal.oneTime, ...proposal.monthly].map((l) =>
    csvRow([
      l.sku,
      l.description,
      String(l.quantity),
      l.unit,
      decimalAmount(l.unitPriceMinor, proposal.currency),
      decimalAmount(l.totalMinor, proposal.currency),
      proposal.currency,
      l.recurring ? 'monthly' : 'one-time',
      proposal.validUntil,
    ]),
  );
  return `${utf8Bom}${[csvRow(proposalCsvHeader), ...rows].join('\r\n')}\r\n`;
};

/**
 * One ticket per finding, with the columns both PSAs' ticket imports map without renaming:
 * ConnectWise Manage (Summary, Company, Site, Priority, Initial Description, Type, Board) and
 * Autotask (Title, Account, Priority, Description, Issue Type, Queue, Due Date). The README's
 * "PSA export" section lists which column goes to which field. Headers and coded values (priority
 * names, severity, type, horizon) are the PSA's, so they stay as its import expects in every
 * language; what people read (titles, descriptions, recommendations, source) is in the report's.
 */
export const psaCsvHeader = [
  'Summary',
  'Company',
  'Site',
  'Priority',
  'Autotask Priority',
  'Severity',
  'Description',
  'Recommendation',
  'Type',
  'Pillar',
  'Affected scope',
  'Estimated hours',
  'Due date',
  'Horizon',
  'Source',
];

/** ConnectWise Manage's default priority names; Autotask's four built-in priorities. */
export const connectwisePriority: Record<Severity, string> = {
  critical: 'Priority 1 - Emergency Response',
  high: 'Priority 2 - Quick Response',
  medium: 'Priority 3 - Normal Response',
  low: 'Priority 4 - Scheduled Maintenance',
  info: 'Priority 4 - Scheduled Maintenance',
};
export const autotaskPriority: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Low' };

const horizonDueDays: Record<RoadmapHorizon, number> = { now: 90, next: 182, later: 365 };

/** The plan's horizon of a finding: the roadmap item with its title, else "later". */
const horizonOf = (roadmap: Roadmap | null, title: string): RoadmapHorizon =>
  (roadmap && roadmapHorizons.find((h) => roadmap[h].some((i) => i.title === title))) || 'later';

/** PSA summaries are short (ConnectWise allows 100 characters): longer titles are cut with "…". */
const summaryOf = (title: string): string => ([...title].length <= 100 ? title : `${[...title].slice(0, 99).join('')}…`);

export const findingsToPsaCsv = (model: TechnicalReport, roadmap: Roadmap | null = null): string => {
  const { t } = createTranslator(model.locale);
  const pillarName = new Map(model.source.pillars.map((p) => [p.id, p.name]));
  const rows = model.findings.map((f) => {
    const horizon = horizonOf(roadmap, f.title);
    return csvRow([
      summaryOf(f.title),
      model.source.customer.name,
      model.source.site?.name ?? '',
      connectwisePriority[f.severity],
      autotaskPriority[f.severity],
      f.severity,
      [f.detail, ...f.evidence.map((text) => t('psa.evidence', { text })), ...f.notes.map((text) => t('psa.note', { text }))].filter(Boolean).join('\n'),
      f.recommendation,
      'AI readiness',
      pillarName.get(f.pillarId) ?? '',
      f.scope,
      f.effortDays > 0 ? String(f.effortDays * 8) : '',
      addDays(model.source.date, horizonDueDays[horizon]),
      horizon,
      t('psa.source', { date: model.source.date }),
    ]);
  });
  return `${utf8Bom}${[csvRow(psaCsvHeader), ...rows].join('\r\n')}\r\n`;
};
