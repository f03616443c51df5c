/**
 * The digital sealed ballot box (hòm phiếu điện tử): what a leaf of a unit's log is, how the
 * Merkle tree over the leaves is hashed (RFC 6962 / RFC 9162), and how anyone — a supervisor's
 * tool, a browser, the server itself — checks inclusion proofs, consistency proofs and signed
 * checkpoints (C2SP tlog-checkpoint over C2SP signed-note).
 *
 * Everything here is pure: no node:crypto, so a browser can use it. SHA-256 is a small pure
 * implementation; callers that have a faster one (node:crypto) pass it as `hash`. Ed25519
 * verification is always passed in (`verify`), since it needs a real crypto library.
 */
import * as z from 'zod/mini';
import { canonicalJson, DayInput, Instant, Slug, Uuid } from './common.js';
import { line, text } from './strings.js';
import type { SurveyResponse } from './survey.js';

// ---------------------------------------------------------------------------------------------
// Bytes

export type Bytes = Uint8Array;
/** A SHA-256 implementation: 32 bytes out. */
export type HashFunction = (data: Bytes) => Bytes;

const encoder = new TextEncoder();
export const utf8 = (text: string): Bytes => encoder.encode(text);

export function toHex(bytes: Bytes): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Bytes {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error(`not hexadecimal: ${hex.slice(0, 20)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as signed notes use. */
export function toBase64(bytes: Bytes): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** Strict standard base64: refuses other alphabets, missing padding and non-canonical tails. */
export function fromBase64(text: string): Bytes {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('not standard base64');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      n = (n << 6) | (c === '=' ? 0 : B64.indexOf(c));
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  if (toBase64(out) !== text) throw new Error('not canonical base64');
  return out;
}

export function bytesEqual(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), small and dependency-free. Fast enough for a browser checking a proof
// or a supervisor's laptop re-hashing a season of responses; the server passes node:crypto.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

export const sha256: HashFunction = (data) => {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
    h[4]! += e;
    h[5]! += f;
    h[6]! += g;
    h[7]! += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
};

// ---------------------------------------------------------------------------------------------
// RFC 6962 / 9162 Merkle tree hashing

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

/** Leaf hash: SHA-256(0x00 ‖ entry bytes). The prefix keeps a leaf from posing as a node. */
export const leafHash = (entry: Bytes, hash: HashFunction = sha256): Bytes => hash(concat(LEAF_PREFIX, entry));

/** Interior node: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Bytes, right: Bytes, hash: HashFunction = sha256): Bytes =>
  hash(concat(NODE_PREFIX, left, right));

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) of RFC 6962 §2.1 over leaf hashes, recursively. The empty tree is SHA-256(""). */
export function rootFromLeafHashes(leaves: readonly Bytes[], hash: HashFunction = sha256): Bytes {
  if (leaves.length === 0) return hash(new Uint8Array(0));
  // Bottom-up with the RFC's shape: the right edge is carried up unpaired, which is exactly the
  // "largest power of two" split read from the leaves upward.
  let level = leaves.slice();
  while (level.length > 1) {
    const next: Bytes[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!, hash));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined when the proof has the
 * wrong shape for `index` in a tree of `size`. Compare it with the checkpoint's root.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Bytes,
  proof: readonly Bytes[],
  hash: HashFunction = sha256,
): Bytes | undefined {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r, hash);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p, hash);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(
  index: number,
  size: number,
  leaf: Bytes,
  proof: readonly Bytes[],
  root: Bytes,
  hash: HashFunction = sha256,
): boolean {
  const computed = rootFromInclusionProof(index, size, leaf, proof, hash);
  return computed !== undefined && bytesEqual(computed, root);
}

/**
 * Checks that the tree of `size2` leaves with `root2` extends the tree of `size1` with `root1`
 * (RFC 9162 §2.1.4.2): nothing in the first `size1` leaves was removed, changed or reordered.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Bytes[],
  root1: Bytes,
  root2: Bytes,
  hash: HashFunction = sha256,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  // Any tree extends the empty one (whose root is fixed).
  if (size1 === 0) return proof.length === 0 && bytesEqual(root1, hash(new Uint8Array(0)));
  if (proof.length === 0) return false;
  // RFC 9162: when size1 is a power of two its root is itself the first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c, hash);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}

// ---------------------------------------------------------------------------------------------
// The leaf: what a response is, byte for byte

/**
 * The entry of one accepted response, as it goes into the log: the response exactly as the server
 * accepted it (after validation; the honeypot field, never stored, is left out) and the server's
 * own time of receipt. Stamping the server's time into the leaf means nobody can later move a
 * response into or out of a period by editing its date.
 */
export interface LogEntry {
  response: Omit<SurveyResponse, 'website'>;
  /** Server time of receipt, ISO 8601 UTC, as on the receipt. */
  receivedAt: string;
}

/**
 * The canonical bytes of a log entry: UTF-8 of `canonicalJson({ receivedAt, response })` — keys
 * sorted at every depth, no whitespace, absent fields omitted. Defined here once; the server,
 * the audit and any independent tool must produce exactly these bytes.
 */
export function logEntryBytes(entry: LogEntry): Bytes {
  const { website: _honeypot, ...response } = entry.response as SurveyResponse;
  return utf8(canonicalJson({ receivedAt: entry.receivedAt, response }));
}

/**
 * The same bytes from a response already in canonical JSON (as the server holds it at ingest):
 * keys sort `receivedAt` before `response`, so wrapping the text equals canonicalJson of the
 * whole entry without parsing and re-serializing it. Tested equal to logEntryBytes.
 */
export function logEntryBytesFromCanonical(canonicalResponse: string, receivedAt: string): Bytes {
  return utf8(`{"receivedAt":${JSON.stringify(receivedAt)},"response":${canonicalResponse}}`);
}

export const logEntryLeafHash = (entry: LogEntry, hash: HashFunction = sha256): Bytes => leafHash(logEntryBytes(entry), hash);

// ---------------------------------------------------------------------------------------------
// Signed notes and checkpoints (C2SP signed-note, C2SP tlog-checkpoint)

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

// ---------------------------------------------------------------------------------------------
// Payloads of the log routes

const Hex32 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'mã băm SHA-256 dạng hex (64 ký tự)'));
const Count = z.number().check(z.int(), z.gte(0));

/** The box's public key, to be written on the minutes and kept by supervisors. */
export const LogKey = z.object({
  unit: Slug,
  /** Key name = the log's origin, e.g. `sipas.example.gov.vn/phuong-tan-hoa`. */
  name: z.string(),
  /** Key id, 8 hex digits. */
  keyId: z.string(),
  algorithm: z.literal('ed25519'),
  /** 32-byte Ed25519 public key, base64. */
  publicKey: z.string(),
  /** The verifier key string `name+keyid+base64(0x01‖key)` that `sipas-server audit --key` takes. */
  verifierKey: z.string(),
});
export type LogKey = z.infer<typeof LogKey>;

export const LogCheckpointQuery = z.object({
  size: z.optional(line(z.regex(/^\d+$/))),
});

export const InclusionQuery = z.object({
  leaf: line(z.regex(/^\d+$/, 'số thứ tự lá (số nguyên ≥ 0)')),
});

export const InclusionProof = z.object({
  unit: Slug,
  leaf: Count,
  /** Tree size the proof is against: the checkpoint's. */
  size: Count,
  leafHash: Hex32,
  /** Audit path, hex, from the leaf upward (RFC 9162 §2.1.3). */
  proof: z.array(Hex32),
  /** The signed checkpoint (C2SP note text) the proof leads to. */
  checkpoint: z.string(),
});
export type InclusionProof = z.infer<typeof InclusionProof>;

export const ConsistencyQuery = z.object({
  from: line(z.regex(/^\d+$/, 'cỡ cây cũ (số nguyên ≥ 0)')),
  to: z.optional(line(z.regex(/^\d+$/, 'cỡ cây mới (số nguyên ≥ 0)'))),
});

export const ConsistencyProof = z.object({
  unit: Slug,
  from: Count,
  to: Count,
  /** Consistency path, hex (RFC 9162 §2.1.4). */
  proof: z.array(Hex32),
  /** The signed checkpoint of size `to`, when `to` is the latest size. */
  checkpoint: z.optional(z.string()),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProof>;

/** The first line of an export: what it is and the checkpoint it was taken at. */
export const LogExportHeader = z.object({
  format: z.literal('sipas-ballot-export/1'),
  unit: Slug,
  origin: z.string(),
  size: Count,
  checkpoint: z.string(),
  exportedAt: Instant,
});
export type LogExportHeader = z.infer<typeof LogExportHeader>;

/**
 * Every further line: one leaf (`leaf` ≥ 0, in order) with the response row as stored, or a
 * response the database holds that is in no leaf (`leaf: null` — something slipped in).
 */
export const LogExportLine = z.object({
  leaf: z.nullable(Count),
  /** The response the leaf was made for (the log's record), or the stray response's id. */
  responseId: z.string(),
  /** The leaf hash the log recorded, hex; null for a response outside the log. */
  hash: z.nullable(z.string()),
  /** The response row rebuilt as the response; null when the row is gone. */
  response: z.nullable(z.record(z.string(), z.unknown())),
  receivedAt: z.nullable(z.string()),
  /** The receive time the log's own row records for the leaf (a second copy the audit compares). */
  leafReceivedAt: z.optional(z.nullable(z.string())),
});
export type LogExportLine = z.infer<typeof LogExportLine>;

export const WITNESS_ROLES = ['counter-head', 'survey-team', 'mttq', 'veterans', 'other'] as const;
export const WitnessRole = z.enum(WITNESS_ROLES);
export type WitnessRole = z.infer<typeof WitnessRole>;

export const Witness = z.object({
  role: WitnessRole,
  name: line(z.minLength(1), z.maxLength(120)),
  /** Position or organisation as it should read on the minutes. */
  title: z.optional(line(z.maxLength(160))),
});
export type Witness = z.infer<typeof Witness>;

/** Opening the box: the period to count and who witnesses it. */
export const BallotOpeningRequest = z.object({
  from: DayInput,
  to: DayInput,
  witnesses: z.array(Witness).check(z.minLength(1), z.maxLength(12)),
  place: z.optional(line(z.maxLength(200))),
  notes: z.optional(text(z.maxLength(2000))),
});
export type BallotOpeningRequest = z.infer<typeof BallotOpeningRequest>;

export const BallotOpening = z.object({
  id: Uuid,
  /** Order of openings of this unit, from 1. */
  number: z.number().check(z.int(), z.gte(1)),
  unit: Slug,
  unitName: z.string(),
  openedAt: Instant,
  openedBy: z.object({ id: z.string(), name: z.string() }),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Responses received in the period (Vietnam time, both days included), counted from the log. */
  responsesInPeriod: Count,
  /** First and last leaf of the period, when it has any. */
  firstLeaf: z.nullable(Count),
  lastLeaf: z.nullable(Count),
  /** The checkpoint signed at the opening: the whole box up to then. */
  checkpoint: z.object({ origin: z.string(), size: Count, root: z.string(), note: z.string(), signature: z.string() }),
  key: LogKey,
  /** The previous opening's checkpoint and whether this one extends it (consistency proof checked). */
  previous: z.nullable(z.object({ number: Count, openedAt: Instant, size: Count, consistent: z.boolean() })),
  witnesses: z.array(Witness),
  place: z.optional(z.string()),
  notes: z.optional(z.string()),
});
export type BallotOpening = z.infer<typeof BallotOpening>;

export const BallotOpeningList = z.object({ openings: z.array(BallotOpening) });
export type BallotOpeningList = z.infer<typeof BallotOpeningList>;
