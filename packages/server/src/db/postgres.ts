import pg from 'pg';
import { UniqueViolation, type Database, type Queryable, type RunResult, type SqlValue } from './database.js';

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

type Client = pg.Pool | pg.PoolClient;

function queryable(client: Client, scope: object): Queryable {
  const query = async (sql: string, params: readonly SqlValue[] = []) => {
    try {
      return await client.query(toPostgresPlaceholders(sql), params as unknown[]);
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

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(queryable(client, this));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
