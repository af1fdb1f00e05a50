import type { Migration } from './migration';

/** The partner's price book: what a proposal line can be made of. Prices in minor units. */
export const priceBook: Migration = {
  version: 9,
  name: 'price book items',
  up: (db) => {
    db.exec(`
      CREATE TABLE price_book_items (
        id TEXT PRIMARY KEY,
        sku TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 100),
        description TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT 'each',
        unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
        quantity_rule TEXT NOT NULL DEFAULT 'fixed' CHECK (quantity_rule IN ('per_user', 'per_device', 'per_site', 'fixed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        origin_device TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX price_book_items_live_sku ON price_book_items (lower(sku)) WHERE deleted = 0;
    `);
  },
};
