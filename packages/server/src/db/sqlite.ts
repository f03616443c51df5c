import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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
  private readonly wal: string | undefined;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // A 201 means the response is on disk. SQLite would sync the WAL inside COMMIT (FULL), on the
    // event loop's thread; instead every write is followed by an fsync of the WAL on libuv's
    // thread pool (durable(), below) before anyone learns of it, so the loop keeps parsing and
    // validating the next requests meanwhile. NORMAL still syncs around checkpoints; a file in
    // memory has nothing to sync.
    this.wal = file === ':memory:' ? undefined : `${file}-wal`;
    this.db.pragma(this.wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
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

  /**
   * Waits until everything committed so far is on disk: fsync of the WAL file (any descriptor
   * of the file syncs it). Called inside the lock after every write, so no statement — no read,
   * no resend check, no checkpoint signing — sees a write before it is durable, as with FULL.
   */
  private async durable(): Promise<void> {
    if (!this.wal) return;
    // One handle for the connection's life: SQLite keeps the WAL file (same inode) while a
    // connection is open, and this one stays open until close().
    try {
      await (await (this.walHandle ??= open(this.wal, 'r'))).sync();
      return;
    } catch {
      // A handle that failed is opened anew; an error then is the caller's.
    }
    const stale = this.walHandle;
    void stale?.then((handle) => handle.close()).catch(() => undefined);
    const fresh = (this.walHandle = open(this.wal, 'r'));
    await (await fresh).sync();
  }

  private walHandle: Promise<FileHandle> | undefined;

  /** A statement outside a transaction: run it, and make it durable if it wrote. */
  private async single<T>(sql: string, work: () => Promise<T>): Promise<T> {
    const result = await work();
    if (!this.statement(sql).readonly) await this.durable();
    return result;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.lock.then(work, work);
    this.lock = result.catch(() => undefined);
    return result;
  }

  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.exclusive(() => this.single(sql, () => this.direct.all<Row>(sql, params)));
  }

  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.exclusive(() => this.single(sql, () => this.direct.get<Row>(sql, params)));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.exclusive(() => this.single(sql, () => this.direct.run(sql, params)));
  }

  /**
   * Group commit: transactions that arrive while the previous commit is syncing to disk are run
   * together under one BEGIN … COMMIT, each inside its own savepoint. A 201 still means on disk
   * (the WAL is synced before any member is answered), but one fsync serves a whole group. A
   * failing transaction rolls back to its savepoint alone; its neighbours commit. (`options.group` changes nothing here: one
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
      // The group is what has arrived by the time the lock is free — everything that came in
      // while the previous group was syncing — not what had arrived when this one was scheduled.
      this.groupScheduled = false;
      const group = this.pending.splice(0, SqliteDatabase.MAX_GROUP);
      if (this.pending.length > 0) {
        this.groupScheduled = true;
        setImmediate(() => void this.commitGroup());
      }
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
        // Nobody is answered before the group is on disk (see the constructor).
        await this.durable();
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const item of group) item.reject(error);
        return;
      }
      group.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
    });
  }

  async exec(sql: string): Promise<void> {
    await this.exclusive(async () => {
      wrap(() => this.db.exec(sql));
      await this.durable();
    });
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.db.close();
      const handle = this.walHandle;
      this.walHandle = undefined;
      await (await handle?.catch(() => undefined))?.close();
    });
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
