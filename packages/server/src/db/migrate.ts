import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

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
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, file TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (await db.all<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version),
  );
  const done: string[] = [];
  for (const migration of listMigrations(db.dialect)) {
    if (applied.has(migration.version)) continue;
    try {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.run('INSERT INTO schema_migrations (version, file, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.file,
          new Date().toISOString(),
        ]);
      });
    } catch (error) {
      throw new Error(`migration ${migration.file} failed: ${(error as Error).message}`);
    }
    done.push(migration.file);
  }
  return done;
}
