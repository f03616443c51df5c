/**
 * The storage seam. Feature code writes portable SQL with `?` placeholders against this
 * interface; each database adapter (SQLite, PostgreSQL) translates and executes it.
 * Everything is async so that a networked database fits the same code.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface RunResult {
  changes: number;
}

export interface Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * The same object for every connection and transaction of one database: a key for
   * per-database caches in memory. What such a cache holds is a guess the database must confirm
   * (another process, or a rolled-back transaction, may have changed the rows since).
   */
  readonly scope?: object;
  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: all of it commits or none of it does. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A short description for /healthz and logs, never containing a password. */
  describe(): string;
  close(): Promise<void>;
}

/** Thrown for a UNIQUE or PRIMARY KEY violation, whatever the database calls it. */
export class UniqueViolation extends Error {
  constructor(readonly detail: string) {
    super(`unique constraint violated: ${detail}`);
    this.name = 'UniqueViolation';
  }
}
