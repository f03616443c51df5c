/**
 * Codes people read aloud, type or copy from a receipt: tracking codes and secrets of feedback
 * cases, survey receipts. One alphabet for all of them, here, without zod.
 */

/** Letters and digits nobody confuses when reading aloud or typing: no 0/O, 1/I/L, no U/V pair. */
export const UNAMBIGUOUS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** The characters of feedback tracking codes and secrets. */
export const TRACKING_ALPHABET = UNAMBIGUOUS_ALPHABET;

/** Only characters of the alphabet (a secret chosen by the client is checked against it). */
export const UNAMBIGUOUS_PATTERN = /* @__PURE__ */ new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]+$`);

/** A tracking code as shown and typed: `K7QM-4TZX`. */
export const TRACKING_CODE_PATTERN = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** `k7qm4tzx`, `K7QM-4TZX` → `K7QM-4TZX`. */
export function normalizeTrackingCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/**
 * `length` characters of the alphabet. `randomIndex(n)` must return a uniform integer in [0, n)
 * from a cryptographic source: `crypto.randomInt` on the server, `getRandomValues` in a browser.
 */
export function randomCode(length: number, randomIndex: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += UNAMBIGUOUS_ALPHABET[randomIndex(UNAMBIGUOUS_ALPHABET.length)];
  return out;
}

/** `length` characters of the alphabet derived from bytes (a digest): the same bytes, the same code. */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += UNAMBIGUOUS_ALPHABET[bytes[i]! % UNAMBIGUOUS_ALPHABET.length];
  return out;
}
