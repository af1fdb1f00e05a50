import { addDays } from './format';
import type { PriceBookItem } from './price-book';
import type { QuantityRule, ReportSource, SkuRef, Sizing } from './report-source';

export interface ProposalLine {
  readonly sku: string;
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly rule: QuantityRule;
  readonly unitPriceMinor: number;
  readonly totalMinor: number;
  readonly recurring: boolean;
  /** Titles of the recommendations and findings that asked for this line. */
  readonly reasons: string[];
}

export interface ProposalTotals {
  readonly oneTimeSubtotalMinor: number;
  readonly oneTimeTaxMinor: number;
  readonly oneTimeTotalMinor: number;
  readonly monthlySubtotalMinor: number;
  readonly monthlyTaxMinor: number;
  readonly monthlyTotalMinor: number;
}

export interface Proposal {
  readonly currency: string;
  readonly taxRateBasisPoints: number;
  readonly date: string;
  readonly validUntil: string;
  readonly oneTime: ProposalLine[];
  readonly monthly: ProposalLine[];
  readonly totals: ProposalTotals;
  /** Problems the account manager must see before sending: unknown SKUs, other currencies. */
  readonly warnings: string[];
}

export const quantityFor = (rule: QuantityRule, sizing: Sizing, multiplier: number | undefined): number => {
  const base = rule === 'per_user' ? sizing.users : rule === 'per_device' ? sizing.devices : rule === 'per_site' ? sizing.sites : 1;
  return Math.ceil(base * (multiplier ?? 1));
};

/** Tax rounds half away from zero on the subtotal, as invoices do. */
export const taxOf = (subtotalMinor: number, basisPoints: number): number => Math.round((subtotalMinor * basisPoints) / 10_000);

interface Request {
  readonly ref: SkuRef;
  readonly reason: string;
}

/**
 * Proposal lines from every SKU the recommendations and findings refer to. The same SKU asked for
 * twice is one line with the larger quantity: two recommendations needing the same per-user
 * licence need it once.
 */
export const buildProposal = (source: ReportSource, priceBook: readonly PriceBookItem[]): Proposal => {
  const { terms, sizing } = source;
  const requests: Request[] = [
    ...source.recommendations.flatMap((r) => r.skuRefs.map((ref) => ({ ref, reason: r.title }))),
    ...source.findings.flatMap((f) => f.skuRefs.map((ref) => ({ ref, reason: f.title }))),
  ];
  const bySku = new Map(priceBook.map((item) => [item.sku.toLowerCase(), item]));
  const lines = new Map<string, ProposalLine>();
  const warnings: string[] = [];
  const missing = new Set<string>();
  for (const { ref, reason } of requests) {
    const item = bySku.get(ref.sku.toLowerCase());
    if (!item) {
      missing.add(ref.sku);
      continue;
    }
    if (item.currency !== terms.currency) {
      warnings.push(`SKU ${item.sku} is priced in ${item.currency}, the proposal in ${terms.currency}; it is left out.`);
      continue;
    }
    const rule = ref.rule ?? item.quantityRule;
    const quantity = quantityFor(rule, sizing, ref.quantity);
    if (quantity <= 0) {
      warnings.push(`SKU ${item.sku} (${rule.replace('_', ' ')}) has quantity 0: enter the number of users, devices or sites.`);
      continue;
    }
    const existing = lines.get(item.sku);
    const best = Math.max(quantity, existing?.quantity ?? 0);
    lines.set(item.sku, {
      sku: item.sku,
      description: item.description,
      unit: item.unit,
      quantity: best,
      rule: existing && existing.quantity >= quantity ? existing.rule : rule,
      unitPriceMinor: item.unitPriceMinor,
      totalMinor: best * item.unitPriceMinor,
      recurring: item.recurring,
      reasons: [...new Set([...(existing?.reasons ?? []), reason])],
    });
  }
  const all = [...lines.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  const oneTime = all.filter((l) => !l.recurring);
  const monthly = all.filter((l) => l.recurring);
  const sum = (ls: readonly ProposalLine[]) => ls.reduce((acc, l) => acc + l.totalMinor, 0);
  const oneTimeSubtotalMinor = sum(oneTime);
  const monthlySubtotalMinor = sum(monthly);
  const oneTimeTaxMinor = taxOf(oneTimeSubtotalMinor, terms.taxRateBasisPoints);
  const monthlyTaxMinor = taxOf(monthlySubtotalMinor, terms.taxRateBasisPoints);
  return {
    currency: terms.currency,
    taxRateBasisPoints: terms.taxRateBasisPoints,
    date: source.date,
    validUntil: addDays(source.date, terms.validityDays),
    oneTime,
    monthly,
    totals: {
      oneTimeSubtotalMinor,
      oneTimeTaxMinor,
      oneTimeTotalMinor: oneTimeSubtotalMinor + oneTimeTaxMinor,
      monthlySubtotalMinor,
      monthlyTaxMinor,
      monthlyTotalMinor: monthlySubtotalMinor + monthlyTaxMinor,
    },
    warnings: [
      // One line for all unknown SKUs: a bank can refer to dozens the partner has not priced yet.
      ...(missing.size > 0
        ? [`${missing.size === 1 ? 'SKU' : `${missing.size} SKUs`} ${[...missing].sort().join(', ')} ${missing.size === 1 ? 'is' : 'are'} not in the price book and left out; add ${missing.size === 1 ? 'it' : 'them'} under Settings → Price book.`]
        : []),
      ...new Set(warnings),
    ],
  };
};
