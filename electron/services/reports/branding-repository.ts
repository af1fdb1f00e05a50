import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import {
  defaultBranding,
  emptyProposalText,
  proposalTextDefaultsSchema,
  reportFonts,
  type BrandingProfile,
  type brandingSaveSchema,
  type LogoMime,
  type ReportFont,
} from '../../../shared/reports/branding';
import { newId } from '../db/device-clock';
import { tombstoneSyncedRow, writeSyncedRow } from '../db/synced-write';
import { checkLogo, type CheckedLogo } from './logo-check';

type BrandingSave = z.output<typeof brandingSaveSchema>;

interface BrandingRow {
  id: string;
  name: string;
  partner_name: string;
  primary_color: string;
  accent_color: string;
  font: string;
  contact: string;
  footer: string;
  disclaimer: string;
  logo_mime: string;
  logo_base64: string;
  updated_at: string;
  is_default: number;
  proposal_terms_json: string;
}

const columns = 'id, name, partner_name, primary_color, accent_color, font, contact, footer, disclaimer, logo_mime, logo_base64, updated_at, is_default, proposal_terms_json';

/** Wording of an unknown shape (a newer version's) falls back to none rather than failing every report; the column is CHECK(json_valid). */
const proposalTextOf = (json: string) => {
  const checked = proposalTextDefaultsSchema.safeParse(JSON.parse(json));
  return checked.success ? checked.data : emptyProposalText;
};

const toProfile = (row: BrandingRow): BrandingProfile => ({
  id: row.id,
  name: row.name,
  partnerName: row.partner_name,
  primaryColor: row.primary_color,
  accentColor: row.accent_color,
  // A font synced from a newer version that we do not know falls back to the default.
  font: (reportFonts as readonly string[]).includes(row.font) ? (row.font as ReportFont) : 'DejaVu Sans',
  contact: row.contact,
  footer: row.footer,
  disclaimer: row.disclaimer,
  logoDataUri: row.logo_mime && row.logo_base64 ? `data:${row.logo_mime};base64,${row.logo_base64}` : '',
  updatedAt: row.updated_at,
  isDefault: row.is_default === 1,
  proposalText: proposalTextOf(row.proposal_terms_json),
});

export const listBrandingProfiles = (db: Database): BrandingProfile[] =>
  (db.prepare(`SELECT ${columns} FROM branding_profiles WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id`).all() as BrandingRow[]).map(toProfile);

export const getBrandingProfile = (db: Database, id: string): BrandingProfile => {
  const row = db.prepare(`SELECT ${columns} FROM branding_profiles WHERE id = ? AND deleted = 0`).get(id) as BrandingRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.branding.notFound');
  return toProfile(row);
};

export const saveBrandingProfile = (db: Database, input: BrandingSave): BrandingProfile =>
  db.transaction(() => {
    if (input.id) getBrandingProfile(db, input.id);
    const id = input.id ?? newId();
    writeSyncedRow(db, 'branding_profiles', id, {
      name: input.name,
      partner_name: input.partnerName,
      primary_color: input.primaryColor,
      accent_color: input.accentColor,
      font: input.font,
      contact: input.contact,
      footer: input.footer,
      disclaimer: input.disclaimer,
      is_default: input.isDefault ? 1 : 0,
      proposal_terms_json: JSON.stringify(input.proposalText),
    });
    // One default per partner: choosing this one clears the flag on the others (each a synced change).
    if (input.isDefault) {
      const others = db.prepare('SELECT id FROM branding_profiles WHERE is_default = 1 AND deleted = 0 AND id != ?').all(id) as { id: string }[];
      for (const o of others) writeSyncedRow(db, 'branding_profiles', o.id, { is_default: 0 });
    }
    return getBrandingProfile(db, id);
  })();

export const deleteBrandingProfile = (db: Database, id: string): void =>
  db.transaction(() => {
    getBrandingProfile(db, id);
    const using = db.prepare('SELECT id FROM cases WHERE branding_profile_id = ? AND deleted = 0').all(id) as { id: string }[];
    for (const c of using) writeSyncedRow(db, 'cases', c.id, { branding_profile_id: null });
    tombstoneSyncedRow(db, 'branding_profiles', id);
  })();

export const setBrandingLogo = (
  db: Database,
  profileId: string,
  logo: { mime: LogoMime; base64: string } | null,
): { profile: BrandingProfile; removed: string[] } =>
  db.transaction(() => {
    getBrandingProfile(db, profileId);
    const checked: CheckedLogo | null = logo ? checkLogo(logo.mime, logo.base64) : null;
    writeSyncedRow(db, 'branding_profiles', profileId, { logo_mime: checked?.mime ?? '', logo_base64: checked?.base64 ?? '' });
    return { profile: getBrandingProfile(db, profileId), removed: checked?.removed ?? [] };
  })();

export const assignBrandingToCase = (db: Database, caseId: string, profileId: string | null): void =>
  db.transaction(() => {
    const found = db.prepare('SELECT id FROM cases WHERE id = ? AND deleted = 0').get(caseId);
    if (!found) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
    if (profileId) getBrandingProfile(db, profileId);
    writeSyncedRow(db, 'cases', caseId, { branding_profile_id: profileId });
  })();

/** The profile a case's reports use: the chosen one, else the partner's default, else the only one, else the neutral default. */
export const brandingForCase = (db: Database, caseId: string): BrandingProfile => {
  const row = db.prepare('SELECT branding_profile_id AS id FROM cases WHERE id = ? AND deleted = 0').get(caseId) as { id: string | null } | undefined;
  if (!row) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
  if (row.id) {
    const chosen = db.prepare(`SELECT ${columns} FROM branding_profiles WHERE id = ? AND deleted = 0`).get(row.id) as BrandingRow | undefined;
    if (chosen) return toProfile(chosen);
  }
  const all = listBrandingProfiles(db);
  const partnerDefault = all.find((p) => p.isDefault);
  if (partnerDefault) return partnerDefault;
  return all.length === 1 && all[0] ? all[0] : defaultBranding;
};

export const brandingProfileIdOfCase = (db: Database, caseId: string): string | null =>
  (db.prepare('SELECT branding_profile_id AS id FROM cases WHERE id = ?').get(caseId) as { id: string | null } | undefined)?.id ?? null;

/** Sets (or clears) the logo of a case's customer; the same checks as a partner logo. */
export const setCustomerLogo = (
  db: Database,
  caseId: string,
  logo: { mime: LogoMime; base64: string } | null,
): { logoDataUri: string; removed: string[] } =>
  db.transaction(() => {
    const row = db.prepare('SELECT customer_id FROM cases WHERE id = ? AND deleted = 0').get(caseId) as { customer_id: string } | undefined;
    if (!row) throw serviceFailure('not_found', 'error.caseNotFound', { id: caseId });
    const checked = logo ? checkLogo(logo.mime, logo.base64) : null;
    writeSyncedRow(db, 'customers', row.customer_id, { logo_mime: checked?.mime ?? '', logo_base64: checked?.base64 ?? '' });
    return { logoDataUri: checked ? `data:${checked.mime};base64,${checked.base64}` : '', removed: checked?.removed ?? [] };
  })();

export const customerLogoOfCase = (db: Database, caseId: string): string => {
  const row = db
    .prepare('SELECT cu.logo_mime, cu.logo_base64 FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?')
    .get(caseId) as { logo_mime: string; logo_base64: string } | undefined;
  return row && row.logo_mime && row.logo_base64 ? `data:${row.logo_mime};base64,${row.logo_base64}` : '';
};
