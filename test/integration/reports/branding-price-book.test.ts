import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { openTestServices, type TestServices } from '../../support/services';
import { solidPng } from './png';

let t: TestServices | null = null;
const open = () => (t = openTestServices());
afterEach(() => {
  t?.services.close();
  t = null;
});

const failure = async (promise: Promise<unknown>): Promise<ApiFailure> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

const profile = { name: 'Acme', partnerName: 'Acme IT', primaryColor: '#0B3D6B', accentColor: '#b3541e' };

describe('branding profiles', () => {
  it('are saved, listed, and chosen per case; without a choice a case uses the only profile', async () => {
    const { api } = open();
    const created = await api.createCase({ customerName: 'Northwind' });
    expect((await api.getCaseBranding({ caseId: created.id })).profile.partnerName).toBe('Groundwork');
    const { profile: saved, warnings } = await api.saveBrandingProfile(profile);
    expect(saved.primaryColor).toBe('#0b3d6b');
    expect(warnings).toEqual([]);
    expect((await api.getCaseBranding({ caseId: created.id })).profile.id).toBe(saved.id);
    const other = (await api.saveBrandingProfile({ ...profile, name: 'Other', partnerName: 'Other IT' })).profile;
    const chosen = await api.setCaseBranding({ caseId: created.id, profileId: other.id });
    expect(chosen).toMatchObject({ chosenProfileId: other.id, profile: { partnerName: 'Other IT' } });
    expect((await api.listBrandingProfiles({})).map((p) => p.name)).toEqual(['Acme', 'Other']);
    await api.deleteBrandingProfile({ id: other.id });
    expect((await api.getCaseBranding({ caseId: created.id })).chosenProfileId).toBeNull();
  });

  it('warn about low-contrast colours with a suggestion, and refuse bad colours', async () => {
    const { api } = open();
    const { warnings } = await api.saveBrandingProfile({ ...profile, primaryColor: '#ffee88' });
    expect(warnings[0]).toMatchObject({ field: 'primaryColor' });
    expect(warnings[0]?.suggestion).toMatch(/^#[0-9a-f]{6}$/);
    const bad = await failure(api.saveBrandingProfile({ ...profile, accentColor: 'red; background:url(x)' }));
    expect(bad.code).toBe('validation');
  });

  it('take a PNG logo, and refuse a 5 MB one and a file that only claims to be a PNG', async () => {
    const { api } = open();
    const { profile: p } = await api.saveBrandingProfile(profile);
    const png = solidPng(40, 20, [11, 61, 107]);
    const { profile: withLogo } = await api.setBrandingLogo({ profileId: p.id, mime: 'image/png', base64: png.toString('base64') });
    expect(withLogo.logoDataUri).toBe(`data:image/png;base64,${png.toString('base64')}`);
    const huge = Buffer.alloc(5 * 1024 * 1024, 1).toString('base64');
    const tooBig = await failure(api.setBrandingLogo({ profileId: p.id, mime: 'image/png', base64: huge }));
    expect(tooBig.message).toMatch(/1 MB/);
    const fake = await failure(api.setBrandingLogo({ profileId: p.id, mime: 'image/png', base64: Buffer.from('<svg onload="x()"/>').toString('base64') }));
    expect(fake.message).toMatch(/not a PNG/);
    expect((await api.listBrandingProfiles({}))[0]?.logoDataUri).toBe(withLogo.logoDataUri);
    expect((await api.clearBrandingLogo({ profileId: p.id })).logoDataUri).toBe('');
  });

  it('store an SVG logo only as sanitised, and refuse one that cannot be made safe', async () => {
    const { api, services } = open();
    const { profile: p } = await api.saveBrandingProfile(profile);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>';
    const result = await api.setBrandingLogo({ profileId: p.id, mime: 'image/svg+xml', base64: Buffer.from(svg).toString('base64') });
    expect(result.removed).toEqual(expect.arrayContaining(['<script>', 'onload handler']));
    const stored = services.db.prepare('SELECT logo_base64 FROM branding_profiles WHERE id = ?').get(p.id) as { logo_base64: string };
    const text = Buffer.from(stored.logo_base64, 'base64').toString('utf8');
    expect(text).not.toMatch(/script|onload|alert/);
    expect(text).toContain('<rect width="4" height="4"/>');
    const entity = '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>';
    const refused = await failure(api.setBrandingLogo({ profileId: p.id, mime: 'image/svg+xml', base64: Buffer.from(entity).toString('base64') }));
    expect(refused.message).toMatch(/SVG logo was refused/);
  });

  it("put the customer's logo (sanitised) on the case's report source, and remove it again", async () => {
    const { api } = open();
    const c = await api.createCase({ customerName: 'Northwind' });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><circle r="5"/></a><script>x()</script></svg>';
    const set = await api.setCustomerLogo({ caseId: c.id, mime: 'image/svg+xml', base64: Buffer.from(svg).toString('base64') });
    expect(set.removed).toEqual(expect.arrayContaining(['<a>', '<script>']));
    const { source } = await api.getReportSource({ caseId: c.id });
    expect(source.customer.logoDataUri).toBe(set.logoDataUri);
    expect(Buffer.from(set.logoDataUri.split(',')[1]!, 'base64').toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const tooBig = await failure(api.setCustomerLogo({ caseId: c.id, mime: 'image/png', base64: Buffer.alloc(1024 * 1024 + 1).toString('base64') }));
    expect(tooBig.message).toMatch(/at most 1 MB/);
    await api.clearCustomerLogo({ caseId: c.id });
    expect((await api.getReportSource({ caseId: c.id })).source.customer.logoDataUri).toBe('');
  });

  it('are written through the sync outbox', async () => {
    const { api, services } = open();
    const { profile: p } = await api.saveBrandingProfile(profile);
    const rows = services.db.prepare("SELECT op FROM outbox WHERE table_name = 'branding_profiles' AND row_id = ?").all(p.id);
    expect(rows).toHaveLength(1);
  });
});

describe('price book', () => {
  it('items are created, edited, listed by SKU and removed; a duplicate SKU is a conflict', async () => {
    const { api } = open();
    const a = await api.savePriceBookItem({ sku: 'MFA-LIC', description: 'MFA licence', unit: 'user', unitPriceMinor: 450, currency: 'eur', recurring: true, quantityRule: 'per_user' });
    expect(a).toMatchObject({ currency: 'EUR', recurring: true, quantityRule: 'per_user' });
    await api.savePriceBookItem({ sku: 'BACKUP', description: 'Backup', unitPriceMinor: 1299, currency: 'EUR' });
    expect((await api.listPriceBook({})).map((i) => i.sku)).toEqual(['BACKUP', 'MFA-LIC']);
    expect((await failure(api.savePriceBookItem({ sku: 'mfa-lic', description: 'x', unitPriceMinor: 1, currency: 'EUR' }))).code).toBe('conflict');
    expect((await failure(api.savePriceBookItem({ sku: 'X', description: 'x', unitPriceMinor: 1.5, currency: 'EUR' }))).code).toBe('validation');
    const edited = await api.savePriceBookItem({ id: a.id, sku: 'MFA-LIC', description: 'MFA licence (annual)', unitPriceMinor: 500, currency: 'EUR', recurring: true, quantityRule: 'per_user' });
    expect(edited.unitPriceMinor).toBe(500);
    await api.deletePriceBookItem({ id: a.id });
    expect((await api.listPriceBook({})).map((i) => i.sku)).toEqual(['BACKUP']);
  });

  it("lists the SKUs the question bank proposes and which of them are priced", async () => {
    const { api } = open();
    const before = await api.listQuestionBankSkus({});
    expect(before.length).toBeGreaterThan(3);
    expect(before.every((s) => !s.priced && s.usedBy.length > 0)).toBe(true);
    const first = before[0]!;
    await api.savePriceBookItem({ sku: first.sku, description: first.usedBy[0]!, unitPriceMinor: 100, currency: 'EUR', quantityRule: first.quantityRule });
    const after = await api.listQuestionBankSkus({});
    expect(after.find((s) => s.sku === first.sku)?.priced).toBe(true);
    expect(after.filter((s) => s.priced)).toHaveLength(1);
  });

  it('proposal settings per case: sizing and terms', async () => {
    const { api } = open();
    const c = await api.createCase({ customerName: 'Northwind' });
    expect((await api.getProposalSettings({ caseId: c.id })).terms.currency).toBe('EUR');
    const saved = await api.saveProposalSettings({ caseId: c.id, sizing: { users: 85, devices: 143, sites: 2 }, terms: { currency: 'GBP', taxRateBasisPoints: 2000, validityDays: 45 } });
    expect(saved.sizing.devices).toBe(143);
    expect((await api.getReportSource({ caseId: c.id })).source.terms).toMatchObject({ currency: 'GBP', taxRateBasisPoints: 2000, validityDays: 45, taxes: [], contractTermMonths: 12 });
    // The wider terms (named taxes, an exchange rate, the wording) are kept with the case and come back as saved.
    const terms = {
      currency: 'CAD',
      taxRateBasisPoints: 0,
      validityDays: 30,
      taxes: [
        { name: 'GST', ratePercent: 5 },
        { name: 'QST', ratePercent: 9.975 },
      ],
      exchangeRates: [{ currency: 'USD', rate: 1.38 }],
      scope: 'Remediation at head office',
      assumptions: 'Admin access is provided',
      exclusions: 'Hardware',
      paymentTerms: 'Net 30',
      contractTermMonths: 36,
    };
    await api.saveProposalSettings({ caseId: c.id, sizing: { users: 85, devices: 143, sites: 2 }, terms });
    expect((await api.getProposalSettings({ caseId: c.id })).terms).toEqual(terms);
    await expect(api.saveProposalSettings({ caseId: c.id, sizing: { users: 1, devices: 1, sites: 1 }, terms: { ...terms, exchangeRates: [{ currency: 'USD', rate: 0 }] } })).rejects.toThrow(/exchange rate must be above 0/);
  });
});
