/**
 * Dossier tokens (mã QR hồ sơ có chữ ký): what the receipt's QR code carries so that only the
 * citizen holding the receipt can rate the dossier. The unit signs, with its own Ed25519 dossier
 * key, the dossier code, the procedure code and the issue date; the server accepts a dossier claim
 * only with a token its unit signed. Zod-free, so the browser and any one-stop system can use it.
 *
 * Byte format, version 1 (docs/survey.md gives the same table for a provincial system):
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       4     key id: SHA-256(unit's 32-byte Ed25519 public key)[0..4]
 *   5       2     issue date: days since 1970-01-01, unsigned big-endian
 *   7       1     P = length of the procedure code in bytes (0–32)
 *   8       P     procedure code, UTF-8 (may be empty)
 *   8+P     1     D = length of the dossier code in bytes (1–64)
 *   9+P     D     dossier code, UTF-8 (letters, digits and . _ / -)
 *   9+P+D   64    Ed25519 signature over SIGNING_PREFIX ‖ unit id ‖ 0x0A ‖ bytes 0 … 8+P+D
 *
 * The token is those bytes in base64url without padding (RFC 4648 §5): about 140 characters for
 * a typical dossier, which fits a QR code of version 8–10 on a receipt.
 */
import { concat, fromBase64Url, toBase64Url, utf8, type Bytes } from './log/bytes.js';
import { sha256, type HashFunction } from './log/hash.js';

export const DOSSIER_TOKEN_VERSION = 1;
/** Domain separation: a dossier signature can never be mistaken for any other signature. */
export const DOSSIER_TOKEN_SIGNING_PREFIX = 'sipas-dossier-token/1\n';
/** Days a token may be used after its issue date, unless the unit sets another number. */
export const DOSSIER_TOKEN_DEFAULT_DAYS = 90;
/** Dossier codes as the survey accepts them. */
export const DOSSIER_CODE = /^[\p{L}\p{N}._/-]{1,64}$/u;
/** Procedure codes inside a token (national database codes such as 1.001193; may be empty). */
export const TOKEN_PROCEDURE_CODE = /^[\p{L}\p{N}._/-]{0,32}$/u;
/** The longest token the format allows, in characters (a length bound for request validation). */
export const DOSSIER_TOKEN_MAX_LENGTH = 300;

export interface DossierClaimFields {
  dossier: string;
  /** '' when the token names no procedure. */
  procedure: string;
  /** Issue date, YYYY-MM-DD (the day the receipt was issued, Vietnam time). */
  issued: string;
}

export interface DecodedDossierToken extends DossierClaimFields {
  keyId: number;
  /** The bytes the signature covers, after the unit's prefix (see dossierSigningMessage). */
  signedBytes: Bytes;
  signature: Bytes;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Key id of a dossier public key: the first four bytes of its SHA-256, as a uint32. */
export function dossierKeyId(publicKey: Bytes, hash: HashFunction = sha256): number {
  const digest = hash(publicKey);
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** The bytes of a token before its signature; throws with a reason when a field does not fit. */
export function dossierTokenBody(fields: DossierClaimFields, keyId: number): Bytes {
  if (!DOSSIER_CODE.test(fields.dossier)) throw new Error('invalid dossier code');
  if (!TOKEN_PROCEDURE_CODE.test(fields.procedure)) throw new Error('invalid procedure code');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.issued) || dateOf(dayNumber(fields.issued)) !== fields.issued) throw new Error('invalid issue date');
  const day = dayNumber(fields.issued);
  if (day < 0 || day > 0xffff) throw new Error('issue date out of range');
  const procedure = utf8(fields.procedure);
  const dossier = utf8(fields.dossier);
  if (procedure.length > 32 || dossier.length > 64) throw new Error('code too long');
  return concat(
    new Uint8Array([DOSSIER_TOKEN_VERSION, keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255, day >> 8, day & 255]),
    new Uint8Array([procedure.length]),
    procedure,
    new Uint8Array([dossier.length]),
    dossier,
  );
}

/** What the unit's key signs: the prefix, the unit id and a newline, then the token body. */
export function dossierSigningMessage(unit: string, body: Bytes): Bytes {
  return concat(utf8(`${DOSSIER_TOKEN_SIGNING_PREFIX}${unit}\n`), body);
}

/** The token text from its body and the 64-byte Ed25519 signature. */
export function encodeDossierToken(body: Bytes, signature: Bytes): string {
  if (signature.length !== 64) throw new Error('an Ed25519 signature is 64 bytes');
  return toBase64Url(concat(body, signature));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a token's fields without checking its signature; throws with a reason when malformed. */
export function decodeDossierToken(token: string): DecodedDossierToken {
  if (token.length > DOSSIER_TOKEN_MAX_LENGTH) throw new Error('token too long');
  const bytes = fromBase64Url(token);
  if (bytes.length < 9 + 1 + 64) throw new Error('token too short');
  if (bytes[0] !== DOSSIER_TOKEN_VERSION) throw new Error(`unknown token version ${bytes[0]}`);
  const keyId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  const day = (bytes[5]! << 8) | bytes[6]!;
  const p = bytes[7]!;
  const d = bytes[8 + p];
  if (d === undefined || bytes.length !== 9 + p + d + 64) throw new Error('token length does not match its fields');
  const procedure = decoder.decode(bytes.slice(8, 8 + p));
  const dossier = decoder.decode(bytes.slice(9 + p, 9 + p + d));
  if (!DOSSIER_CODE.test(dossier)) throw new Error('invalid dossier code');
  if (!TOKEN_PROCEDURE_CODE.test(procedure)) throw new Error('invalid procedure code');
  return {
    keyId,
    issued: dateOf(day),
    procedure,
    dossier,
    signedBytes: bytes.slice(0, 9 + p + d),
    signature: bytes.slice(9 + p + d),
  };
}
