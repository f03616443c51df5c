import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  CommitBatches,
  UniqueViolation,
  type Database,
  type Queryable,
  type RunResult,
  type SqlValue,
  type TransactionOptions,
} from './database.js';

// COUNT(*), SUM() and BIGINT columns arrive as strings by default; our counts fit a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** `?` placeholders (the portable form feature code writes) → `$1, $2 …`, skipping quoted text. */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let index = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += `$${++index}`;
    } else {
      out += char;
    }
  }
  return out;
}

const statements = new Map<string, { name: string; text: string }>();

/**
 * A named (server-side prepared) statement per SQL text: each connection parses and plans it
 * once and then only binds and executes it, instead of parsing and planning at every call —
 * which for the ingest's multi-row upserts costs more than executing them.
 */
function prepared(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  let statement = statements.get(sql);
  if (!statement) {
    // Bounded by the program's SQL texts; past that, texts run unnamed (nothing kept per connection).
    if (statements.size >= 1_000) return { text: toPostgresPlaceholders(sql), values: params as unknown[] };
    statement = { name: `s${createHash('sha256').update(sql).digest('hex').slice(0, 20)}`, text: toPostgresPlaceholders(sql) };
    statements.set(sql, statement);
  }
  return { ...statement, values: params as unknown[] };
}

type Client = pg.Pool | pg.PoolClient;

interface PendingTransaction {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function queryable(client: Client, scope: object): Queryable {
  const query = async (sql: string, params: readonly SqlValue[] = []) => {
    try {
      return await client.query(prepared(sql, params));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new UniqueViolation((error as Error).message);
      throw error;
    }
  };
  return {
    dialect: 'postgres',
    scope,
    all: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as Row[],
    get: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as Row | undefined,
    run: async (sql: string, params?: readonly SqlValue[]): Promise<RunResult> => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

/**
 * PostgreSQL for units that outgrow one machine: several server processes share one database,
 * so nothing that must agree between them lives in a process's memory.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  readonly scope: object = this;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  constructor(private readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.direct = queryable(this.pool, this);
  }

  describe(): string {
    const parsed = new URL(this.url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  }

  all<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.direct.all<Row>(sql, params);
  }

  get<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.direct.get<Row>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.direct.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (options.group !== undefined) return this.grouped(options.group, work);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = queryable(client, this);
      const batches = new CommitBatches();
      const result = await work(batches.on(tx));
      await batches.flush(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Waiting transactions per group name; a name is present while its group is in flight. */
  private readonly groups = new Map<string, PendingTransaction[]>();
  /**
   * Bounds a group: each member is a subtransaction, and past 64 of them per transaction
   * PostgreSQL's snapshots stop fitting in shared memory (subtransaction overflow).
   */
  static readonly MAX_GROUP = 50;

  /**
   * Group commit, as the SQLite adapter does for every transaction: transactions of one group
   * arriving while the previous group of that name commits run together on one connection under
   * one BEGIN … COMMIT, each in a savepoint. Transactions that would each wait on the same row
   * lock and commit (fsync) one after another share one commit instead.
   */
  private grouped<T>(name: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item = { work, resolve, reject } as PendingTransaction;
      const waiting = this.groups.get(name);
      if (waiting) waiting.push(item);
      else {
        this.groups.set(name, []);
        void this.commitGroup(name, [item]);
      }
    });
  }

  private async commitGroup(name: string, group: PendingTransaction[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const tx = queryable(client, this);
      // The members' batches (result sums), merged as each member succeeds and written once before COMMIT.
      const batches = new CommitBatches();
      for (const [i, item] of group.entries()) {
        await client.query(i === 0 ? 'BEGIN; SAVEPOINT member' : 'RELEASE SAVEPOINT member; SAVEPOINT member');
        const own = new CommitBatches();
        try {
          outcomes.push({ ok: true, value: await item.work(own.on(tx)) });
          own.mergeInto(batches);
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT member');
          outcomes.push({ ok: false, value: error });
        }
      }
      await batches.flush(tx);
      await client.query('COMMIT');
      group.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      for (const item of group) item.reject(error);
    } finally {
      client?.release();
      const waiting = this.groups.get(name)!;
      if (waiting.length === 0) this.groups.delete(name);
      else void this.commitGroup(name, waiting.splice(0, PostgresDatabase.MAX_GROUP));
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
