import { fromHex, parseVerifierKey } from '@sipas/schema';
import type { ServerConfig } from '../config.js';
import type { Database, SqlValue } from '../db/database.js';
import { audit, parseExport } from '../log/audit.js';
import { BallotBox } from '../log/box.js';
import { nodeSha256 } from '../log/crypto.js';
import { exportLogText } from '../log/export.js';

/** Tables the copy leaves out: the migration record belongs to each database itself. */
const NOT_COPIED = new Set(['schema_migrations']);

/** The application's tables in creation order (parents before children), from SQLite's catalogue. */
export async function sqliteTables(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
  return rows.map((r) => r.name).filter((name) => !NOT_COPIED.has(name));
}

export async function rowCounts(db: Database, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0);
  return counts;
}

/** Units rows with each parent before its children (the table refers to itself). */
function parentsFirst(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let left = rows;
  while (left.length) {
    const ready = left.filter((r) => r.parent === null || placed.has(r.parent) || !rows.some((p) => p.id === r.parent));
    if (ready.length === 0) throw new Error('units: a cycle of parents');
    for (const r of ready) placed.add(r.id);
    out.push(...ready);
    left = left.filter((r) => !ready.includes(r));
  }
  return out;
}

/**
 * Copies every row of a SQLite database into a migrated, empty PostgreSQL database, table by
 * table in one transaction: all or nothing. Identity columns keep their values and their
 * sequences continue after the largest.
 */
export async function copySqliteToPostgres(source: Database, target: Database, progress: (line: string) => void = () => undefined): Promise<string[]> {
  const tables = await sqliteTables(source);
  const targetTables = new Set(
    (await target.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")).map((r) => r.table_name),
  );
  const busy: string[] = [];
  for (const table of tables) {
    if (!targetTables.has(table)) throw new Error(`PostgreSQL has no table ${table}: are both databases on the same version? (sipas-server migrate)`);
    const n = Number((await target.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0);
    // The presets (questionnaires) are written by every start; anything else means a used database.
    if (n > 0 && table !== 'questionnaires') busy.push(`${table} (${n})`);
  }
  if (busy.length) throw new Error(`the PostgreSQL database is not empty: ${busy.join(', ')}. Use a new, empty database.`);
  await target.transaction(async (tx) => {
    await tx.run('DELETE FROM questionnaires');
    for (const table of tables) {
      const columns = (await tx.all<{ column_name: string; is_identity: string }>(
        'SELECT column_name, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
        [table],
      ));
      const sourceColumns = new Set((await source.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((c) => c.name));
      const shared = columns.filter((c) => sourceColumns.has(c.column_name));
      const names = shared.map((c) => c.column_name);
      const identity = shared.filter((c) => c.is_identity === 'YES').map((c) => c.column_name);
      let rows = await source.all<Record<string, unknown>>(`SELECT ${names.join(', ')} FROM ${table}`);
      if (table === 'units') rows = parentsFirst(rows);
      const batch = Math.max(1, Math.floor(5000 / Math.max(1, names.length)));
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const values = chunk.map(() => `(${names.map(() => '?').join(', ')})`).join(', ');
        const params = chunk.flatMap((row) => names.map((n) => row[n] as SqlValue));
        await tx.run(`INSERT INTO ${table} (${names.join(', ')})${identity.length ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES ${values}`, params);
      }
      for (const column of identity) {
        await tx.get(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), GREATEST((SELECT MAX(${column}) FROM ${table}), 1))`);
      }
      progress(`  ${table}: ${rows.length}`);
    }
  });
  return tables;
}

export interface BoxState {
  unit: string;
  ok: boolean;
  /** The signed checkpoint: tree size and root hash; equal notes mean equal ballot boxes. */
  checkpoint: string;
}

/** Audits every unit's ballot box in a database: the export checked against the signed checkpoint. */
export async function auditAll(config: ServerConfig, db: Database): Promise<BoxState[]> {
  const box = BallotBox.open(config, db);
  const units = (await db.all<{ unit: string }>('SELECT DISTINCT unit FROM log_leaves ORDER BY unit')).map((r) => r.unit);
  const states: BoxState[] = [];
  for (const unit of units) {
    const checkpoint = (await box.checkpoint(unit)).note;
    const report = await audit({
      key: parseVerifierKey(box.key(unit).verifierKey, nodeSha256),
      checkpoint,
      export: parseExport(await exportLogText(box, unit)),
      consistencyProof: async (from, to) => (await box.tree(unit).consistency(from, to)).map(fromHex),
    });
    states.push({ unit, ok: report.ok, checkpoint });
  }
  return states;
}
