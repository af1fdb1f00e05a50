import type { QuestionBank } from '../interview/bank-schema';
import type { PriceBookItem } from './price-book';
import type { QuantityRule } from './report-source';

export interface BankSku {
  readonly sku: string;
  readonly quantityRule: QuantityRule;
  /** The findings that propose it, for a description to start from. */
  readonly usedBy: string[];
  readonly priced: boolean;
}

/** Every SKU the question bank's findings can propose, and whether the price book has it. */
export const bankSkus = (bank: QuestionBank, priceBook: readonly PriceBookItem[]): BankSku[] => {
  const priced = new Set(priceBook.map((i) => i.sku.toLowerCase()));
  const bySku = new Map<string, { quantityRule: QuantityRule; usedBy: string[] }>();
  for (const rule of bank.rules) {
    for (const ref of rule.priceBook) {
      const entry = bySku.get(ref.sku) ?? { quantityRule: ref.quantity, usedBy: [] };
      entry.usedBy.push(rule.title);
      bySku.set(ref.sku, entry);
    }
  }
  return [...bySku]
    .map(([sku, e]) => ({ sku, quantityRule: e.quantityRule, usedBy: e.usedBy, priced: priced.has(sku.toLowerCase()) }))
    .sort((a, b) => a.sku.localeCompare(b.sku));
};
