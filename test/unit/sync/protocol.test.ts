import { describe, expect, it } from 'vitest';
import {
  blobRefsOf,
  enrollCodeSchema,
  isReferenceTable,
  pullQuerySchema,
  pushRequestSchema,
  seesAllPartnerCases,
  type PushedMutation,
} from '../../../shared/sync/protocol';
import { enrollInputSchema, hubUrlSchema } from '../../../shared/sync/sync-status';

const m = (seq: number, extra: Partial<PushedMutation> = {}): PushedMutation => ({
  seq,
  mutationId: `m${seq}`,
  table: 'cases',
  rowId: '0190a000-0000-7000-8000-000000000001',
  op: 'upsert',
  fields: { title: 't' },
  hlc: '0001700000000-00000-dev',
  originDevice: 'dev',
  ...extra,
});

describe('sync protocol schemas', () => {
  it('a push batch needs increasing seqs, known tables and HLC timestamps', () => {
    expect(pushRequestSchema.safeParse({ mutations: [m(1), m(5), m(6)] }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ mutations: [m(2), m(2)] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: [m(3), m(1)] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: [] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: [m(0)] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: [{ ...m(1), table: 'devices' }] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: [m(1, { hlc: 'yesterday' })] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ mutations: Array.from({ length: 1_001 }, (_, i) => m(i + 1)) }).success).toBe(false);
  });

  it('enrollment codes are normalised and checked', () => {
    expect(enrollCodeSchema.parse(' gw-abcd-2345-wxyz-9876 ')).toBe('GW-ABCD-2345-WXYZ-9876');
    expect(enrollCodeSchema.safeParse('GW-ABCD').success).toBe(false);
  });

  it('pull queries coerce the query string and cap the page', () => {
    expect(pullQuerySchema.parse({ cursor: '12', limit: '50' })).toEqual({ cursor: 12, limit: 50 });
    expect(pullQuerySchema.parse({})).toEqual({ cursor: 0, limit: 500 });
    expect(pullQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ cursor: '-1' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ scope: 'everything' }).success).toBe(false);
  });

  it('finds blob references by the _sha256 field suffix', () => {
    const sha = 'a'.repeat(64);
    expect(blobRefsOf({ photo_sha256: sha, note: sha, logo_sha256: 'short', other_sha256: null })).toEqual([sha]);
  });

  it('roles and reference tables', () => {
    expect(seesAllPartnerCases('engineer')).toBe(false);
    expect(seesAllPartnerCases('account-manager')).toBe(true);
    expect(seesAllPartnerCases('admin')).toBe(true);
    expect(isReferenceTable('branding_profiles')).toBe(true);
    expect(isReferenceTable('price_book_items')).toBe(true);
    expect(isReferenceTable('cases')).toBe(false);
  });

  it('hub addresses must be plain http(s) without credentials', () => {
    expect(hubUrlSchema.parse('https://hub.example.com/')).toBe('https://hub.example.com');
    expect(hubUrlSchema.parse('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of ['ftp://hub', 'hub.example.com', 'https://user:pw@hub.example.com', 'javascript:alert(1)', '']) {
      expect(hubUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(enrollInputSchema.parse({ hubUrl: 'https://h.example', code: 'x' })).toEqual({ hubUrl: 'https://h.example', code: 'x', deviceName: '' });
  });
});
