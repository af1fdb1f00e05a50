import type { Database } from 'better-sqlite3';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { ProposalSettings } from '../../../shared/reports/proposal-settings';
import { proposalTermsSchema, type ProposalTerms } from '../../../shared/reports/report-source';
import { reportLocaleSchema, type ReportLocale } from '../../../shared/i18n/locales';

interface SettingsRow {
  users: number;
  devices: number;
  sites: number;
  currency: string;
  tax_rate_basis_points: number;
  validity_days: number;
  terms_json: string;
  report_language: ReportLocale;
}

/** The terms beyond currency, tax rate and validity, kept as JSON so they can grow without a migration each. */
const extraTerms = (row: SettingsRow): ProposalTerms => {
  const base = { currency: row.currency, taxRateBasisPoints: row.tax_rate_basis_points, validityDays: row.validity_days };
  // The column is CHECK(json_valid); terms of an unknown shape fall back to the base terms below.
  const extra: unknown = JSON.parse(row.terms_json);
  const parsed = proposalTermsSchema.safeParse({ ...(typeof extra === 'object' && extra ? extra : {}), ...base });
  return parsed.success ? parsed.data : proposalTermsSchema.parse(base);
};

export const defaultProposalSettings = (caseId: string): ProposalSettings => ({
  caseId,
  sizing: { users: 0, devices: 0, sites: 1 },
  terms: proposalTermsSchema.parse({ currency: 'EUR', taxRateBasisPoints: 0, validityDays: 30 }),
  reportLanguage: 'en',
});

const assertCase = (db: Database, caseId: string): void => {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted = 0').get(caseId)) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
};

export const getProposalSettings = (db: Database, caseId: string): ProposalSettings => {
  assertCase(db, caseId);
  const row = db.prepare('SELECT * FROM proposal_settings WHERE case_id = ?').get(caseId) as SettingsRow | undefined;
  if (!row) return defaultProposalSettings(caseId);
  return {
    caseId,
    sizing: { users: row.users, devices: row.devices, sites: row.sites },
    terms: extraTerms(row),
    // The column is CHECKed to the known languages.
    reportLanguage: reportLocaleSchema.parse(row.report_language),
  };
};

export const saveProposalSettings = (db: Database, settings: ProposalSettings): ProposalSettings =>
  db.transaction(() => {
    assertCase(db, settings.caseId);
    db.prepare(
      `INSERT INTO proposal_settings (case_id, users, devices, sites, currency, tax_rate_basis_points, validity_days, terms_json, report_language, updated_at)
       VALUES (@caseId, @users, @devices, @sites, @currency, @tax, @validity, @terms, @language, @now)
       ON CONFLICT (case_id) DO UPDATE SET users = excluded.users, devices = excluded.devices, sites = excluded.sites,
         currency = excluded.currency, tax_rate_basis_points = excluded.tax_rate_basis_points,
         validity_days = excluded.validity_days, terms_json = excluded.terms_json, report_language = excluded.report_language, updated_at = excluded.updated_at`,
    ).run({
      caseId: settings.caseId,
      ...settings.sizing,
      currency: settings.terms.currency,
      tax: settings.terms.taxRateBasisPoints,
      validity: settings.terms.validityDays,
      terms: JSON.stringify({
        taxes: settings.terms.taxes,
        exchangeRates: settings.terms.exchangeRates,
        scope: settings.terms.scope,
        assumptions: settings.terms.assumptions,
        exclusions: settings.terms.exclusions,
        paymentTerms: settings.terms.paymentTerms,
        contractTermMonths: settings.terms.contractTermMonths,
      }),
      language: settings.reportLanguage,
      now: new Date().toISOString(),
    });
    return getProposalSettings(db, settings.caseId);
  })();
