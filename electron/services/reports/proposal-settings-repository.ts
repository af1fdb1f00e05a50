import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../../shared/contract/result';
import type { ProposalSettings } from '../../../shared/reports/proposal-settings';

interface SettingsRow {
  users: number;
  devices: number;
  sites: number;
  currency: string;
  tax_rate_basis_points: number;
  validity_days: number;
}

export const defaultProposalSettings = (caseId: string): ProposalSettings => ({
  caseId,
  sizing: { users: 0, devices: 0, sites: 1 },
  terms: { currency: 'EUR', taxRateBasisPoints: 0, validityDays: 30 },
});

const assertCase = (db: Database, caseId: string): void => {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted = 0').get(caseId)) throw new ApiFailure('not_found', 'No such case.');
};

export const getProposalSettings = (db: Database, caseId: string): ProposalSettings => {
  assertCase(db, caseId);
  const row = db.prepare('SELECT * FROM proposal_settings WHERE case_id = ?').get(caseId) as SettingsRow | undefined;
  if (!row) return defaultProposalSettings(caseId);
  return {
    caseId,
    sizing: { users: row.users, devices: row.devices, sites: row.sites },
    terms: { currency: row.currency, taxRateBasisPoints: row.tax_rate_basis_points, validityDays: row.validity_days },
  };
};

export const saveProposalSettings = (db: Database, settings: ProposalSettings): ProposalSettings =>
  db.transaction(() => {
    assertCase(db, settings.caseId);
    db.prepare(
      `INSERT INTO proposal_settings (case_id, users, devices, sites, currency, tax_rate_basis_points, validity_days, updated_at)
       VALUES (@caseId, @users, @devices, @sites, @currency, @tax, @validity, @now)
       ON CONFLICT (case_id) DO UPDATE SET users = excluded.users, devices = excluded.devices, sites = excluded.sites,
         currency = excluded.currency, tax_rate_basis_points = excluded.tax_rate_basis_points,
         validity_days = excluded.validity_days, updated_at = excluded.updated_at`,
    ).run({
      caseId: settings.caseId,
      ...settings.sizing,
      currency: settings.terms.currency,
      tax: settings.terms.taxRateBasisPoints,
      validity: settings.terms.validityDays,
      now: new Date().toISOString(),
    });
    return getProposalSettings(db, settings.caseId);
  })();
