import { describe, expect, it } from 'vitest';
import { buildProposal, quantityFor, taxOf } from '../../../shared/reports/proposal';
import { fixturePriceBook, fullSource } from './report-fixtures';

describe('proposal', () => {
  it('quantity rules use the case sizing: per user, per device, per site, fixed, with a multiplier', () => {
    const sizing = { users: 85, devices: 143, sites: 2 };
    expect(quantityFor('per_user', sizing, undefined)).toBe(85);
    expect(quantityFor('per_device', sizing, undefined)).toBe(143);
    expect(quantityFor('per_site', sizing, undefined)).toBe(2);
    expect(quantityFor('fixed', sizing, undefined)).toBe(1);
    expect(quantityFor('fixed', sizing, 3)).toBe(3);
    expect(quantityFor('per_user', sizing, 1.5)).toBe(128);
  });

  it('prices the lines, splits one-time from monthly and adds tax in whole cents', () => {
    const p = buildProposal(fullSource(), fixturePriceBook);
    expect(p.oneTime.map((l) => [l.sku, l.quantity, l.totalMinor])).toEqual([
      ['ONBOARD', 2, 190_000],
      ['POLICY-WS', 1, 180_000],
      ['UPLINK-1G', 1, 250_000],
    ]);
    expect(p.monthly.map((l) => [l.sku, l.quantity, l.totalMinor])).toEqual([
      ['BACKUP-M', 143, 185_757],
      ['MFA-LIC', 85, 38_250],
    ]);
    expect(p.totals.oneTimeSubtotalMinor).toBe(620_000);
    expect(p.totals.oneTimeTaxMinor).toBe(124_000);
    expect(p.totals.oneTimeTotalMinor).toBe(744_000);
    expect(p.totals.monthlySubtotalMinor).toBe(224_007);
    expect(p.totals.monthlyTaxMinor).toBe(44_801);
    expect(p.totals.monthlyTotalMinor).toBe(268_808);
    expect(p.validUntil).toBe('2026-12-22');
    expect(p.warnings).toEqual([]);
  });

  it('one SKU asked for twice is one line with the larger quantity and both reasons', () => {
    const p = buildProposal(fullSource(), fixturePriceBook);
    const mfa = p.monthly.find((l) => l.sku === 'MFA-LIC');
    expect(mfa?.quantity).toBe(85);
    expect(mfa?.reasons).toEqual(['Roll out MFA for all accounts', 'MFA missing for admin accounts']);
  });

  it('leaves out unknown SKUs with a warning, and refuses rather than drops a line it cannot price', () => {
    const source = fullSource({ sizing: { users: 0, devices: 10, sites: 1 } });
    source.recommendations.push({ id: 'r9', title: 'Mystery', detail: '', severity: 'low', effort: 'low', findingIds: [], skuRefs: [{ sku: 'NOPE' }, { sku: 'USD-ITEM' }] });
    const book = [...fixturePriceBook, { ...fixturePriceBook[0]!, id: 'u', sku: 'USD-ITEM', currency: 'USD' }];
    const p = buildProposal(source, book);
    expect(p.warnings.join('\n')).toMatch(/SKU NOPE is not in the price book/);
    expect(p.refusal).toMatch(/USD-ITEM is priced in USD and this proposal is in EUR: set the USD → EUR exchange rate/);
    expect(p.refusal).toMatch(/MFA-LIC \(per user\) would have quantity 0/);
  });

  it('the currency case: 10 GBP lines and 1 EUR line give a refusal without a rate, a complete converted proposal with one', () => {
    const gbp = Array.from({ length: 10 }, (_, i) => ({ ...fixturePriceBook[0]!, id: `g${i}`, sku: `GB-${i}`, description: `UK item ${i}`, currency: 'GBP', unitPriceMinor: 10_000 + i, quantityRule: 'fixed' as const }));
    const eur = { ...fixturePriceBook[0]!, id: 'e', sku: 'ADV-AI-WORKSHOP', description: 'Workshop', currency: 'EUR', unitPriceMinor: 800_000, quantityRule: 'fixed' as const };
    const refs = [...gbp, eur].map((item) => ({ sku: item.sku }));
    const source = fullSource({ recommendations: [{ id: 'r1', title: 'Do the work', detail: '', severity: 'high', effort: 'low', findingIds: [], skuRefs: refs }] });
    source.findings.forEach((f) => (f.skuRefs = []));
    const refused = buildProposal(source, [...gbp, eur]);
    // Never a EUR 8,000 proposal that silently lost the GBP lines.
    expect(refused.refusal).toMatch(/GB-0, GB-1, .*GB-9 are priced in GBP and this proposal is in EUR/);
    source.terms.exchangeRates = [{ currency: 'GBP', rate: 1.17 }];
    const converted = buildProposal(source, [...gbp, eur]);
    expect(converted.refusal).toBeNull();
    expect(converted.oneTime).toHaveLength(11);
    // GB-3: GBP 100.03 × 1.17 = EUR 117.0351 → 117.04 (11,704 cents).
    expect(converted.oneTime.find((l) => l.sku === 'GB-3')).toMatchObject({ unitPriceMinor: 11_704, converted: { currency: 'GBP', unitPriceMinor: 10_003, rate: 1.17 } });
    // Σ GBP 1000.45 → each line converted and rounded: 117.00+117.01+117.02+117.04+117.05+117.06+117.07+117.08+117.09+117.11 = 1170.53; + 8000.00.
    expect(converted.totals.oneTimeSubtotalMinor).toBe(117_053 + 800_000);
    expect(converted.conversions).toEqual([{ currency: 'GBP', rate: 1.17, skus: gbp.map((g) => g.sku) }]);
  });

  it('named taxes (GST 5 % + QST 9.975 %) each on the subtotal, and the total contract value over the term', () => {
    const source = fullSource();
    source.terms.taxes = [
      { name: 'GST', ratePercent: 5 },
      { name: 'QST', ratePercent: 9.975 },
    ];
    source.terms.contractTermMonths = 36;
    const p = buildProposal(source, fixturePriceBook);
    // One-time 6,200.00: GST 310.00, QST 6,200 × 9.975 % = 618.45 → 7,128.45.
    expect(p.totals.oneTimeTaxes).toEqual([
      { name: 'GST', ratePercent: 5, minor: 31_000 },
      { name: 'QST', ratePercent: 9.975, minor: 61_845 },
    ]);
    expect(p.totals.oneTimeTotalMinor).toBe(712_845);
    // Monthly 2,240.07: GST 112.0035 → 112.00; QST 223.4470 → 223.45; total 2,575.52.
    expect(p.totals.monthlyTotalMinor).toBe(224_007 + 11_200 + 22_345);
    // 7,128.45 + 36 × 2,575.52 = 99,847.17.
    expect(p.totals.contractValueMinor).toBe(9_984_717);
  });

  it('groups each line under the most severe finding or recommendation that asked for it', () => {
    const p = buildProposal(fullSource(), fixturePriceBook);
    expect(p.groups.map((g) => [g.title, g.lines.map((l) => l.sku)])).toEqual([
      ['Write and adopt an AI usage policy', ['POLICY-WS']],
      ['Roll out MFA for all accounts', ['MFA-LIC', 'ONBOARD']],
      ['Managed backup with monthly restore tests', ['BACKUP-M']],
      ['Upgrade the internet uplink', ['UPLINK-1G']],
    ]);
  });

  it('takes quantities from the interview when nothing was entered, and says so', () => {
    const source = fullSource({ sizing: { users: 240, devices: 143, sites: 2 }, sizingFromInterview: ['users'] });
    const mfa = buildProposal(source, fixturePriceBook).monthly.find((l) => l.sku === 'MFA-LIC');
    expect(mfa).toMatchObject({ quantity: 240, quantityBasis: '240 users (from the interview)' });
  });

  it('rounds tax half away from zero on the subtotal', () => {
    expect(taxOf(1, 5000)).toBe(1);
    expect(taxOf(3, 1000)).toBe(0);
    expect(taxOf(224_007, 2000)).toBe(44_801);
  });
});
