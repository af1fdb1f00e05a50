import { createIntl, createIntlCache } from 'react-intl';
import type { ProposalStatus } from '../domain/proposals';
import type { CaseStatus } from '../domain/cases';
import type { ReadinessLevel } from '../interview/bank-schema';
import { intlLocaleOf, type AppLocale } from '../i18n/locales';
import { appCatalogueFor, type AppMessageId } from '../i18n/ui-catalogue';
import { csvRow, utf8Bom } from '../reports/csv';
import { decimalAmount } from '../reports/format';
import type { PortfolioRow } from './portfolio-schemas';

/** The export's columns, named as the portfolio table names them (same catalogue ids). */
export const portfolioCsvColumns: readonly AppMessageId[] = [
  'portfolio.col.customer',
  'cases.col.site',
  'portfolio.col.assessment',
  'portfolio.col.engineer',
  'portfolio.csv.laptop',
  'portfolio.csv.caseStatus',
  'portfolio.col.level',
  'portfolio.csv.index',
  'portfolio.csv.confidence',
  'portfolio.col.openCritical',
  'portfolio.col.proposal',
  'portfolio.csv.oneTime',
  'portfolio.csv.monthly',
  'portfolio.csv.currency',
  'portfolio.csv.lastActivity',
];

const levelIds: Record<ReadinessLevel, AppMessageId> = {
  pacesetter: 'levelName.pacesetter',
  chaser: 'levelName.chaser',
  follower: 'levelName.follower',
  laggard: 'levelName.laggard',
};
const statusIds: Record<CaseStatus, AppMessageId> = { draft: 'status.draft', in_progress: 'status.in_progress', complete: 'status.complete' };
const proposalIds: Record<ProposalStatus, AppMessageId> = {
  draft: 'portfolio.proposal.draft',
  sent: 'portfolio.proposal.sent',
  accepted: 'portfolio.proposal.accepted',
  declined: 'portfolio.proposal.declined',
};

/** "2026-12-02 13:40" in UTC: a spreadsheet reads it as a date and time in any locale. */
const utcMinute = (iso: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

/**
 * The portfolio as a spreadsheet: headers and words in the app's language, numbers as plain
 * decimals (a dot, no grouping) like the PSA export, an empty cell where there is no value, and
 * every text cell through the PSA export's formula guard, so a customer named "=HYPERLINK(…)" stays text.
 */
export const portfolioToCsv = (rows: readonly PortfolioRow[], locale: AppLocale): string => {
  const intl = createIntl({ locale: intlLocaleOf(locale), messages: appCatalogueFor(locale), defaultLocale: 'en' }, createIntlCache());
  const t = (id: AppMessageId): string => intl.formatMessage({ id });
  const lines = rows.map((r) =>
    csvRow([
      r.customerName,
      r.siteName,
      r.title,
      r.engineer,
      r.partner ? r.ownerName : '',
      t(statusIds[r.status]),
      r.level ? t(levelIds[r.level]) : '',
      r.readinessIndex === null ? '' : r.readinessIndex.toFixed(1),
      r.confidence === null ? '' : String(Math.round(r.confidence * 100)),
      String(r.openCritical),
      r.proposal ? t(proposalIds[r.proposal.status]) : '',
      r.proposal ? decimalAmount(r.proposal.oneTimeMinor, r.proposal.currency) : '',
      r.proposal ? decimalAmount(r.proposal.monthlyMinor, r.proposal.currency) : '',
      r.proposal?.currency ?? '',
      utcMinute(r.lastActivity),
    ]),
  );
  return `${utf8Bom}${[csvRow(portfolioCsvColumns.map(t)), ...lines].join('\r\n')}\r\n`;
};
