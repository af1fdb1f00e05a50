import { describe, expect, it } from 'vitest';
import type { ProposalRecord } from '../../../shared/domain/proposals';
import { buildProposal, proposalFromRecord } from '../../../shared/reports/proposal';
import { fixturePriceBook, fullSource } from './report-fixtures';

/** A saved proposal as the account manager left it: prices and quantities edited, one line gone, 12.5 % off. */
const record = (overrides: Partial<ProposalRecord> = {}): ProposalRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  title: 'Contoso: first steps',
  status: 'sent',
  currency: 'EUR',
  discountBasisPoints: 1_250,
  terms: 'Net 30 from the invoice date.',
  author: 'desk-laptop',
  statusChangedAt: '2026-11-20T10:00:00.000Z',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  lines: [
    { id: '00000000-0000-4000-8000-000000000011', position: 0, sku: 'ONBOARD', description: 'Onboarding, both sites and the warehouse', unit: 'site', quantity: 3, unitPriceMinor: 95_000, recurring: false, reasons: ['Roll out MFA for all accounts'] },
    { id: '00000000-0000-4000-8000-000000000012', position: 1, sku: 'UPLINK-1G', description: 'Uplink upgrade', unit: 'site', quantity: 1, unitPriceMinor: 200_000, recurring: false, reasons: ['Upgrade the internet uplink'] },
    { id: '00000000-0000-4000-8000-000000000013', position: 2, sku: 'MFA-LIC', description: 'MFA licence', unit: 'user', quantity: 85, unitPriceMinor: 450, recurring: true, reasons: ['Roll out MFA for all accounts', 'MFA missing for admin accounts'] },
  ],
  oneTimeMinor: 424_375,
  monthlyMinor: 33_469,
  readOnly: false,
  ...overrides,
});

const severities = new Map([
  ['Roll out MFA for all accounts', 'high' as const],
  ['Upgrade the internet uplink', 'medium' as const],
]);

describe('a saved proposal, printed', () => {
  it('prints its own lines and takes the discount off each subtotal before the 20 % tax', () => {
    const built = buildProposal(fullSource(), fixturePriceBook);
    const p = proposalFromRecord(record(), built, severities);
    expect(p.oneTime.map((l) => [l.sku, l.quantity, l.unitPriceMinor, l.totalMinor])).toEqual([
      ['ONBOARD', 3, 95_000, 285_000], // 3 × 950.00, not the price book's 2 sites
      ['UPLINK-1G', 1, 200_000, 200_000],
    ]);
    expect(p.monthly.map((l) => [l.sku, l.quantity, l.totalMinor])).toEqual([['MFA-LIC', 85, 38_250]]); // 85 × 4.50
    // One-time: 285,000 + 200,000 = 485,000; 12.5 % of it is 60,625 → 424,375 net;
    // tax 20 % of 424,375 = 84,875; total 424,375 + 84,875 = 509,250.
    expect(p.totals).toMatchObject({ oneTimeSubtotalMinor: 485_000, oneTimeDiscountMinor: 60_625, oneTimeTaxMinor: 84_875, oneTimeTotalMinor: 509_250 });
    // Monthly: 38,250; 12.5 % is 4,781.25 → 4,781 off → 33,469 net; tax 6,693.8 → 6,694; total 40,163.
    expect(p.totals).toMatchObject({ monthlySubtotalMinor: 38_250, monthlyDiscountMinor: 4_781, monthlyTaxMinor: 6_694, monthlyTotalMinor: 40_163 });
    // The net figures are the ones the proposal card shows (the record's own sums).
    expect(p.totals.oneTimeSubtotalMinor - p.totals.oneTimeDiscountMinor).toBe(record().oneTimeMinor);
    expect(p.totals.monthlySubtotalMinor - p.totals.monthlyDiscountMinor).toBe(record().monthlyMinor);
    // Over the fixture's 12-month term: 509,250 + 12 × 40,163 = 509,250 + 481,956 = 991,206;
    // before tax 424,375 + 12 × 33,469 = 424,375 + 401,628 = 826,003.
    expect(p.totals.contractTermMonths).toBe(12);
    expect(p.totals.contractValueMinor).toBe(991_206);
    expect(p.totals.contractValueExTaxMinor).toBe(826_003);
    expect(p.record).toEqual({ title: 'Contoso: first steps', status: 'sent', discountBasisPoints: 1_250 });
  });

  it('groups lines under the first finding that asked for them, with its severity; the terms become the payment terms', () => {
    const built = buildProposal(fullSource(), fixturePriceBook);
    const p = proposalFromRecord(record(), built, severities);
    expect(p.groups.map((g) => [g.title, g.severity, g.lines.map((l) => l.sku), g.oneTimeMinor, g.monthlyMinor])).toEqual([
      ['Roll out MFA for all accounts', 'high', ['ONBOARD', 'MFA-LIC'], 285_000, 38_250],
      ['Upgrade the internet uplink', 'medium', ['UPLINK-1G'], 200_000, 0],
    ]);
    // Most severe first, whatever order the lines were saved in.
    const [onboard, uplink, mfa] = record().lines;
    const reversed = proposalFromRecord(record({ lines: [uplink!, onboard!, mfa!] }), built, severities);
    expect(reversed.groups.map((g) => g.title)).toEqual(['Roll out MFA for all accounts', 'Upgrade the internet uplink']);
    expect(p.text.paymentTerms).toBe('Net 30 from the invoice date.');
    // Dates and validity stay the case's.
    expect([p.date, p.validUntil]).toEqual([built.date, built.validUntil]);
    expect([p.refusal, p.warnings, p.conversions]).toEqual([null, [], []]);
  });

  it('without a discount or terms: no discount, the partner wording stays; a proposal from findings has no record', () => {
    const built = buildProposal(fullSource(), fixturePriceBook);
    expect(built.record).toBeNull();
    expect([built.totals.oneTimeDiscountMinor, built.totals.monthlyDiscountMinor]).toEqual([0, 0]);
    const p = proposalFromRecord(record({ discountBasisPoints: 0, terms: '  ' }), built, severities);
    // 485,000 + 20 % = 582,000; 38,250 + 7,650 = 45,900.
    expect([p.totals.oneTimeDiscountMinor, p.totals.oneTimeTotalMinor, p.totals.monthlyTotalMinor]).toEqual([0, 582_000, 45_900]);
    expect(p.text.paymentTerms).toBe(built.text.paymentTerms);
  });
});
