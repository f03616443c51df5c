import type { Bytes, HashFunction } from '@sipas/schema';
import { createHash, createPublicKey, verify } from 'node:crypto';

/** node:crypto's SHA-256, passed to the pure helpers of @sipas/schema where speed matters. */
export const nodeSha256: HashFunction = (data) => new Uint8Array(createHash('sha256').update(data).digest());

const NODE_PREFIX = Buffer.from([1]);

/** SHA-256(0x01 ‖ left ‖ right) on hex strings, the form the tables keep. */
export const hexNode = (left: string, right: string): string =>
  createHash('sha256').update(NODE_PREFIX).update(Buffer.from(left, 'hex')).update(Buffer.from(right, 'hex')).digest('hex');

/** Ed25519 verification of a raw 32-byte public key, for verifyCheckpoint. */
export function ed25519Verify(message: Bytes, signature: Bytes, publicKey: Bytes): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
