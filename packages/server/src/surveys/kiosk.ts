import type { KioskKey } from '@sipas/schema';
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

/**
 * Kiosk keys lift the per-address limit for one counter tablet. Only hashes are stored. The table
 * is read on every kiosk request and never cached, so a revoked key is refused by the very next
 * request in every server process.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** How long the pairing QR shown in the desk works. */
export const PAIRING_MINUTES = 30;

interface KioskKeyRow {
  id: string;
  unit: string;
  label: string;
  sha256: string | null;
  pairing_expires_at: string | null;
  created_at: string;
  created_by: string | null;
  paired_at: string | null;
}

const view = (row: KioskKeyRow): KioskKey => ({
  id: row.id,
  label: row.label,
  createdAt: row.created_at,
  ...(row.created_by ? { createdBy: row.created_by } : {}),
  ...(row.paired_at ? { pairedAt: row.paired_at } : {}),
  ...(!row.paired_at && row.pairing_expires_at ? { pairingExpiresAt: row.pairing_expires_at } : {}),
});

const newKey = () => `kiosk_${randomBytes(24).toString('base64url')}`;
const newId = () => randomBytes(6).toString('hex');

/**
 * True when `key` is a live key of this unit. The lookup is by the key's SHA-256: comparing hashes
 * of 192-bit random keys leaks nothing a timing attack could use. A key of another unit, or a
 * revoked one, is refused like a wrong one.
 */
export async function isKioskKeyOf(db: Queryable, unit: string, key: string): Promise<boolean> {
  const row = await db.get('SELECT 1 AS ok FROM kiosk_keys WHERE sha256 = ? AND unit = ? AND revoked_at IS NULL', [sha256(key), unit]);
  return row !== undefined;
}

/** Issues a key directly (the command line, where the operator copies it onto the device). */
export async function issueKioskKey(db: Queryable, unit: string, label: string, createdBy?: string): Promise<string> {
  const key = newKey();
  const now = new Date().toISOString();
  await db.run('INSERT INTO kiosk_keys (id, unit, label, sha256, created_at, created_by, paired_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    newId(),
    unit,
    label,
    sha256(key),
    now,
    createdBy ?? null,
    now,
  ]);
  return key;
}

/**
 * Issues a key that waits for its tablet: the desk shows a one-time pairing code as a QR code; the
 * key itself is created only when the tablet presents the code, so a photo of a spent or expired
 * QR code is worth nothing.
 */
export async function issueKioskPairing(
  db: Queryable,
  unit: string,
  label: string,
  createdBy: string,
): Promise<{ key: KioskKey; code: string; expiresAt: string }> {
  const code = randomBytes(18).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000).toISOString();
  const row: KioskKeyRow = {
    id: newId(),
    unit,
    label,
    sha256: null,
    pairing_expires_at: expiresAt,
    created_at: now.toISOString(),
    created_by: createdBy,
    paired_at: null,
  };
  await db.run(
    'INSERT INTO kiosk_keys (id, unit, label, pairing_hash, pairing_expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [row.id, unit, label, sha256(code), expiresAt, row.created_at, createdBy],
  );
  return { key: view(row), code, expiresAt };
}

/** Spends a pairing code: the tablet gets its key once. Undefined for a wrong, spent, expired or revoked code. */
export async function pairKiosk(db: Queryable, unit: string, code: string): Promise<{ id: string; label: string; key: string } | undefined> {
  const key = newKey();
  const now = new Date().toISOString();
  const hash = sha256(code);
  const row = await db.get<KioskKeyRow>('SELECT * FROM kiosk_keys WHERE pairing_hash = ? AND unit = ?', [hash, unit]);
  if (!row) return undefined;
  // One statement decides: of two tablets scanning the same code, exactly one gets a key.
  const { changes } = await db.run(
    `UPDATE kiosk_keys SET sha256 = ?, paired_at = ?, pairing_hash = NULL, pairing_expires_at = NULL
     WHERE id = ? AND pairing_hash = ? AND revoked_at IS NULL AND pairing_expires_at > ?`,
    [sha256(key), now, row.id, hash, now],
  );
  return changes === 1 ? { id: row.id, label: row.label, key } : undefined;
}

/** The unit's keys that are not revoked, newest first, without any hash. */
export async function listKioskKeys(db: Queryable, unit: string): Promise<KioskKey[]> {
  const rows = await db.all<KioskKeyRow>('SELECT * FROM kiosk_keys WHERE unit = ? AND revoked_at IS NULL ORDER BY created_at DESC, id', [
    unit,
  ]);
  return rows.map(view);
}

/** Revokes a key by its id (a lost or stolen tablet); its label when there was one to revoke. */
export async function revokeKioskKey(db: Queryable, unit: string, id: string, revokedBy?: string): Promise<string | undefined> {
  const row = await db.get<KioskKeyRow>('SELECT * FROM kiosk_keys WHERE id = ? AND unit = ? AND revoked_at IS NULL', [id, unit]);
  if (!row) return undefined;
  await db.run('UPDATE kiosk_keys SET revoked_at = ?, revoked_by = ?, pairing_hash = NULL WHERE id = ?', [
    new Date().toISOString(),
    revokedBy ?? null,
    id,
  ]);
  return row.label;
}
