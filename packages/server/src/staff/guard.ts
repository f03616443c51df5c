import type { Queryable } from '../db/database.js';

/**
 * Per-account sign-in backoff, kept in the database so every server process sees the same count,
 * and independent of the caller's address (an attacker with many addresses gains nothing). The
 * first FREE_TRIES attempts since the last success are free; each one from then on locks the
 * account for twice as long as the last (15 s, 30 s, 1 min … up to an hour). An attempt is
 * claimed before the password is checked, with a compare-and-set on the count, so parallel
 * guesses cannot slip in between a failure and its lock. A success clears the count.
 */
export const FREE_TRIES = 3;
const FIRST_LOCK_SECONDS = 15;
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_TRIES));
}

interface GuardRow {
  failures: number | string;
  locked_until: string | null;
}

export type Claim = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Claims one sign-in attempt for the account; refused while the account is locked. */
export async function claimAttempt(db: Queryable, unit: string, username: string, now = new Date()): Promise<Claim> {
  const at = now.toISOString();
  const row = await db.get<GuardRow>('SELECT failures, locked_until FROM sign_in_failures WHERE unit = ? AND username = ?', [unit, username]);
  if (row?.locked_until && row.locked_until > at) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000)) };
  }
  const failures = Number(row?.failures ?? 0) + 1;
  const seconds = lockSeconds(failures);
  const lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
  const result = row
    ? await db.run(
        'UPDATE sign_in_failures SET failures = ?, locked_until = ?, last_failure_at = ? WHERE unit = ? AND username = ? AND failures = ?',
        [failures, lockedUntil, at, unit, username, failures - 1],
      )
    : await db.run(
        `INSERT INTO sign_in_failures (unit, username, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (unit, username) DO NOTHING`,
        [unit, username, failures, lockedUntil, at],
      );
  // Another attempt on the same account claimed it at the same moment: this one waits its turn.
  if (result.changes === 0) return { ok: false, retryAfterSeconds: Math.max(1, seconds || 1) };
  return { ok: true };
}

/** After a correct password: the count starts again. Also what an admin's unlock does. */
export async function clearAttempts(db: Queryable, unit: string, username: string): Promise<boolean> {
  const result = await db.run('DELETE FROM sign_in_failures WHERE unit = ? AND username = ?', [unit, username]);
  return result.changes > 0;
}
