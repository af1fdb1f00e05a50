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
export interface PostgresDriverOptions {
  /** A connection that broke outside any query (the server restarted): logged, never fatal. */
  readonly onConnectionError?: (error: Error) => void;
}

export const openPostgresDriver = (connectionString: string, options: PostgresDriverOptions = {}): SqlDriver => {
  // Fail fast while the server is down, so a request gets its 503 rather than hanging.
  const pool = new pg.Pool({ connectionString, max: 10, types, connectionTimeoutMillis: 5_000 });
  const onConnectionError = options.onConnectionError ?? ((error: Error) => process.stderr.write(`groundwork-hub: database connection lost: ${error.message}\n`));
  // An idle client losing its connection must not crash the hub; the next query reconnects.
  pool.on('error', onConnectionError);

  const queryWith = async <T extends object>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []): Promise<T[]> =>
    (await client.query(numbered(sql), params as SqlParam[])).rows as T[];

  return {
    dialect: 'postgres',
    query: (sql, params) => queryWith(pool, sql, params),
    script: async (sql) => void (await pool.query(sql)),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // The pool only listens on idle clients: a server shutdown (57P01) during this transaction
      // would be an unhandled 'error' event and kill the process. The query in flight fails too,
      // and that failure is what the caller sees.
      const onError = (error: Error): void => {
        broken = error;
        onConnectionError(error);
      };
      client.on('error', onError);
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
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
};
