/**
 * Signed notes and checkpoints (C2SP signed-note, C2SP tlog-checkpoint): formatting, parsing and
 * verifying them. Ed25519 verification is passed in (`verify`), since it needs a real crypto library.
 */
import { concat, fromBase64, toBase64, utf8, type Bytes } from './bytes.js';
import { sha256, type HashFunction } from './hash.js';

export interface NoteSignature {
  name: string;
  /** uint32 key id, big-endian. */
  keyId: number;
  signature: Bytes;
}

export interface SignedNote {
  /** The signed text, including its final newline. */
  text: string;
  signatures: NoteSignature[];
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Bytes;
  /** Extension lines after the root, if any (kept, never interpreted). */
  extensions: string[];
}

/** Ed25519 signature type byte of C2SP signed-note. */
export const ED25519_SIGNATURE_TYPE = 0x01;

const validKeyName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

/** key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4], big-endian. */
export function noteKeyId(name: string, publicKey: Bytes, hash: HashFunction = sha256): number {
  const digest = hash(concat(utf8(name), new Uint8Array([0x0a, ED25519_SIGNATURE_TYPE]), publicKey));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** The body of a checkpoint: origin, tree size, base64 root, each ending in a newline. */
export function checkpointText(origin: string, size: number, root: Bytes): string {
  if (!validKeyName(origin)) throw new Error(`invalid origin: ${origin}`);
  return `${origin}\n${size}\n${toBase64(root)}\n`;
}

/** A signature line: "— <key name> <base64(key id ‖ signature)>". */
export function signatureLine(name: string, keyId: number, signature: Bytes): string {
  const id = new Uint8Array([keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255]);
  return `\u2014 ${name} ${toBase64(concat(id, signature))}\n`;
}

/** Splits a signed note into its text and signatures. Throws with a reason when malformed. */
export function parseSignedNote(note: string): SignedNote {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Error('note contains control characters');
  if (!note.endsWith('\n')) throw new Error('note does not end in a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw new Error(`malformed signature line: ${line.slice(0, 40)}`);
    const raw = fromBase64(match[2]!);
    if (raw.length < 5) throw new Error('signature too short');
    signatures.push({
      name: match[1]!,
      keyId: ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0,
      signature: raw.slice(4),
    });
  }
  if (signatures.length === 0) throw new Error('note has no signatures');
  if (signatures.length > 100) throw new Error('too many signatures');
  return { text, signatures };
}

/** Reads a checkpoint's text: at least three non-empty lines, decimal size, 32-byte base64 root. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  lines.pop(); // the text ends in a newline
  if (lines.length < 3 || lines.some((line) => line === '')) throw new Error('checkpoint needs origin, size and root');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) throw new Error('invalid tree size');
  const root = fromBase64(rootLine);
  if (root.length !== 32) throw new Error('root hash is not 32 bytes');
  return { origin, size: Number(sizeLine), root, extensions };
}

/** A verifier key in the usual text form: `<name>+<hex key id>+<base64(0x01 ‖ public key)>`. */
export function formatVerifierKey(name: string, publicKey: Bytes, hash: HashFunction = sha256): string {
  const id = noteKeyId(name, publicKey, hash).toString(16).padStart(8, '0');
  return `${name}+${id}+${toBase64(concat(new Uint8Array([ED25519_SIGNATURE_TYPE]), publicKey))}`;
}

export interface VerifierKey {
  name: string;
  keyId: number;
  publicKey: Bytes;
}

export function parseVerifierKey(vkey: string, hash: HashFunction = sha256): VerifierKey {
  const match = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim());
  if (!match) throw new Error('not a verifier key (name+keyid+base64)');
  const raw = fromBase64(match[3]!);
  if (raw.length !== 33 || raw[0] !== ED25519_SIGNATURE_TYPE) throw new Error('not an Ed25519 verifier key');
  const publicKey = raw.slice(1);
  const keyId = parseInt(match[2]!, 16) >>> 0;
  if (noteKeyId(match[1]!, publicKey, hash) !== keyId) throw new Error('verifier key id does not match its key');
  return { name: match[1]!, keyId, publicKey };
}

/** Ed25519 verification, supplied by the caller (node:crypto, WebCrypto, a library). */
export type Ed25519Verify = (message: Bytes, signature: Bytes, publicKey: Bytes) => boolean | Promise<boolean>;

export type CheckpointFailure = 'malformed' | 'no_trusted_signature' | 'bad_signature' | 'wrong_origin';

export type CheckpointVerification =
  | { ok: true; checkpoint: Checkpoint; note: SignedNote }
  | { ok: false; reason: CheckpointFailure; detail: string };

/**
 * Verifies a signed checkpoint against the one key the verifier trusts. Signatures by other keys
 * are ignored (as the spec requires); if none is by the trusted key, or its signature fails, the
 * checkpoint is refused. `origin`, when given, must match too.
 */
export async function verifyCheckpoint(
  noteText: string,
  trusted: VerifierKey,
  verify: Ed25519Verify,
  options: { origin?: string } = {},
): Promise<CheckpointVerification> {
  let note: SignedNote;
  let checkpoint: Checkpoint;
  try {
    note = parseSignedNote(noteText);
    checkpoint = parseCheckpointText(note.text);
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: (error as Error).message };
  }
  const mine = note.signatures.filter((s) => s.name === trusted.name && s.keyId === trusted.keyId);
  if (mine.length === 0) {
    const others = note.signatures.map((s) => `${s.name} ${s.keyId.toString(16).padStart(8, '0')}`).join(', ');
    return { ok: false, reason: 'no_trusted_signature', detail: `signed by ${others}` };
  }
  for (const signature of mine) {
    if (!(await verify(utf8(note.text), signature.signature, trusted.publicKey))) {
      return { ok: false, reason: 'bad_signature', detail: 'the signature does not verify' };
    }
  }
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    return { ok: false, reason: 'wrong_origin', detail: `origin ${checkpoint.origin}, expected ${options.origin}` };
  }
  return { ok: true, checkpoint, note };
}

// Witness cosignatures (C2SP tlog-cosignature, cosignature/v1): a witness signs a checkpoint it has
// checked to be consistent with the last one it saw, with its own key and a timestamp.

/** Signature type byte of an Ed25519 cosignature/v1 key. */
export const COSIGNATURE_TYPE = 0x04;

/** key ID = SHA-256(key name ‖ 0x0A ‖ 0x04 ‖ 32-byte Ed25519 public key)[:4]. */
export function cosignerKeyId(name: string, publicKey: Bytes, hash: HashFunction = sha256): number {
  const digest = hash(concat(utf8(name), new Uint8Array([0x0a, COSIGNATURE_TYPE]), publicKey));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

/** What a witness signs: "cosignature/v1\ntime <seconds>\n" followed by the checkpoint text. */
export function cosignatureMessage(checkpointText: string, time: number): Bytes {
  return utf8(`cosignature/v1\ntime ${time}\n${checkpointText}`);
}

/** A cosigner key as text: `<name>+<hex key id>+<base64(0x04 ‖ public key)>`. */
export function formatCosignerKey(name: string, publicKey: Bytes, hash: HashFunction = sha256): string {
  if (!validKeyName(name)) throw new Error(`invalid key name: ${name}`);
  const id = cosignerKeyId(name, publicKey, hash).toString(16).padStart(8, '0');
  return `${name}+${id}+${toBase64(concat(new Uint8Array([COSIGNATURE_TYPE]), publicKey))}`;
}

export function parseCosignerKey(vkey: string, hash: HashFunction = sha256): VerifierKey {
  const match = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim());
  if (!match) throw new Error('not a cosigner key (name+keyid+base64)');
  const raw = fromBase64(match[3]!);
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_TYPE) throw new Error('not an Ed25519 cosignature/v1 key');
  const publicKey = raw.slice(1);
  const keyId = parseInt(match[2]!, 16) >>> 0;
  if (cosignerKeyId(match[1]!, publicKey, hash) !== keyId) throw new Error('cosigner key id does not match its key');
  return { name: match[1]!, keyId, publicKey };
}

/** The cosignature line: "— <name> <base64(key id ‖ 8-byte big-endian time ‖ signature)>". */
export function cosignatureLine(name: string, keyId: number, time: number, signature: Bytes): string {
  const timestamp = new Uint8Array(8);
  new DataView(timestamp.buffer).setBigUint64(0, BigInt(time));
  const id = new Uint8Array([keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255]);
  return `\u2014 ${name} ${toBase64(concat(id, timestamp, signature))}\n`;
}

/**
 * Checks one cosignature of `text` (a checkpoint's text) by `key`: the time it carries and
 * whether the Ed25519 signature over cosignatureMessage verifies. Undefined when it does not.
 */
export async function verifyCosignature(
  text: string,
  signature: NoteSignature,
  key: VerifierKey,
  verify: Ed25519Verify,
): Promise<{ time: number } | undefined> {
  if (signature.name !== key.name || signature.keyId !== key.keyId || signature.signature.length !== 72) return undefined;
  const time = Number(new DataView(signature.signature.buffer, signature.signature.byteOffset, 8).getBigUint64(0));
  if (!Number.isSafeInteger(time)) return undefined;
  const ok = await verify(cosignatureMessage(text, time), signature.signature.slice(8), key.publicKey);
  return ok ? { time } : undefined;
}
