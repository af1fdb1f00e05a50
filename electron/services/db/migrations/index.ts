import type { Migration } from './migration';
import { coreTables } from './0001-core-tables';
import { probeRuns } from './0002-probe-runs';
import { probeResults } from './0003-probe-results';
import { interviewBanks } from './0004-interview-banks';
import { answers } from './0005-answers';
import { findingExceptions } from './0006-finding-exceptions';
import { evidenceAttachments } from './0007-evidence-attachments';
import { syncState } from './0013-sync-state';
import { syncRemoteRows } from './0014-sync-remote-rows';
import { brandingLogoFont } from './0008-branding-logo-font';
import { priceBook } from './0009-price-book';
import { proposalSettings } from './0010-proposal-settings';
import { reportExports } from './0011-report-exports';
import { customerLogo } from './0012-customer-logo';
import { historyIndex } from './0015-history-index';
import { reassessmentLinks } from './0016-reassessment-links';
import { questionnaires } from './0017-questionnaires';
import { measurementProvenance } from './0018-measurement-provenance';
import { syncClockChecks } from './0019-sync-clock-checks';
import { atRest } from './0020-at-rest';
import { reportTerms } from './0021-report-terms';
import { partnerDesk } from './0022-partner-desk';
import { syncConflicts } from './0023-sync-conflicts';
import { questionnaireLinks } from './0024-questionnaire-links';
import { reportLanguage } from './0025-report-language';
import { questionnairesSynced } from './0026-questionnaires-synced';
import { appLanguage } from './0027-app-language';
import { portfolioSummary } from './0028-portfolio-summary';
import { outboxWaiting } from './0029-outbox-waiting';
import { backgroundSyncPause } from './0030-background-sync-pause';
import { reportExportsSynced } from './0031-report-exports-synced';
import { syncErrorSaid } from './0032-sync-error-said';

/** Every migration, in order, numbered 1, 2, 3 … Append only with the next number: a shipped migration is never edited or renumbered. */
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
  questionnaires,
  measurementProvenance,
  syncClockChecks,
  atRest,
  reportTerms,
  partnerDesk,
  syncConflicts,
  questionnaireLinks,
  reportLanguage,
  questionnairesSynced,
  appLanguage,
  portfolioSummary,
  outboxWaiting,
  backgroundSyncPause,
  reportExportsSynced,
  syncErrorSaid,
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
