import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredUnit, UnitStore } from '../units/store.js';

/** A kiosk key as stored in the unit's settings: only its hash, never the key itself. */
export interface KioskKeyRecord {
  id: string;
  label: string;
  sha256: string;
  createdAt: string;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function kioskKeys(unit: StoredUnit): KioskKeyRecord[] {
  return (unit.settings.kioskKeys as KioskKeyRecord[] | undefined) ?? [];
}

/** True when `key` was issued by this unit. A key of another unit is refused like a wrong one. */
export function isKioskKeyOf(unit: StoredUnit, key: string): boolean {
  const hash = Buffer.from(hashKey(key), 'hex');
  return kioskKeys(unit).some((record) => timingSafeEqual(Buffer.from(record.sha256, 'hex'), hash));
}

/** Issues a new kiosk key for a unit and returns it; only its hash is kept. */
export async function issueKioskKey(units: UnitStore, unitId: string, label: string): Promise<string> {
  const unit = await units.get(unitId);
  if (!unit) throw new Error(`no unit "${unitId}"`);
  const key = `kiosk_${randomBytes(24).toString('base64url')}`;
  const record: KioskKeyRecord = {
    id: randomBytes(4).toString('hex'),
    label,
    sha256: hashKey(key),
    createdAt: new Date().toISOString(),
  };
  await units.upsert(unit, { kioskKeys: [...kioskKeys(unit), record] });
  return key;
}

/** The unit's kiosk keys, without their hashes. */
export async function listKioskKeys(units: UnitStore, unitId: string): Promise<Omit<KioskKeyRecord, 'sha256'>[]> {
  const unit = await units.get(unitId);
  if (!unit) throw new Error(`no unit "${unitId}"`);
  return kioskKeys(unit).map(({ sha256: _hash, ...rest }) => rest);
}

/** Revokes a kiosk key by its id (a lost or stolen tablet); false when there was none. */
export async function revokeKioskKey(units: UnitStore, unitId: string, id: string): Promise<boolean> {
  const unit = await units.get(unitId);
  if (!unit) throw new Error(`no unit "${unitId}"`);
  const remaining = kioskKeys(unit).filter((record) => record.id !== id);
  if (remaining.length === kioskKeys(unit).length) return false;
  await units.upsert(unit, { kioskKeys: remaining });
  return true;
}
