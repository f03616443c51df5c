import { randomCode } from '@sipas/schema';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `count` characters of the unambiguous alphabet from a cryptographic source. */
export function randomUnambiguous(count: number): string {
  return randomCode(count, randomInt);
}

/** A tracking code: `K7QM-4TZX`, 29^8 ≈ 5·10^11 possibilities. */
export const newTrackingCode = () => {
  const code = randomUnambiguous(8);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
};

/** The last four digits of a phone number: the weaker of the two proofs a citizen can give. */
export const phoneTail = (phone: string) => phone.replace(/\D/g, '').slice(-4);

/** Compares a secret with its stored hash in constant time. */
export const sameSecret = (secret: string, hash: string) => {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};

