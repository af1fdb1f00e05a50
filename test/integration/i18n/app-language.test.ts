import { describe, expect, it } from 'vitest';
import { openTestServices } from '../../support/services';
import { tempDir } from '../../support/temp-dir';
import { answerEverything } from '../reports/full-case';

const hostile = [
  { language: 'de' },
  { language: 'en-XA ' },
  { language: '<script>alert(1)</script>' },
  { language: '=HYPERLINK("http://x")' },
  { language: 'ع'.repeat(5_000) },
  { language: '🚀' },
  { language: 'fr-CA', extra: true },
  { language: null },
  {},
];

describe("the app's language (the engineer's, per installation)", () => {
  it('is English at first, takes fr-CA and the pseudo-locale, and is still set after a restart', async () => {
    const dataDir = tempDir();
    const first = openTestServices(dataDir);
    expect(await first.api.getAppLanguage({})).toEqual({ language: 'en' });
    expect(await first.api.setAppLanguage({ language: 'en-XA' })).toEqual({ language: 'en-XA' });
    expect(await first.api.setAppLanguage({ language: 'fr-CA' })).toEqual({ language: 'fr-CA' });
    // Not synced: nothing waits in the outbox for the hub.
    expect(first.services.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    first.services.close();
    const again = openTestServices(dataDir);
    expect(await again.api.getAppLanguage({})).toEqual({ language: 'fr-CA' });
    again.services.close();
  });

  it('refuses a language it does not have, and hostile or extra input, with a validation error; the setting is unchanged', async () => {
    const { dispatch, api, services } = openTestServices();
    await api.setAppLanguage({ language: 'fr-CA' });
    for (const bad of hostile) {
      const result = await dispatch('app:set-language', bad);
      expect(result.ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('validation');
        expect(result.error.message).toContain('app:set-language');
        expect(result.error.message.length).toBeLessThan(2_000);
      }
    }
    expect(await dispatch('app:language', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await api.getAppLanguage({})).toEqual({ language: 'fr-CA' });
    services.close();
  });

  it("changing it changes no exported report's record, and a reproduction is the same document in its recorded language", async () => {
    const { api, services } = openTestServices();
    const created = await api.createCase({ customerName: 'Tremblay Ltée', siteName: 'Siège social', engineer: 'Sam Field', title: '', siteAddress: '', contacts: [] });
    const english = await api.exportReport({ caseId: created.id, kind: 'executive', format: 'html' });
    const settings = await api.getProposalSettings({ caseId: created.id });
    await api.saveProposalSettings({ ...settings, reportLanguage: 'fr-CA' });
    const french = await api.exportReport({ caseId: created.id, kind: 'executive', format: 'html' });
    const before = await api.listReportExports({ caseId: created.id });
    const rowsBefore = services.db.prepare('SELECT * FROM report_exports ORDER BY id').all();

    for (const language of ['fr-CA', 'en-XA', 'en'] as const) {
      await api.setAppLanguage({ language });
      expect(await api.listReportExports({ caseId: created.id })).toEqual(before);
      expect(services.db.prepare('SELECT * FROM report_exports ORDER BY id').all()).toEqual(rowsBefore);
    }
    await api.setAppLanguage({ language: 'fr-CA' });
    const reEnglish = await api.reproduceReportExport({ exportId: english.record.id });
    expect(reEnglish.identical).toBe(true);
    expect(reEnglish.record.language).toBe('en');
    expect(Buffer.from(reEnglish.base64, 'base64').toString('utf8')).toContain('<html lang="en-GB">');
    await api.setAppLanguage({ language: 'en' });
    const reFrench = await api.reproduceReportExport({ exportId: french.record.id });
    expect(reFrench.identical).toBe(true);
    expect(reFrench.record.language).toBe('fr-CA');
    expect(Buffer.from(reFrench.base64, 'base64').toString('utf8')).toContain('<html lang="fr-CA">');
    // Reproducing records nothing new either.
    expect(await api.listReportExports({ caseId: created.id })).toEqual(before);
    services.close();
  });
});

describe('the Results screen reads the bank in the app language', () => {
  it('scores the same in French, with the pillar and finding titles the bank has in French', async () => {
    const { api, services } = openTestServices();
    const c = await api.createCase({ customerName: 'Boulangerie Saint-Laurent inc.' });
    await answerEverything(api, c.id);
    const english = await api.getCaseScore({ caseId: c.id });
    await api.setAppLanguage({ language: 'fr-CA' });
    const french = await api.getCaseScore({ caseId: c.id });
    expect(french.index).toBe(english.index);
    expect(french.level).toBe(english.level);
    expect(french.findings.map((f) => f.id)).toEqual(english.findings.map((f) => f.id));
    // The built-in bank's pillar titles are translated: none is left in English.
    expect(french.pillars.filter((p, i) => p.title === english.pillars[i]?.title)).toEqual([]);
    expect(french.findings.some((f, i) => f.title !== english.findings[i]?.title)).toBe(true);
    services.close();
  });
});
