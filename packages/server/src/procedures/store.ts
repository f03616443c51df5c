import { canonicalJson, isOnline, type Procedure, type ProcedureList, type ProcedureSummary } from '@sipas/schema';
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

interface SummaryRow {
  code: string;
  name: string;
  level: string;
  field: string;
  online_level: string | null;
  online: number;
  updated_at: string;
}

export interface SaveOutcome {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}

const collator = new Intl.Collator('vi');

/** A unit's procedures; the list's ETag changes exactly when some procedure of the unit does. */
export class ProcedureStore {
  /** The last list built per unit, reused while its ETag holds. */
  private lists = new Map<string, { etag: string; list: ProcedureList }>();

  constructor(private readonly db: Database) {}

  /**
   * Adds or updates `procedures` for `unit` in one transaction: all or none. With `replace`, the
   * unit's procedures not in `procedures` are removed. Saving the same data again changes nothing.
   */
  /** `record` runs in the same transaction, e.g. to write the admin change log. */
  async save(
    unit: string,
    procedures: Procedure[],
    options: { replace?: boolean; record?: (tx: Queryable, outcome: SaveOutcome) => Promise<void> } = {},
  ): Promise<SaveOutcome> {
    return this.db.transaction(async (tx) => {
      const existing = new Map(
        (await tx.all<{ code: string; body_hash: string }>('SELECT code, body_hash FROM procedures WHERE unit = ?', [unit])).map(
          (row) => [row.code, row.body_hash],
        ),
      );
      const outcome: SaveOutcome = { added: 0, changed: 0, unchanged: 0, removed: 0 };
      for (const p of procedures) {
        const body = canonicalJson(p);
        const hash = sha256(body);
        const before = existing.get(p.code);
        existing.delete(p.code);
        if (before === hash) {
          outcome.unchanged++;
          continue;
        }
        if (before === undefined) outcome.added++;
        else outcome.changed++;
        await tx.run(
          `INSERT INTO procedures (unit, code, name, level, field, online_level, online, body, body_hash, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (unit, code) DO UPDATE SET name = excluded.name, level = excluded.level, field = excluded.field,
             online_level = excluded.online_level, online = excluded.online, body = excluded.body,
             body_hash = excluded.body_hash, updated_at = excluded.updated_at`,
          [unit, p.code, p.name, p.level, p.field, p.onlineLevel ?? null, isOnline(p) ? 1 : 0, body, hash, p.updatedAt],
        );
      }
      if (options.replace) {
        for (const code of existing.keys()) {
          await tx.run('DELETE FROM procedures WHERE unit = ? AND code = ?', [unit, code]);
          outcome.removed++;
        }
      }
      if (outcome.added || outcome.changed || outcome.removed || !(await this.etagIn(tx, unit))) await this.restamp(tx, unit);
      await options.record?.(tx, outcome);
      return outcome;
    });
  }

  /** What `save` would do, by code, without writing: the preview of an import. */
  async plan(unit: string, procedures: Procedure[], options: { replace?: boolean } = {}): Promise<{ added: string[]; changed: string[]; unchanged: number; removed: string[] }> {
    const existing = new Map(
      (await this.db.all<{ code: string; body_hash: string }>('SELECT code, body_hash FROM procedures WHERE unit = ?', [unit])).map((row) => [row.code, row.body_hash]),
    );
    const plan = { added: [] as string[], changed: [] as string[], unchanged: 0, removed: [] as string[] };
    for (const p of procedures) {
      const before = existing.get(p.code);
      existing.delete(p.code);
      if (before === undefined) plan.added.push(p.code);
      else if (before === sha256(canonicalJson(p))) plan.unchanged++;
      else plan.changed.push(p.code);
    }
    if (options.replace) plan.removed.push(...existing.keys());
    return plan;
  }

  private async etagIn(q: Queryable, unit: string): Promise<string | undefined> {
    return (await q.get<{ etag: string }>('SELECT etag FROM procedure_catalogues WHERE unit = ?', [unit]))?.etag;
  }

  /** The catalogue's ETag: a hash of every (code, body hash) of the unit, in code order. */
  private async restamp(tx: Queryable, unit: string): Promise<void> {
    const rows = await tx.all<{ code: string; body_hash: string }>(
      'SELECT code, body_hash FROM procedures WHERE unit = ? ORDER BY code',
      [unit],
    );
    const etag = `"${sha256(rows.map((r) => `${r.code}:${r.body_hash}`).join('\n')).slice(0, 32)}"`;
    const now = new Date().toISOString();
    await tx.run(
      `INSERT INTO procedure_catalogues (unit, etag, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (unit) DO UPDATE SET etag = excluded.etag, changed_at = excluded.changed_at`,
      [unit, etag, now],
    );
  }

  /** The catalogue's current ETag (a unit without procedures has the empty list's). */
  async etag(unit: string): Promise<string> {
    return (await this.etagIn(this.db, unit)) ?? `"empty"`;
  }

  async list(unit: string): Promise<{ etag: string; list: ProcedureList }> {
    const etag = await this.etag(unit);
    const cached = this.lists.get(unit);
    if (cached?.etag === etag) return cached;
    const rows = await this.db.all<SummaryRow>(
      'SELECT code, name, level, field, online_level, online, updated_at FROM procedures WHERE unit = ?',
      [unit],
    );
    const procedures: ProcedureSummary[] = rows
      .map((row) => ({
        code: row.code,
        name: row.name,
        level: row.level,
        field: row.field,
        ...(row.online_level ? { onlineLevel: row.online_level as 'full' | 'partial' } : {}),
        online: Boolean(Number(row.online)),
        updatedAt: row.updated_at,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const updatedAt = procedures.reduce<string | null>((max, p) => (max === null || p.updatedAt > max ? p.updatedAt : max), null);
    const entry = { etag, list: { unit, updatedAt, procedures } };
    this.lists.set(unit, entry);
    return entry;
  }

  async get(unit: string, code: string): Promise<{ etag: string; procedure: Procedure } | undefined> {
    const row = await this.db.get<{ body: string; body_hash: string }>(
      'SELECT body, body_hash FROM procedures WHERE unit = ? AND code = ?',
      [unit, code],
    );
    return row ? { etag: `"${row.body_hash.slice(0, 32)}"`, procedure: JSON.parse(row.body) as Procedure } : undefined;
  }

  async count(unit: string): Promise<number> {
    return Number((await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM procedures WHERE unit = ?', [unit]))?.n ?? 0);
  }
}
