import { z } from 'zod';
import { quantityRuleSchema } from './report-source';

const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code like EUR');

export const priceBookItemSchema = z.object({
  id: z.string(),
  sku: z.string(),
  description: z.string(),
  unit: z.string(),
  /** In minor units (cents): money is never a float. */
  unitPriceMinor: z.number().int(),
  currency: z.string(),
  recurring: z.boolean(),
  quantityRule: quantityRuleSchema,
  updatedAt: z.string(),
});
export type PriceBookItem = z.infer<typeof priceBookItemSchema>;

export const priceBookSaveSchema = z.object({
  id: z.uuid().optional(),
  sku: z
    .string()
    .trim()
    .min(1, 'SKU is required')
    .max(100, 'SKU must be at most 100 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'SKU may contain letters, digits, dot, dash, underscore and slash'),
  description: z.string().trim().min(1, 'Description is required').max(1_000),
  unit: z.string().trim().max(50).default('each'),
  unitPriceMinor: z.number().int('Price must be in cents').min(0, 'Price cannot be negative').max(100_000_000_000),
  currency: currencySchema,
  recurring: z.boolean().default(false),
  quantityRule: quantityRuleSchema.default('fixed'),
});
export type PriceBookSaveInput = z.input<typeof priceBookSaveSchema>;
