import type { StaffAccount, StaffAccountPatch } from '@sipas/schema';
import { randomInt, randomUUID } from 'node:crypto';
import { UniqueViolation, type Queryable } from '../db/database.js';
import { hashPassword } from './store.js';

/** An account as its unit's admins manage it; passwords are never read back. */

interface AccountRow {
  id: string;
  unit: string;
  username: string;
  name: string;
  role: 'staff' | 'admin';
  disabled: number;
  created_at: string;
}

const account = (row: AccountRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  name: row.name,
  role: row.role,
  disabled: Boolean(row.disabled),
  createdAt: row.created_at,
});

/** No 0/O, 1/l/i: the password is read aloud or copied from a screen onto paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 16 characters from 31 (about 79 bits), in groups of four: `k7mq-x2pa-…`. */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A generated password and its hash, made before any transaction (scrypt takes ~50 ms; no lock is held meanwhile). */
export async function newPassword(): Promise<{ password: string; hash: string }> {
  const password = generatePassword();
  return { password, hash: await hashPassword(password) };
}

export class AccountConflict extends Error {
  override name = 'AccountConflict';
}

export async function listAccounts(db: Queryable, unit: string): Promise<StaffAccount[]> {
  const rows = await db.all<AccountRow>('SELECT * FROM staff_users WHERE unit = ? ORDER BY disabled, username', [unit]);
  return rows.map(account);
}

export async function findAccount(db: Queryable, unit: string, username: string): Promise<StaffAccount | undefined> {
  const row = await db.get<AccountRow>('SELECT * FROM staff_users WHERE unit = ? AND username = ?', [unit, username]);
  return row ? account(row) : undefined;
}

/** Creates an account with a generated password; throws AccountConflict when the username is taken. */
export async function addAccount(
  db: Queryable,
  unit: string,
  input: { username: string; name: string; role: 'staff' | 'admin' },
  secret: { password: string; hash: string },
): Promise<{ account: StaffAccount; password: string }> {
  const row: AccountRow = { id: randomUUID(), unit, ...input, disabled: 0, created_at: new Date().toISOString() };
  try {
    await db.run(
      'INSERT INTO staff_users (id, unit, username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [row.id, unit, row.username, row.name, row.role, secret.hash, row.created_at],
    );
  } catch (error) {
    if (error instanceof UniqueViolation) throw new AccountConflict(`Tên đăng nhập "${input.username}" đã có trong đơn vị.`);
    throw error;
  }
  return { account: account(row), password: secret.password };
}

/** Sets a new password (hash) and ends every session of the account. */
export async function setPassword(db: Queryable, unit: string, id: string, hash: string): Promise<boolean> {
  const { changes } = await db.run('UPDATE staff_users SET password_hash = ? WHERE unit = ? AND id = ?', [hash, unit, id]);
  if (changes === 0) return false;
  await db.run('DELETE FROM staff_sessions WHERE user_id = ?', [id]);
  return true;
}

/**
 * Changes name, role or disabled. Refuses (AccountConflict) a change that would leave the unit
 * without an enabled admin, so nobody can lock the unit out of its own admin area. Disabling ends
 * the account's sessions; a role change applies to the very next request (roles are read per request).
 */
export async function changeAccount(
  db: Queryable,
  unit: string,
  username: string,
  patch: StaffAccountPatch,
): Promise<{ before: StaffAccount; after: StaffAccount } | undefined> {
  const before = await findAccount(db, unit, username);
  if (!before) return undefined;
  const id = before.id;
  const after: StaffAccount = { ...before, ...patch };
  const losesAdmin = before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled);
  if (losesAdmin) {
    const others = await db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM staff_users WHERE unit = ? AND role = 'admin' AND disabled = 0 AND id <> ?",
      [unit, id],
    );
    if (Number(others?.n ?? 0) === 0) {
      throw new AccountConflict('Đây là quản trị viên cuối cùng còn hoạt động của đơn vị: hãy cấp quyền quản trị cho người khác trước.');
    }
  }
  await db.run('UPDATE staff_users SET name = ?, role = ?, disabled = ? WHERE unit = ? AND id = ?', [
    after.name,
    after.role,
    after.disabled ? 1 : 0,
    unit,
    id,
  ]);
  if (after.disabled) await db.run('DELETE FROM staff_sessions WHERE user_id = ?', [id]);
  return { before, after };
}
