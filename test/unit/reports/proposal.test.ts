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

  it('leaves out unknown SKUs, other currencies and zero quantities, and says so', () => {
    const source = fullSource({ sizing: { users: 0, devices: 10, sites: 1 } });
    source.recommendations.push({ id: 'r9', title: 'Mystery', detail: '', severity: 'low', effort: 'low', findingIds: [], skuRefs: [{ sku: 'NOPE' }, { sku: 'USD-ITEM' }] });
    const book = [...fixturePriceBook, { ...fixturePriceBook[0]!, id: 'u', sku: 'USD-ITEM', currency: 'USD' }];
    const p = buildProposal(source, book);
    expect(p.warnings.join('\n')).toMatch(/SKU NOPE is not in the price book/);
    expect(p.warnings.join('\n')).toMatch(/USD-ITEM is priced in USD/);
    expect(p.warnings.join('\n')).toMatch(/MFA-LIC .*quantity 0/);
    expect([...p.oneTime, ...p.monthly].map((l) => l.sku)).not.toContain('MFA-LIC');
  });

  it('rounds tax half away from zero on the subtotal', () => {
    expect(taxOf(1, 5000)).toBe(1);
    expect(taxOf(3, 1000)).toBe(0);
    expect(taxOf(224_007, 2000)).toBe(44_801);
  });
});
