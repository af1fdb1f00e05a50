import BetterSqlite3 from 'better-sqlite3';
import type { Querier, SqlDriver, SqlParam } from './sql-driver';

/**
 * The embedded store: one SQLite file, WAL, full fsync. better-sqlite3 is synchronous, so only
 * the awaits inside a transaction can interleave; a promise queue keeps every other statement
 * out of an open transaction (SQLite has one writer anyway).
 */
export const openSqliteDriver = (file: string): SqlDriver => {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  // Preparing is a large part of a small statement's cost: keep each one (our SQL is a fixed set).
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const run = <T extends object>(sql: string, params: readonly SqlParam[] = []): T[] => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (prepared.size < 500) prepared.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {
      // handled: the caller awaiting `next` gets this failure; the queue only waits for it to settle.
      return undefined;
    });
    return next;
  };

  const inside: Querier = { query: async (sql, params) => run(sql, params), script: async (sql) => void db.exec(sql) };

  return {
    dialect: 'sqlite',
    query: (sql, params) => serialised(async () => run(sql, params)),
    script: (sql) => serialised(async () => void db.exec(sql)),
    transaction: (work) =>
      serialised(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(inside);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await serialised(async () => db.close());
    },
  };
};
