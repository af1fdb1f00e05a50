import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import type { PriceBookItem, priceBookSaveSchema } from '../../../shared/reports/price-book';
import type { QuantityRule } from '../../../shared/reports/report-source';
import { newId } from '../db/device-clock';
import { tombstoneSyncedRow, writeSyncedRow } from '../db/synced-write';

type PriceBookSave = z.output<typeof priceBookSaveSchema>;

interface ItemRow {
  id: string;
  sku: string;
  description: string;
  unit: string;
  unit_price_minor: number;
  currency: string;
  recurring: number;
  quantity_rule: QuantityRule;
  updated_at: string;
}

const select = 'SELECT id, sku, description, unit, unit_price_minor, currency, recurring, quantity_rule, updated_at FROM price_book_items';

const toItem = (r: ItemRow): PriceBookItem => ({
  id: r.id,
  sku: r.sku,
  description: r.description,
  unit: r.unit,
  unitPriceMinor: r.unit_price_minor,
  currency: r.currency,
  recurring: r.recurring === 1,
  quantityRule: r.quantity_rule,
  updatedAt: r.updated_at,
});

export const listPriceBook = (db: Database): PriceBookItem[] =>
  (db.prepare(`${select} WHERE deleted = 0 ORDER BY sku COLLATE NOCASE`).all() as ItemRow[]).map(toItem);

export const getPriceBookItem = (db: Database, id: string): PriceBookItem => {
  const row = db.prepare(`${select} WHERE id = ? AND deleted = 0`).get(id) as ItemRow | undefined;
  if (!row) throw serviceFailure('not_found', 'error.priceBook.itemNotFound');
  return toItem(row);
};

export const savePriceBookItem = (db: Database, input: PriceBookSave): PriceBookItem =>
  db.transaction(() => {
    if (input.id) getPriceBookItem(db, input.id);
    const clash = db
      .prepare('SELECT id FROM price_book_items WHERE lower(sku) = lower(?) AND deleted = 0 AND id != ?')
      .get(input.sku, input.id ?? '') as { id: string } | undefined;
    if (clash) throw serviceFailure('conflict', 'error.priceBook.skuTaken', { sku: input.sku });
    const id = input.id ?? newId();
    writeSyncedRow(db, 'price_book_items', id, {
      sku: input.sku,
      description: input.description,
      unit: input.unit,
      unit_price_minor: input.unitPriceMinor,
      currency: input.currency,
      recurring: input.recurring ? 1 : 0,
      quantity_rule: input.quantityRule,
    });
    return getPriceBookItem(db, id);
  })();

export const deletePriceBookItem = (db: Database, id: string): void =>
  db.transaction(() => {
    getPriceBookItem(db, id);
    tombstoneSyncedRow(db, 'price_book_items', id);
  })();
