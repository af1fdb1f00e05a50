import pg from 'pg';
import type { Querier, SqlDriver, SqlParam } from './sql-driver';

/** `?` → `$1, $2, …`; our SQL never has a literal question mark. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** BIGINT columns hold counters well inside 2^53: read them as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** PostgreSQL, for partners who run several stateless hub instances against one database. */
export const openPostgresDriver = (connectionString: string): SqlDriver => {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client losing its connection must not crash the hub; the next query reconnects.
  pool.on('error', () => undefined);

  const queryWith = async <T extends object>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []): Promise<T[]> =>
    (await client.query(numbered(sql), params as SqlParam[])).rows as T[];

  return {
    dialect: 'postgres',
    query: (sql, params) => queryWith(pool, sql, params),
    script: async (sql) => void (await pool.query(sql)),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const inside: Querier = {
          query: (sql, params) => queryWith(client, sql, params),
          script: async (sql) => void (await client.query(sql)),
        };
        const result = await work(inside);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back (the server went away) is destroyed, not reused.
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
};
