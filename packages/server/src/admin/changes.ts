import type { AdminAction, AdminChange, AdminChangeList } from '@sipas/schema';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../context.js';

/** The author of a change made with `sipas-server` on the command line, which has no account. */
export const COMMAND_LINE: Actor = { id: null, name: 'Dòng lệnh (sipas-server)' };

interface ChangeRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: AdminAction;
  target: string;
  detail: string;
}

/** Writes one entry of the unit's change log; call it in the transaction that makes the change. */
export async function recordChange(
  db: Queryable,
  unit: string,
  actor: Actor,
  action: AdminAction,
  target: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.run(
    'INSERT INTO admin_changes (id, unit, at, actor_id, actor_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [randomUUID(), unit, new Date().toISOString(), actor.id, actor.name, action, target, JSON.stringify(detail)],
  );
}

const cursor = (row: { at: string; id: string }) => Buffer.from(`${row.at}|${row.id}`).toString('base64url');

/** A page of the unit's change log, newest first; `before` is the previous page's `next`. */
export async function listChanges(db: Queryable, unit: string, options: { before?: string; limit?: number } = {}): Promise<AdminChangeList> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const [at, id] = options.before ? Buffer.from(options.before, 'base64url').toString('utf8').split('|') : [];
  const rows =
    at && id
      ? await db.all<ChangeRow>(
          'SELECT * FROM admin_changes WHERE unit = ? AND (at < ? OR (at = ? AND id < ?)) ORDER BY at DESC, id DESC LIMIT ?',
          [unit, at, at, id, limit + 1],
        )
      : await db.all<ChangeRow>('SELECT * FROM admin_changes WHERE unit = ? ORDER BY at DESC, id DESC LIMIT ?', [unit, limit + 1]);
  const changes: AdminChange[] = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
  return { changes, ...(rows.length > limit ? { next: cursor(rows[limit - 1]!) } : {}) };
}
