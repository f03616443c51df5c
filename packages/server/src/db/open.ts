import { resolve } from 'node:path';
import type { Database } from './database.js';
import { PostgresDatabase } from './postgres.js';
import { SqliteDatabase } from './sqlite.js';

/**
 * Opens the database named by a URL: `sqlite:./data/sipas.db` (or a bare path), `sqlite::memory:`,
 * or `postgres://user:password@host:5432/db`.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const db = new PostgresDatabase(url);
    await db.get('SELECT 1 AS ok'); // fail at start, with the driver's message, not at the first request
    return db;
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  return new SqliteDatabase(path === ':memory:' ? path : resolve(path));
}
