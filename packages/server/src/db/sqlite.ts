import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CommitBatches,
  UniqueViolation,
  type Database,
  type Queryable,
  type RunResult,
  type SqlValue,
  type TransactionOptions,
} from './database.js';

interface PendingTransaction {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * SQLite through better-sqlite3: the embedded default. Calls are synchronous underneath; a
 * promise-chain lock keeps a transaction's statements from interleaving with other requests'.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // A 201 means the response is on disk: FULL syncs the WAL at every commit.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  describe(): string {
    return `sqlite:${this.file}`;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  readonly scope: object = this;

  private direct: Queryable = {
    dialect: 'sqlite',
    scope: this,
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      wrap(() => this.statement(sql).all(...params) as Row[]),
    get: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      wrap(() => this.statement(sql).get(...params) as Row | undefined),
    run: async (sql: string, params: readonly SqlValue[] = []): Promise<RunResult> =>
      wrap(() => ({ changes: this.statement(sql).run(...params).changes })),
    exec: async (sql: string) => wrap(() => void this.db.exec(sql)),
  };

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.lock.then(work, work);
    this.lock = result.catch(() => undefined);
    return result;
  }

  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.exclusive(() => this.direct.all<Row>(sql, params));
  }

  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.exclusive(() => this.direct.get<Row>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.exclusive(() => this.direct.run(sql, params));
  }

  /**
   * Group commit: transactions that arrive while the previous commit is syncing to disk are run
   * together under one BEGIN … COMMIT, each inside its own savepoint. A 201 still means on disk
   * (synchronous=FULL), but one fsync serves a whole group. A failing transaction rolls back
   * to its savepoint alone; its neighbours commit. (`options.group` changes nothing here: one
   * connection writes, so every transaction is in the one group.)
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve, reject } as PendingTransaction);
      if (!this.groupScheduled) {
        this.groupScheduled = true;
        setImmediate(() => void this.commitGroup());
      }
    });
  }

  private pending: PendingTransaction[] = [];
  private groupScheduled = false;
  /** Bounds the time one group holds the write lock. */
  static readonly MAX_GROUP = 256;

  private commitGroup(): Promise<void> {
    return this.exclusive(async () => {
      // The group is what has arrived by the time the lock is free, not what had arrived when
      // this one was scheduled.
      this.groupScheduled = false;
      const group = this.pending.splice(0, SqliteDatabase.MAX_GROUP);
      if (this.pending.length > 0) {
        this.groupScheduled = true;
        setImmediate(() => void this.commitGroup());
      }
      if (group.length === 0) return;
      const outcomes: { ok: boolean; value: unknown }[] = [];
      // The members' batches (result sums), merged as each member succeeds and written once before COMMIT.
      const batches = new CommitBatches();
      try {
        this.db.exec('BEGIN IMMEDIATE');
        for (const item of group) {
          this.db.exec('SAVEPOINT member');
          const own = new CommitBatches();
          try {
            const value = await item.work(own.on(this.direct));
            this.db.exec('RELEASE member');
            own.mergeInto(batches);
            outcomes.push({ ok: true, value });
          } catch (error) {
            this.db.exec('ROLLBACK TO member');
            this.db.exec('RELEASE member');
            outcomes.push({ ok: false, value: error });
          }
        }
        await batches.flush(this.direct);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const item of group) item.reject(error);
        return;
      }
      group.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
    });
  }

  async exec(sql: string): Promise<void> {
    await this.exclusive(async () => wrap(() => this.db.exec(sql)));
  }

  async close(): Promise<void> {
    await this.exclusive(async () => this.db.close());
  }

  /**
   * A consistent copy of the live database into `destination` (SQLite's online backup API): the
   * server keeps answering while pages are copied; the copy is one moment of the database.
   */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }
}

function wrap<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new UniqueViolation((error as Error).message);
    }
    throw error;
  }
}
