import {
  decodeDossierToken,
  DOSSIER_TOKEN_DEFAULT_DAYS,
  dossierSigningMessage,
  dossierTokenBody,
  encodeDossierToken,
  vietnamDate,
  type DossierClaimFields,
} from '@sipas/schema';
import { ed25519Verify } from '../log/crypto.js';
import { ProblemError } from '../http/problem.js';
import type { StoredUnit } from '../units/store.js';
import type { DossierKeys } from './keys.js';

const DAY_MS = 86_400_000;
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days a unit's tokens stay usable after their issue date. */
export function tokenDays(unit: StoredUnit): number {
  const days = unit.settings.dossierTokenDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : DOSSIER_TOKEN_DEFAULT_DAYS;
}

export interface SignedToken extends DossierClaimFields {
  token: string;
  expires: string;
  keyId: string;
}

/** Signs a token for a dossier of `unit` with the unit's dossier key. */
export function signDossierToken(keys: DossierKeys, unit: StoredUnit, fields: DossierClaimFields): SignedToken {
  const key = keys.forUnit(unit.id);
  const body = dossierTokenBody(fields, key.keyId);
  const token = encodeDossierToken(body, key.sign(dossierSigningMessage(unit.id, body)));
  return { ...fields, token, expires: addDays(fields.issued, tokenDays(unit)), keyId: key.keyIdHex };
}

export interface VerifiedToken extends DossierClaimFields {
  expires: string;
}

const HELP = 'Xin hỏi cán bộ Bộ phận Một cửa để được in lại mã QR, hoặc trả lời phiếu không gắn hồ sơ.';

/**
 * Checks a token against the unit's key: well-formed, signed by this unit's key, issued no later
 * than tomorrow and used within the unit's days. Throws a 400 problem saying which, in Vietnamese.
 */
export function verifyDossierToken(keys: DossierKeys, unit: StoredUnit, token: string, path = 'token', now = new Date()): VerifiedToken {
  const refuse = (code: string, title: string, detail: string): never => {
    throw new ProblemError(400, title, { code, detail, errors: [{ path, code, message: title }] });
  };
  let decoded;
  try {
    decoded = decodeDossierToken(token);
  } catch {
    return refuse('dossier_token_invalid', 'Mã QR hồ sơ không đọc được.', `Mã bị thiếu hoặc sai ký tự (có thể do chép tay hay quét không hết). ${HELP}`);
  }
  const key = keys.forUnit(unit.id);
  if (decoded.keyId !== key.keyId) {
    return refuse(
      'dossier_token_foreign',
      'Mã QR này không phải của đơn vị này.',
      `Mã QR được ký bằng khoá của đơn vị khác, không phải ${unit.name}. Xin quét mã trên phiếu hẹn do ${unit.name} cấp. ${HELP}`,
    );
  }
  if (!ed25519Verify(dossierSigningMessage(unit.id, decoded.signedBytes), decoded.signature, key.publicKey)) {
    return refuse(
      'dossier_token_forged',
      'Mã QR hồ sơ không có chữ ký hợp lệ của đơn vị.',
      `Mã hồ sơ, thủ tục hoặc ngày trong mã đã bị sửa, hoặc mã không do ${unit.name} cấp. ${HELP}`,
    );
  }
  const today = vietnamDate(now);
  const expires = addDays(decoded.issued, tokenDays(unit));
  if (decoded.issued > addDays(today, 1)) {
    return refuse('dossier_token_expired', 'Mã QR hồ sơ mang ngày cấp trong tương lai.', `Ngày cấp ${decoded.issued} chưa tới. ${HELP}`);
  }
  if (today > expires) {
    return refuse(
      'dossier_token_expired',
      'Mã QR hồ sơ đã hết hạn đánh giá.',
      `Mã cấp ngày ${decoded.issued}, dùng được đến hết ngày ${expires} (${tokenDays(unit)} ngày). ${HELP}`,
    );
  }
  return { dossier: decoded.dossier, procedure: decoded.procedure, issued: decoded.issued, expires };
}
