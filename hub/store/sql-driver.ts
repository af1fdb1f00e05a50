/** The one thing the two storage adapters differ in: how SQL reaches the database. */
export type SqlDialect = 'sqlite' | 'postgres';
export type SqlParam = string | number | null | Buffer;
export type Row = Record<string, unknown>;

export interface Querier {
  /** Runs one statement; `?` placeholders, in order. Returns the rows it produced (if any). */
  query<T extends object = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  script(sql: string): Promise<void>;
}

export interface SqlDriver extends Querier {
  readonly dialect: SqlDialect;
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (q: Querier) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
