import { discounted, type ProposalRecord, type ProposalStatus } from '../domain/proposals';
import { defaultLocale } from '../i18n/locales';
import type { MessageId } from '../i18n/messages-en';
import { createTranslator, type Translator } from '../i18n/translator';
import type { ProposalTextDefaults } from './branding';
import { addDays, formatMoney } from './format';
import type { PriceBookItem } from './price-book';
import { severityRank } from './roadmap';
import type { ProposalTerms, QuantityRule, ReportSource, Severity, SkuRef, Sizing, TaxLine } from './report-source';

export interface ProposalLine {
  readonly sku: string;
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly rule: QuantityRule;
  /** Where the quantity comes from, in words: "240 users (from the interview)". */
  readonly quantityBasis: string;
  /** In the proposal's currency (converted when the price book has it in another). */
  readonly unitPriceMinor: number;
  readonly totalMinor: number;
  readonly recurring: boolean;
  /** Titles of the recommendations and findings that asked for this line. */
  readonly reasons: string[];
  /** Set when the price was converted: the price book's currency, price and the rate used. */
  readonly converted: { readonly currency: string; readonly unitPriceMinor: number; readonly rate: number } | null;
}

/** The lines that answer one finding or recommendation: the proposal prints them together. */
export interface ProposalGroup {
  readonly title: string;
  readonly severity: Severity | null;
  readonly lines: ProposalLine[];
  readonly oneTimeMinor: number;
  readonly monthlyMinor: number;
}

export interface TaxAmount {
  readonly name: string;
  readonly ratePercent: number;
  readonly minor: number;
}

export interface ProposalTotals {
  /** The lines' sum, before any discount. */
  readonly oneTimeSubtotalMinor: number;
  /** What the discount takes off the subtotal (0 without one); taxes apply to what is left. */
  readonly oneTimeDiscountMinor: number;
  readonly oneTimeTaxes: TaxAmount[];
  readonly oneTimeTaxMinor: number;
  readonly oneTimeTotalMinor: number;
  readonly monthlySubtotalMinor: number;
  readonly monthlyDiscountMinor: number;
  readonly monthlyTaxes: TaxAmount[];
  readonly monthlyTaxMinor: number;
  readonly monthlyTotalMinor: number;
  readonly contractTermMonths: number;
  /** One-time plus the monthly lines over the contract term, before and after tax. */
  readonly contractValueExTaxMinor: number;
  readonly contractValueMinor: number;
}

export interface ProposalConversion {
  readonly currency: string;
  readonly rate: number;
  readonly skus: string[];
}

export interface Proposal {
  readonly currency: string;
  readonly taxRateBasisPoints: number;
  readonly taxes: TaxLine[];
  readonly date: string;
  readonly validUntil: string;
  readonly oneTime: ProposalLine[];
  readonly monthly: ProposalLine[];
  readonly groups: ProposalGroup[];
  readonly totals: ProposalTotals;
  readonly conversions: ProposalConversion[];
  /** Scope, assumptions, exclusions and payment terms as printed: the case's, else the partner's defaults. */
  readonly text: ProposalTextDefaults;
  /**
   * Why this proposal cannot be handed over as it is (a price in a currency with no rate set, a
   * per-user line with no user count). Set means: export refuses, the preview says why.
   */
  readonly refusal: string | null;
  /** Problems the account manager should see before sending: SKUs the price book lacks. */
  readonly warnings: string[];
  /** Set when this is a saved proposal (its own lines, prices and discount), null when built from the findings. */
  readonly record: ProposalRecordSummary | null;
}

/** What a printed proposal shows of the saved record it came from. */
export interface ProposalRecordSummary {
  readonly title: string;
  readonly status: ProposalStatus;
  readonly discountBasisPoints: number;
}

export const quantityFor = (rule: QuantityRule, sizing: Sizing, multiplier: number | undefined): number => {
  const base = rule === 'per_user' ? sizing.users : rule === 'per_device' ? sizing.devices : rule === 'per_site' ? sizing.sites : 1;
  return Math.ceil(base * (multiplier ?? 1));
};

/** Tax rounds half away from zero on the subtotal, as invoices do. */
export const taxOf = (subtotalMinor: number, basisPoints: number): number => Math.round((subtotalMinor * basisPoints) / 10_000);

/** A named tax at a rate with up to three decimals (QST 9.975 %), in integer arithmetic on thousandths of a percent. */
export const namedTaxOf = (subtotalMinor: number, ratePercent: number): number => Math.round((subtotalMinor * Math.round(ratePercent * 1000)) / 100_000);

const minorDigits = (currency: string): number => (['JPY', 'KRW', 'ISK', 'CLP', 'VND'].includes(currency) ? 0 : 2);

/** A price in another currency at the user's rate (units of `to` per unit of `from`), rounded to the cent. */
export const convertMinor = (minor: number, from: string, to: string, rate: number): number =>
  Math.round((minor / 10 ** minorDigits(from)) * rate * 10 ** minorDigits(to));

/** The taxes a proposal applies: the named ones, else the single rate as "Tax", else none. */
export const taxesOf = (terms: ProposalTerms): TaxLine[] =>
  terms.taxes.length > 0 ? terms.taxes : terms.taxRateBasisPoints > 0 ? [{ name: 'Tax', ratePercent: terms.taxRateBasisPoints / 100 }] : [];

interface Request {
  readonly ref: SkuRef;
  readonly reason: string;
  readonly severity: Severity | null;
}

const ruleNouns: Record<Exclude<QuantityRule, 'fixed'>, MessageId> = {
  per_user: 'proposal.quantity.users',
  per_device: 'proposal.quantity.devices',
  per_site: 'proposal.quantity.sites',
};

const basisOf = (rule: QuantityRule, source: ReportSource, multiplier: number | undefined, tr: Translator): string => {
  if (rule === 'fixed') return '';
  const key = rule === 'per_user' ? 'users' : rule === 'per_device' ? 'devices' : 'sites';
  const counted = tr.t(ruleNouns[rule], { count: source.sizing[key] });
  const quantity = multiplier && multiplier !== 1 ? tr.t('proposal.quantity.multiplied', { multiplier: tr.fmt.number(multiplier), quantity: counted }) : counted;
  return source.sizingFromInterview.includes(key) ? tr.t('proposal.quantity.fromInterview', { quantity }) : quantity;
};

const sumTaxes = (subtotal: number, taxes: readonly TaxLine[]): TaxAmount[] =>
  taxes.map((t) => ({ name: t.name, ratePercent: t.ratePercent, minor: namedTaxOf(subtotal, t.ratePercent) }));

const total = (ts: readonly TaxAmount[]) => ts.reduce((a, t) => a + t.minor, 0);

/** The case's wording where it has some, else the partner's. */
const textOf = (terms: ProposalTerms, defaults: ProposalTextDefaults | undefined): ProposalTextDefaults => ({
  scope: terms.scope.trim() || defaults?.scope.trim() || '',
  assumptions: terms.assumptions.trim() || defaults?.assumptions.trim() || '',
  exclusions: terms.exclusions.trim() || defaults?.exclusions.trim() || '',
  paymentTerms: terms.paymentTerms.trim() || defaults?.paymentTerms.trim() || '',
});

/**
 * Proposal lines from every SKU the recommendations and findings refer to. The same SKU asked for
 * twice is one line with the larger quantity: two recommendations needing the same per-user
 * licence need it once. A line is never dropped for its currency or its quantity: it is converted
 * at the rate the user set, or the whole proposal is refused with the reason.
 */
export const buildProposal = (source: ReportSource, priceBook: readonly PriceBookItem[], textDefaults?: ProposalTextDefaults, tr: Translator = createTranslator(defaultLocale)): Proposal => {
  const { terms, sizing } = source;
  const requests: Request[] = [
    ...[...source.recommendations].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]).flatMap((r) => r.skuRefs.map((ref) => ({ ref, reason: r.title, severity: r.severity }))),
    ...[...source.findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]).flatMap((f) => f.skuRefs.map((ref) => ({ ref, reason: f.title, severity: f.severity }))),
  ];
  const bySku = new Map(priceBook.map((item) => [item.sku.toLowerCase(), item]));
  const rates = new Map(terms.exchangeRates.map((r) => [r.currency, r.rate]));
  const lines = new Map<string, ProposalLine & { group: string; groupSeverity: Severity | null }>();
  const missing = new Set<string>();
  const noRate = new Map<string, Set<string>>();
  const zero = new Set<string>();
  const converted = new Map<string, ProposalConversion>();
  for (const { ref, reason, severity } of requests) {
    const item = bySku.get(ref.sku.toLowerCase());
    if (!item) {
      missing.add(ref.sku);
      continue;
    }
    let unitPriceMinor = item.unitPriceMinor;
    let conversion: ProposalLine['converted'] = null;
    if (item.currency !== terms.currency) {
      const rate = rates.get(item.currency);
      if (rate === undefined) {
        noRate.set(item.currency, (noRate.get(item.currency) ?? new Set()).add(item.sku));
        continue;
      }
      unitPriceMinor = convertMinor(item.unitPriceMinor, item.currency, terms.currency, rate);
      conversion = { currency: item.currency, unitPriceMinor: item.unitPriceMinor, rate };
      const c = converted.get(item.currency) ?? { currency: item.currency, rate, skus: [] };
      if (!c.skus.includes(item.sku)) c.skus.push(item.sku);
      converted.set(item.currency, c);
    }
    const rule = ref.rule ?? item.quantityRule;
    const quantity = quantityFor(rule, sizing, ref.quantity);
    if (quantity <= 0) {
      zero.add(`${item.sku} (${rule.replace('_', ' ')})`);
      continue;
    }
    const existing = lines.get(item.sku);
    const keepExisting = existing !== undefined && existing.quantity >= quantity;
    const best = Math.max(quantity, existing?.quantity ?? 0);
    lines.set(item.sku, {
      sku: item.sku,
      description: item.description,
      unit: item.unit,
      quantity: best,
      rule: keepExisting ? existing.rule : rule,
      quantityBasis: keepExisting ? existing.quantityBasis : basisOf(rule, source, ref.quantity, tr),
      unitPriceMinor,
      totalMinor: best * unitPriceMinor,
      recurring: item.recurring,
      reasons: [...new Set([...(existing?.reasons ?? []), reason])],
      converted: conversion,
      // A line belongs to the first (most severe) finding or recommendation that asked for it.
      group: existing?.group ?? reason,
      groupSeverity: existing ? existing.groupSeverity : severity,
    });
  }
  const all = [...lines.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  const strip = ({ group: _g, groupSeverity: _s, ...line }: (typeof all)[number]): ProposalLine => line;
  const oneTime = all.filter((l) => !l.recurring).map(strip);
  const monthly = all.filter((l) => l.recurring).map(strip);
  const groupOrder = [...new Set(requests.map((r) => r.reason))].filter((title) => all.some((l) => l.group === title));
  const groups: ProposalGroup[] = groupOrder.map((title) => {
    const own = all.filter((l) => l.group === title);
    return {
      title,
      severity: own[0]?.groupSeverity ?? null,
      lines: own.map(strip),
      oneTimeMinor: own.filter((l) => !l.recurring).reduce((a, l) => a + l.totalMinor, 0),
      monthlyMinor: own.filter((l) => l.recurring).reduce((a, l) => a + l.totalMinor, 0),
    };
  });
  const taxes = taxesOf(terms);
  const refusals = [
    ...[...noRate].map(([currency, skus]) => tr.t('proposal.refusal.noRate', { skus: [...skus].sort().join(', '), count: skus.size, from: currency, to: terms.currency })),
    ...(zero.size > 0 ? [tr.t('proposal.refusal.zero', { items: [...zero].sort().join(', ') })] : []),
  ];
  return {
    currency: terms.currency,
    taxRateBasisPoints: terms.taxRateBasisPoints,
    taxes,
    date: source.date,
    validUntil: addDays(source.date, terms.validityDays),
    oneTime,
    monthly,
    groups,
    totals: totalsOf(oneTime, monthly, taxes, terms.contractTermMonths, 0),
    conversions: [...converted.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    text: textOf(terms, textDefaults),
    refusal: refusals.length > 0 ? refusals.join(' ') : null,
    warnings: [
      // One line for all unknown SKUs: a bank can refer to dozens the partner has not priced yet.
      ...(missing.size > 0 ? [tr.t('proposal.warning.missing', { count: missing.size, skus: [...missing].sort().join(', ') })] : []),
    ],
    record: null,
  };
};

/**
 * Subtotals, discount, taxes and the contract's value. The discount comes off each subtotal
 * (rounded half away from zero, as `discounted` does for the saved proposal's figures) and the
 * taxes apply to what is left, as on an invoice.
 */
export const totalsOf = (
  oneTime: readonly ProposalLine[],
  monthly: readonly ProposalLine[],
  taxes: readonly TaxLine[],
  months: number,
  discountBasisPoints: number,
): ProposalTotals => {
  const sum = (ls: readonly ProposalLine[]) => ls.reduce((acc, l) => acc + l.totalMinor, 0);
  const oneTimeSubtotalMinor = sum(oneTime);
  const monthlySubtotalMinor = sum(monthly);
  const oneTimeNet = discounted(oneTimeSubtotalMinor, discountBasisPoints);
  const monthlyNet = discounted(monthlySubtotalMinor, discountBasisPoints);
  const oneTimeTaxes = sumTaxes(oneTimeNet, taxes);
  const monthlyTaxes = sumTaxes(monthlyNet, taxes);
  const oneTimeTotalMinor = oneTimeNet + total(oneTimeTaxes);
  const monthlyTotalMinor = monthlyNet + total(monthlyTaxes);
  return {
    oneTimeSubtotalMinor,
    oneTimeDiscountMinor: oneTimeSubtotalMinor - oneTimeNet,
    oneTimeTaxes,
    oneTimeTaxMinor: total(oneTimeTaxes),
    oneTimeTotalMinor,
    monthlySubtotalMinor,
    monthlyDiscountMinor: monthlySubtotalMinor - monthlyNet,
    monthlyTaxes,
    monthlyTaxMinor: total(monthlyTaxes),
    monthlyTotalMinor,
    contractTermMonths: months,
    contractValueExTaxMinor: oneTimeNet + monthlyNet * months,
    contractValueMinor: oneTimeTotalMinor + monthlyTotalMinor * months,
  };
};

/**
 * The saved proposal as the customer gets it: its lines with the quantities, prices and wording the
 * account manager settled on (not what the price book says today), its discount, and its terms as
 * the payment terms. Grouped under the first finding that asked for each line, like a proposal
 * built from the findings; dates, taxes, contract term and the partner's wording come from `built`.
 * Its prices are already in the proposal's currency, so nothing here is converted or refused.
 */
export const proposalFromRecord = (record: ProposalRecord, built: Proposal, severities: ReadonlyMap<string, Severity>): Proposal => {
  const lines: ProposalLine[] = record.lines.map((l) => ({
    sku: l.sku,
    description: l.description,
    unit: l.unit,
    quantity: l.quantity,
    rule: 'fixed',
    quantityBasis: '',
    unitPriceMinor: l.unitPriceMinor,
    totalMinor: l.quantity * l.unitPriceMinor,
    recurring: l.recurring,
    reasons: l.reasons,
    converted: null,
  }));
  // Most severe first, as a proposal from the findings prints them; lines keep the record's order within.
  const rank = (title: string) => {
    const severity = severities.get(title);
    return severity ? severityRank[severity] : Number.POSITIVE_INFINITY;
  };
  const groupTitles = [...new Set(lines.map((l) => l.reasons[0] ?? ''))].sort((a, b) => rank(a) - rank(b));
  const groups: ProposalGroup[] = groupTitles.map((title) => {
    const own = lines.filter((l) => (l.reasons[0] ?? '') === title);
    return {
      title,
      severity: severities.get(title) ?? null,
      lines: own,
      oneTimeMinor: own.filter((l) => !l.recurring).reduce((a, l) => a + l.totalMinor, 0),
      monthlyMinor: own.filter((l) => l.recurring).reduce((a, l) => a + l.totalMinor, 0),
    };
  });
  const oneTime = lines.filter((l) => !l.recurring);
  const monthly = lines.filter((l) => l.recurring);
  return {
    ...built,
    currency: record.currency,
    oneTime,
    monthly,
    groups,
    totals: totalsOf(oneTime, monthly, built.taxes, built.totals.contractTermMonths, record.discountBasisPoints),
    conversions: [],
    text: { ...built.text, paymentTerms: record.terms.trim() || built.text.paymentTerms },
    refusal: null,
    warnings: [],
    record: { title: record.title, status: record.status, discountBasisPoints: record.discountBasisPoints },
  };
};

/** "GST 5 %", "QST 9.975 %"; in French "TPS (5 %)", "TVQ (9,975 %)". */
export const taxLabel = (t: { name: string; ratePercent: number }, tr: Translator = createTranslator(defaultLocale)): string =>
  tr.t('proposal.tax', { name: tr.taxName(t.name), rate: tr.fmt.ratePercent(t.ratePercent) });

/** "Prices … converted at 1 GBP = 1.17 EUR", for the print. */
export const conversionText = (c: ProposalConversion, to: string, tr: Translator = createTranslator(defaultLocale)): string =>
  tr.t('proposal.conversion', { from: c.currency, skus: c.skus.join(', '), rate: tr.intl.formatNumber(c.rate, { maximumFractionDigits: 6 }), to });

export const investmentLine = (p: Proposal): string =>
  `${formatMoney(p.totals.oneTimeTotalMinor, p.currency)} one-time and ${formatMoney(p.totals.monthlyTotalMinor, p.currency)} per month`;
