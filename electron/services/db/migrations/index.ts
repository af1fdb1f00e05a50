import type { Migration } from './migration';
import { coreTables } from './0001-core-tables';
import { probeRuns } from './0010-probe-runs';
import { probeResults } from './0011-probe-results';
import { interviewBanks } from './0020-interview-banks';
import { answers } from './0021-answers';
import { findingExceptions } from './0022-finding-exceptions';
import { evidenceAttachments } from './0023-evidence-attachments';
import { syncState } from './0040-sync-state';
import { syncRemoteRows } from './0041-sync-remote-rows';
import { brandingLogoFont } from './0030-branding-logo-font';
import { priceBook } from './0031-price-book';
import { proposalSettings } from './0032-proposal-settings';
import { reportExports } from './0033-report-exports';
import { customerLogo } from './0034-customer-logo';
import { historyIndex } from './0050-history-index';
import { reassessmentLinks } from './0051-reassessment-links';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [
  coreTables,
  probeRuns,
  probeResults,
  interviewBanks,
  answers,
  findingExceptions,
  evidenceAttachments,
  brandingLogoFont,
  priceBook,
  proposalSettings,
  reportExports,
  customerLogo,
  syncState,
  syncRemoteRows,
  historyIndex,
  reassessmentLinks,
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
