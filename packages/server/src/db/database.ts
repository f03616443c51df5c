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
  /**
   * Inside a transaction: this transaction's batch of `kind` (made by `create` on first use),
   * written by the adapter just before COMMIT, in the same transaction. Absent outside one.
   */
  batch?<B extends CommitBatch>(kind: string, create: () => B): B;
}

/**
 * Sums a transaction adds to and writes once, just before its COMMIT. Under group commit the
 * members' batches are merged (a member rolled back to its savepoint takes its additions with it)
 * and written in one go: the same transaction and the same durability, fewer statements. What a
 * batch holds is not visible to the transaction's own reads before the commit.
 */
export interface CommitBatch {
  /** Adds another batch of the same kind to this one. */
  merge(other: CommitBatch): void;
  flush(tx: Queryable): Promise<void>;
}

/** The batches of one transaction (or of one member of a group), by kind. */
export class CommitBatches {
  private readonly byKind = new Map<string, CommitBatch>();

  get<B extends CommitBatch>(kind: string, create: () => B): B {
    let batch = this.byKind.get(kind);
    if (!batch) this.byKind.set(kind, (batch = create()));
    return batch as B;
  }

  /** Moves everything into `target` (a group's batches). */
  mergeInto(target: CommitBatches): void {
    for (const [kind, batch] of this.byKind) {
      const there = target.byKind.get(kind);
      if (there) there.merge(batch);
      else target.byKind.set(kind, batch);
    }
    this.byKind.clear();
  }

  async flush(tx: Queryable): Promise<void> {
    for (const batch of this.byKind.values()) await batch.flush(tx);
    this.byKind.clear();
  }

  /** `tx` handing out these batches. */
  on(tx: Queryable): Queryable {
    return {
      dialect: tx.dialect,
      ...(tx.scope ? { scope: tx.scope } : {}),
      all: <Row>(sql: string, params?: readonly SqlValue[]) => tx.all<Row>(sql, params),
      get: <Row>(sql: string, params?: readonly SqlValue[]) => tx.get<Row>(sql, params),
      run: (sql: string, params?: readonly SqlValue[]) => tx.run(sql, params),
      exec: (sql) => tx.exec(sql),
      batch: (kind, create) => this.get(kind, create),
    };
  }
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
