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

export interface TransactionOptions {
  group?: string;
}

export interface Database extends Queryable {
  /**
   * Runs `work` in one transaction: all of it commits or none of it does. With `group`, the
   * adapter may run it together with other transactions of the same group under one commit, each
   * in its own savepoint (a failing one rolls back alone). SQLite groups every transaction anyway;
   * PostgreSQL groups only those that name the same group, one group in flight per name, so put
   * in a group only transactions that serialize on the same rows regardless (a unit's ballot-box
   * head) and that take that row first, so that groups never wait on each other in a cycle.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
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
