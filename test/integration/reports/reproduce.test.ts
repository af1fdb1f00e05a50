import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/contract/result';
import { openTestServices, type TestServices } from '../../support/services';
import { answerEverything } from './full-case';

let t: TestServices | null = null;
afterEach(() => {
  t?.services.close();
  t = null;
});

describe('reproducing a recorded export', () => {
  it('renders the same HTML and CSV bytes from the kept inputs, even after the case and branding changed', async () => {
    t = openTestServices();
    const { api } = t;
    const c = await api.createCase({ customerName: 'Northwind', engineer: 'Dana' });
    await answerEverything(api, c.id);
    const { profile } = await api.saveBrandingProfile({ name: 'Acme', partnerName: 'Acme IT', primaryColor: '#0b3d6b', accentColor: '#b3541e' });
    await api.setCaseBranding({ caseId: c.id, profileId: profile.id });
    await api.savePriceBookItem({ sku: 'SEC-MFA-LICENCE', description: 'MFA licence', unitPriceMinor: 450, currency: 'EUR', recurring: true, quantityRule: 'per_user' });
    await api.saveProposalSettings({ caseId: c.id, sizing: { users: 50, devices: 60, sites: 1 }, terms: { currency: 'EUR', taxRateBasisPoints: 2000, validityDays: 30 } });

    const html = await api.exportReport({ caseId: c.id, kind: 'technical', format: 'html' });
    const csv = await api.exportReport({ caseId: c.id, kind: 'proposal', format: 'csv' });

    await api.updateCase({ id: c.id, customerName: 'Renamed Ltd' });
    await api.saveBrandingProfile({ id: profile.id, name: 'Acme', partnerName: 'Other Partner', primaryColor: '#000000', accentColor: '#b3541e' });
    await api.savePriceBookItem({ sku: 'EXTRA', description: 'New item', unitPriceMinor: 1, currency: 'EUR' });

    const again = await api.reproduceReportExport({ exportId: html.record.id });
    expect(again.identical).toBe(true);
    expect(again.sha256).toBe(html.record.sha256);
    expect(Buffer.from(again.base64, 'base64').toString('utf8')).toContain('Northwind');
    const csvAgain = await api.reproduceReportExport({ exportId: csv.record.id });
    expect(csvAgain.identical).toBe(true);
    expect(Buffer.from(csvAgain.base64, 'base64').toString('utf8')).toBe(Buffer.from(csv.base64, 'base64').toString('utf8'));

    const now = await api.exportReport({ caseId: c.id, kind: 'technical', format: 'html' });
    expect(now.record.sha256).not.toBe(html.record.sha256);
  });

  it('an unknown export is not found', async () => {
    t = openTestServices();
    await expect(t.api.reproduceReportExport({ exportId: '0190f5a4-0000-7000-8000-00000000beef' })).rejects.toBeInstanceOf(ApiFailure);
  });
});
