import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckpointerData } from './checkpointer.js';
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
 *
 * Durability: a write resolves only once it is on disk, as with `synchronous=FULL`, but the sync
 * runs off the event loop. SQLite runs with `synchronous=NORMAL` (in WAL mode it syncs around
 * checkpoints, not at commits), and after each commit this class syncs the WAL file itself with
 * an asynchronous fdatasync, resolving the commit's callers when it completes. While the disk
 * works, the next requests are parsed, validated and written. Reads wait for every earlier write
 * to be on disk, so nobody sees (or signs a checkpoint over) what a power cut could take back.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    const journal = String(this.db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
    // A 201 means the response is on disk: NORMAL syncs the WAL and the database around every
    // checkpoint, and durable() syncs the WAL after every commit (together, FULL's guarantee).
    // Where WAL is impossible (a file system without shared memory), SQLite's own FULL does it.
    this.walFile = file !== ':memory:' && journal === 'wal' ? `${file}-wal` : undefined;
    this.db.pragma(this.walFile ? 'synchronous = NORMAL' : 'synchronous = FULL');
    if (this.walFile) this.db.pragma(`wal_autocheckpoint = ${SqliteDatabase.BACKSTOP_CHECKPOINT_PAGES}`);
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

  private readonly walFile: string | undefined;
  private wal: Promise<FileHandle> | undefined;
  /** The sync in flight, and the one queued behind it for writes made after it began. */
  private syncing: Promise<void> | undefined;
  private queuedSync: Promise<void> | undefined;
  /** Writes made, and how many of them a completed sync covers (for tests and metrics). */
  writes = 0;
  durableWrites = 0;

  /** SQLite's default is 1,000 pages; the checkpointer thread keeps the WAL far below this. */
  static readonly BACKSTOP_CHECKPOINT_PAGES = 10_000;
  private checkpointer: { worker: Worker; commits: Int32Array } | undefined;

  /** Counts a commit, and tells the checkpointer thread (started with the first one) about it. */
  private committed(): void {
    this.writes++;
    if (!this.walFile) return;
    if (!this.checkpointer) {
      const data: CheckpointerData = { file: this.file, commits: new SharedArrayBuffer(4), intervalMs: 100 };
      const worker = new Worker(new URL('./checkpointer.js', import.meta.url), { workerData: data });
      worker.unref(); // never what keeps the process alive
      let fellBack = false;
      const fallBack = (reason: unknown) => {
        if (fellBack || this.checkpointer?.worker !== worker) return; // said once; or closing
        fellBack = true;
        // The writer checkpoints for itself again, as SQLite does by default.
        if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
        process.emitWarning(`SQLite checkpointer thread: ${String((reason as Error)?.message ?? reason)}; the writer checkpoints itself`);
      };
      worker.on('error', fallBack);
      worker.on('exit', (code) => fallBack(`exited (${code})`));
      worker.on('message', (message: { error?: string }) => message.error && fallBack(message.error));
      this.checkpointer = { worker, commits: new Int32Array(data.commits) };
    }
    Atomics.add(this.checkpointer.commits, 0, 1);
  }

  /**
   * Resolves once every write made so far is on disk: one fdatasync of the WAL file, started
   * after those writes, in libuv's thread pool. Callers that arrive during a sync share the next
   * one. The WAL is written in order, so a sync that covers a write covers every write before it.
   */
  private durable(): Promise<void> {
    if (!this.walFile || this.writes === this.durableWrites) return Promise.resolve();
    if (!this.syncing) {
      const covers = this.writes;
      const walFile = this.walFile;
      this.syncing = (async () => {
        try {
          this.wal ??= open(walFile, 'r+');
          await (await this.wal).datasync();
          this.durableWrites = Math.max(this.durableWrites, covers);
        } catch (error) {
          this.wal = undefined;
          throw error;
        } finally {
          this.syncing = undefined;
        }
      })();
      return this.syncing;
    }
    this.queuedSync ??= this.syncing
      .catch(() => undefined)
      .then(() => {
        this.queuedSync = undefined;
        return this.durable();
      });
    return this.queuedSync;
  }

  /**
   * A read runs at once (it never holds the writers up), but its rows are handed out only once
   * every write it could have seen is on disk: nobody sees, or signs a checkpoint over, what a
   * power cut could take back.
   */
  private async read<T>(work: () => Promise<T>): Promise<T> {
    const rows = await this.exclusive(work);
    await this.durable();
    return rows;
  }

  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.read(() => this.direct.all<Row>(sql, params));
  }

  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.read(() => this.direct.get<Row>(sql, params));
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    const result = await this.exclusive(async () => {
      const outcome = await this.direct.run(sql, params);
      if (outcome.changes > 0) this.committed();
      return outcome;
    });
    await this.durable();
    return result;
  }

  /**
   * Group commit: transactions that arrive while the previous commit is syncing to disk are run
   * together under one BEGIN … COMMIT, each inside its own savepoint. A 201 still means on disk
   * (each group's WAL is synced before its callers resolve), but one sync serves a whole group. A failing transaction rolls back
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
      // The previous group's sync comes first: meanwhile requests keep arriving and being parsed,
      // and they all join this group, so one sync still serves many (as a blocking one did).
      await this.syncing?.catch(() => undefined);
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
        this.statement('BEGIN IMMEDIATE').run();
        for (const item of group) {
          this.statement('SAVEPOINT member').run();
          const own = new CommitBatches();
          try {
            const value = await item.work(own.on(this.direct));
            this.statement('RELEASE member').run();
            own.mergeInto(batches);
            outcomes.push({ ok: true, value });
          } catch (error) {
            this.statement('ROLLBACK TO member').run();
            this.statement('RELEASE member').run();
            outcomes.push({ ok: false, value: error });
          }
        }
        await batches.flush(this.direct);
        this.statement('COMMIT').run();
        this.committed();
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const item of group) item.reject(error);
        return;
      }
      // The lock is free for the next group while this one's WAL frames reach the disk.
      void this.durable().then(
        () => group.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value))),
        (error: unknown) => group.forEach((item) => item.reject(error)),
      );
    });
  }

  async exec(sql: string): Promise<void> {
    await this.exclusive(async () => {
      wrap(() => this.db.exec(sql));
      this.committed();
    });
    await this.durable();
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.durable().catch(() => undefined);
      await (await this.wal)?.close().catch(() => undefined);
      await this.stopCheckpointer();
      this.db.close();
    });
  }

  /** Closes the thread's connection first, so that this one, the last, checkpoints the WAL away. */
  private async stopCheckpointer(): Promise<void> {
    const worker = this.checkpointer?.worker;
    if (!worker) return;
    this.checkpointer = undefined;
    worker.ref(); // closing waits for it
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('close');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    await worker.terminate();
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
