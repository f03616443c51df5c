import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';

/** Where the versioned migrations live: `NNNN_name.sql`, or `NNNN_name.sqlite.sql` / `.postgres.sql`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  file: string;
  sql: string;
}

export function listMigrations(dialect: Database['dialect'], dir = MIGRATIONS_DIR): Migration[] {
  const byVersion = new Map<string, Migration>();
  for (const file of readdirSync(dir).sort()) {
    const match = /^(\d{4})_[a-z0-9_-]+(?:\.(sqlite|postgres))?\.sql$/.exec(file);
    if (!match) continue;
    const [, version, only] = match as unknown as [string, string, string | undefined];
    if (only && only !== dialect) continue;
    if (byVersion.has(version) && !only) continue; // a dialect-specific file wins over the common one
    byVersion.set(version, { version, file, sql: readFileSync(`${dir}/${file}`, 'utf8') });
  }
  return [...byVersion.values()].sort((a, b) => a.version.localeCompare(b.version));
}

/** Applies every migration not yet applied, each in its own transaction. Returns what it applied. */
/** Any fixed number: the PostgreSQL advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 7270_2026;

/**
 * Applies every migration not yet applied, each in its own transaction. Several server processes
 * may start at once against one database: each migration is checked and applied under a lock
 * (an advisory lock on PostgreSQL, the write lock on SQLite), so it runs exactly once.
 */
export async function migrate(db: Database): Promise<string[]> {
  const exclusively = <T>(work: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      return work(tx);
    });
  await exclusively((tx) =>
    tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, file TEXT NOT NULL, applied_at TEXT NOT NULL)'),
  );
  const done: string[] = [];
  for (const migration of listMigrations(db.dialect)) {
    try {
      const applied = await exclusively(async (tx) => {
        if (await tx.get('SELECT 1 AS found FROM schema_migrations WHERE version = ?', [migration.version])) return false;
        await tx.exec(migration.sql);
        await tx.run('INSERT INTO schema_migrations (version, file, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.file,
          new Date().toISOString(),
        ]);
        return true;
      });
      if (applied) done.push(migration.file);
    } catch (error) {
      throw new Error(`migration ${migration.file} failed: ${(error as Error).message}`);
    }
  }
  return done;
}

/** Migrations not yet applied (for the readiness check): none when the database is current. */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const rows = await db.all<{ version: string }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  return listMigrations(db.dialect).filter((m) => !applied.has(m.version)).map((m) => m.file);
}
