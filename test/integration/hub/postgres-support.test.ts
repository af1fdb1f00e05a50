import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../support/postgres';

describe('test PostgreSQL cluster', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(() => cluster?.stop());

  it('hands out separate empty databases on loopback', async () => {
    const a = await cluster.newDatabase();
    const b = await cluster.newDatabase();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\//);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    const rows = (await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows;
    await client.end();
    expect(rows[0].n).toBe(0);
  });
});
