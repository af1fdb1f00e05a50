import { describe, expect, it } from 'vitest';
import { checkHubMigrationList, hubMigrations, latestHubSchemaVersion, type HubMigration } from '../../../hub/store/hub-migrations';

const named = (version: number): HubMigration => ({ version, name: `m${version}`, sql: { sqlite: '', postgres: '' } });

describe('hub migration numbering', () => {
  it('the shipped list is 1..n with no gap, and the latest version is its length', () => {
    expect(() => checkHubMigrationList(hubMigrations)).not.toThrow();
    expect(hubMigrations.map((m) => m.version)).toEqual(Array.from({ length: hubMigrations.length }, (_, i) => i + 1));
    expect(latestHubSchemaVersion).toBe(hubMigrations.length);
  });

  it('refuses a gap, a repeat and a list out of order', () => {
    // 1, 2, 4: a hub at 4 would never have run a later-added 3.
    expect(() => checkHubMigrationList([named(1), named(2), named(4)])).toThrow('Hub migration "m4" is numbered 4; the next number is 3');
    // Two branches both took 2.
    expect(() => checkHubMigrationList([named(1), named(2), named(2)])).toThrow(/numbered 2; the next number is 3/);
    expect(() => checkHubMigrationList([named(2), named(1)])).toThrow(/numbered 2; the next number is 1/);
  });
});
