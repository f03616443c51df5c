import {
  checkpointText,
  fromHex,
  parseCosignerKey,
  parseSignedNote,
  verifyConsistency,
  verifyCosignature,
  type CosignatureSubmission,
  type LogWitness,
  type WitnessCosignature,
} from '@sipas/schema';
import { ProblemError } from '../http/problem.js';
import type { StoredUnit, UnitStore } from '../units/store.js';
import type { BallotBox } from './box.js';
import { ed25519Verify, nodeSha256 } from './crypto.js';

/** The witnesses a unit registered (unit settings `witnesses`). */
export function witnessesOf(unit: StoredUnit): LogWitness[] {
  return (unit.settings.witnesses as LogWitness[] | undefined) ?? [];
}

/** Registers a witness's cosigner key (C2SP tlog-cosignature); replaces one of the same name. */
export async function addWitness(units: UnitStore, unit: StoredUnit, label: string, cosignerKey: string): Promise<LogWitness> {
  const key = parseCosignerKey(cosignerKey, nodeSha256);
  const witness: LogWitness = { label, cosignerKey: cosignerKey.trim(), addedAt: new Date().toISOString() };
  const others = witnessesOf(unit).filter((w) => parseCosignerKey(w.cosignerKey, nodeSha256).name !== key.name);
  const { settings: _s, ...plain } = unit;
  await units.upsert(plain, { witnesses: [...others, witness] });
  return witness;
}

export async function removeWitness(units: UnitStore, unit: StoredUnit, name: string): Promise<boolean> {
  const remaining = witnessesOf(unit).filter((w) => parseCosignerKey(w.cosignerKey, nodeSha256).name !== name);
  if (remaining.length === witnessesOf(unit).length) return false;
  const { settings: _s, ...plain } = unit;
  await units.upsert(plain, { witnesses: remaining });
  return true;
}

interface CosignatureRow {
  witness: string;
  size: number | string;
  root: string;
  signed_time: number | string;
  line: string;
}

const bad = (title: string, detail?: string) =>
  new ProblemError(400, title, {
    code: 'cosignature_invalid',
    ...(detail ? { detail } : {}),
    errors: [{ path: 'cosignature', code: 'cosignature_invalid', message: title }],
  });

/**
 * Accepts a witness's cosignature of the unit's checkpoint of `size`: the line must be by a
 * registered witness key and verify over that very checkpoint. Kept once per witness and size.
 */
export async function acceptCosignature(
  box: BallotBox,
  unit: StoredUnit,
  submission: CosignatureSubmission,
): Promise<{ cosignature: WitnessCosignature; created: boolean }> {
  const head = await box.head(unit.id);
  if (submission.size > head.size) throw bad(`Hòm phiếu mới có ${head.size} phiếu, chưa có điểm kiểm tra cỡ ${submission.size}.`);
  const checkpoint = await box.checkpoint(unit.id, submission.size);
  let signature;
  try {
    signature = parseSignedNote(`x\n\n${submission.cosignature.trim()}\n`).signatures[0]!;
  } catch (error) {
    throw bad('Dòng chữ ký đồng ký sai định dạng.', (error as Error).message);
  }
  const witness = witnessesOf(unit)
    .map((w) => ({ w, key: parseCosignerKey(w.cosignerKey, nodeSha256) }))
    .find(({ key }) => key.name === signature.name && key.keyId === signature.keyId);
  if (!witness) throw bad('Khoá này không phải khoá giám sát viên đơn vị đã đăng ký.', `Khoá ${signature.name} chưa được đăng ký (sipas-server witness-key).`);
  const text = checkpoint.note.slice(0, checkpoint.note.indexOf('\n\n') + 1);
  const verified = await verifyCosignature(text, signature, witness.key, ed25519Verify);
  if (!verified) throw bad('Chữ ký đồng ký không khớp với điểm kiểm tra này.', `Điểm kiểm tra cỡ ${submission.size} có mã gốc ${checkpoint.root}.`);
  const line = `${submission.cosignature.trim()}\n`;
  const existing = await box.db.get<CosignatureRow>(
    'SELECT witness, size, root, signed_time, line FROM log_cosignatures WHERE unit = ? AND witness = ? AND size = ?',
    [unit.id, signature.name, submission.size],
  );
  if (existing && existing.root === checkpoint.root) return { cosignature: toPayload(existing, witness.w.label), created: false };
  await box.db.run(
    `INSERT INTO log_cosignatures (unit, witness, size, root, signed_time, line, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit, witness, size) DO UPDATE SET root = excluded.root, signed_time = excluded.signed_time, line = excluded.line, received_at = excluded.received_at`,
    [unit.id, signature.name, submission.size, checkpoint.root, verified.time, line, new Date().toISOString()],
  );
  return {
    cosignature: toPayload({ witness: signature.name, size: submission.size, root: checkpoint.root, signed_time: verified.time, line }, witness.w.label),
    created: true,
  };
}

function toPayload(row: CosignatureRow, label: string): WitnessCosignature {
  return { witness: row.witness, label, size: Number(row.size), root: row.root, time: Number(row.signed_time), line: row.line };
}

/** Cosignature lines of the checkpoint of `size` with `root`, to append to the served note. */
export async function cosignatureLines(box: BallotBox, unit: StoredUnit, size: number, root: string): Promise<string> {
  const registered = new Set(witnessesOf(unit).map((w) => parseCosignerKey(w.cosignerKey, nodeSha256).name));
  const rows = await box.db.all<CosignatureRow>(
    'SELECT witness, size, root, signed_time, line FROM log_cosignatures WHERE unit = ? AND size = ? AND root = ? ORDER BY witness',
    [unit.id, size, root],
  );
  return rows.filter((row) => registered.has(row.witness)).map((row) => row.line).join('');
}

/**
 * For the minutes: each registered witness's latest cosigned checkpoint no larger than `size`,
 * and whether the box at `size` (root `root`) still extends it. A rewrite of history after a
 * witnessed checkpoint shows here as `consistent: false` — the admin can re-sign with the
 * unit's key, but cannot make the witness's signature cover the new tree.
 */
export async function cosignaturesForMinutes(box: BallotBox, unit: StoredUnit, size: number, root: string): Promise<WitnessCosignature[]> {
  const out: WitnessCosignature[] = [];
  for (const witness of witnessesOf(unit)) {
    const key = parseCosignerKey(witness.cosignerKey, nodeSha256);
    const row = await box.db.get<CosignatureRow>(
      `SELECT witness, size, root, signed_time, line FROM log_cosignatures
        WHERE unit = ? AND witness = ? AND size <= ? ORDER BY size DESC LIMIT 1`,
      [unit.id, key.name, size],
    );
    if (!row) continue;
    // The stored line must still be the witness's signature over the stored root: re-check it.
    const note = checkpointText(box.origin(unit.id), Number(row.size), fromHex(row.root));
    const signature = parseSignedNote(`x\n\n${row.line}`).signatures[0]!;
    const signed = await verifyCosignature(note, signature, key, ed25519Verify);
    const proof = await box.tree(unit.id).consistency(Number(row.size), size);
    const consistent =
      signed !== undefined &&
      verifyConsistency(Number(row.size), size, proof.map(fromHex), fromHex(row.root), fromHex(root), nodeSha256);
    out.push({ ...toPayload(row, witness.label), consistent });
  }
  return out;
}
