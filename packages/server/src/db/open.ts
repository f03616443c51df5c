import { resolve } from 'node:path';
import type { Database } from './database.js';
import { SqliteDatabase } from './sqlite.js';

/**
 * Opens the database named by a URL: `sqlite:./data/sipas.db` (or a bare path), `sqlite::memory:`.
 * PostgreSQL (`postgres://…`) plugs in here.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('PostgreSQL is not available in this build yet: use a sqlite: URL.');
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  return new SqliteDatabase(path === ':memory:' ? path : resolve(path));
}
