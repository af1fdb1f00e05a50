import { describe, expect, it } from 'vitest';
import { refusalOf, writeRules } from '../../../shared/sync/write-rights';

const write = (over: Partial<Parameters<typeof refusalOf>[2]>): Parameters<typeof refusalOf>[2] => ({
  role: 'engineer',
  deviceId: 'me',
  rowOwner: null,
  parentOwner: undefined,
  ...over,
});

describe('who may write a synced table at the hub', () => {
  it('lets anyone in the partner add an export record or a comment, and only the device that made it change it', () => {
    for (const table of ['report_exports', 'case_comments'] as const) {
      const rule = writeRules[table];
      // A new row, from an engineer or an account manager, on anyone's case.
      expect(refusalOf(rule, table, write({}))).toBeNull();
      expect(refusalOf(rule, table, write({ role: 'account-manager' }))).toBeNull();
      // Its own row again.
      expect(refusalOf(rule, table, write({ rowOwner: 'me' }))).toBeNull();
    }
    expect(refusalOf(writeRules.report_exports, 'report_exports', write({ rowOwner: 'other' }))).toBe('Only the laptop that made it can change a report exports row');
    expect(refusalOf(writeRules.case_comments, 'case_comments', write({ rowOwner: 'other' }))).toBe('Only the author can change a comment');
  });

  it("keeps an engineer's rows to their own case, and proposals and reference data to their roles", () => {
    expect(refusalOf(writeRules.answers, 'answers', write({ parentOwner: 'other' }))).toBe('A answers row cannot be added to another device\'s cases row');
    expect(refusalOf(writeRules.answers, 'answers', write({ parentOwner: 'me' }))).toBeNull();
    expect(refusalOf(writeRules.proposals, 'proposals', write({}))).toMatch(/Only an account manager or admin/);
    expect(refusalOf(writeRules.price_book_items, 'price_book_items', write({ role: 'account-manager' }))).toMatch(/Only a partner admin/);
  });
});
