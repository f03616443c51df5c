import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { StaffMember } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { claimAttempt, clearAttempts } from './guard.js';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** scrypt with N=2^15, r=8, p=1: about 50 ms and 32 MiB per check, as OWASP suggests. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SESSION_HOURS = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  // NFC, as the sign-in route hands it over: the same password typed on any keyboard matches.
  const key = await scrypt(password.normalize('NFC'), salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return timingSafeEqual(key, expected);
}

export type SignInOutcome =
  | { kind: 'signed-in'; session: { token: string; expiresAt: string; staff: StaffMember } }
  | { kind: 'failed' }
  | { kind: 'locked'; retryAfterSeconds: number };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
  id: string;
  unit: string;
  username: string;
  name: string;
  role: 'staff' | 'admin';
  password_hash: string;
  disabled: number;
}

const member = (row: UserRow): StaffMember => ({ id: row.id, unit: row.unit, role: row.role, name: row.name });

// Checked against when the user does not exist, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export class StaffStore {
  constructor(private readonly db: Database) {}

  async addUser(input: { unit: string; username: string; name: string; role: 'staff' | 'admin'; password: string }): Promise<StaffMember> {
    if (input.password.length < 10) throw new Error('a staff password needs at least 10 characters');
    const id = randomUUID();
    await this.db.run(
      'INSERT INTO staff_users (id, unit, username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, input.unit, input.username, input.name, input.role, await hashPassword(input.password), new Date().toISOString()],
    );
    return { id, unit: input.unit, role: input.role, name: input.name };
  }

  async findUser(unit: string, username: string): Promise<StaffMember | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM staff_users WHERE unit = ? AND username = ?', [unit, username]);
    return row ? member(row) : undefined;
  }

  /**
   * Checks the password and opens a session; `failed` for any wrong detail, without saying which;
   * `locked` while the account's backoff lasts (the password is then not even checked).
   */
  async signIn(unit: string, username: string, password: string): Promise<SignInOutcome> {
    const claim = await claimAttempt(this.db, unit, username);
    if (!claim.ok) return { kind: 'locked', retryAfterSeconds: claim.retryAfterSeconds };
    const row = await this.db.get<UserRow>('SELECT * FROM staff_users WHERE unit = ? AND username = ?', [unit, username]);
    if (!row || row.disabled) {
      await verifyPassword(password, await (dummyHash ??= hashPassword('not-a-password')));
      return { kind: 'failed' };
    }
    if (!(await verifyPassword(password, row.password_hash))) return { kind: 'failed' };
    await clearAttempts(this.db, unit, username);
    const token = `st_${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await this.db.run('INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      tokenHash(token),
      row.id,
      now.toISOString(),
      expiresAt,
    ]);
    return { kind: 'signed-in', session: { token, expiresAt, staff: member(row) } };
  }

  /** An admin's unlock: forgets the account's failed sign-ins. False when there is no such account. */
  async unlock(unit: string, username: string): Promise<boolean> {
    if (!(await this.findUser(unit, username))) return false;
    await clearAttempts(this.db, unit, username);
    return true;
  }

  async fromToken(token: string): Promise<StaffMember | undefined> {
    const row = await this.db.get<UserRow & { expires_at: string }>(
      `SELECT u.*, s.expires_at FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
       WHERE s.token_hash = ?`,
      [tokenHash(token)],
    );
    if (!row || row.disabled || row.expires_at <= new Date().toISOString()) return undefined;
    return member(row);
  }

  async signOut(token: string): Promise<void> {
    await this.db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash(token)]);
  }
}
