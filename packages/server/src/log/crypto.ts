import { fromHex, nodeHash, toHex, type Bytes, type HashFunction } from '@sipas/schema';
import { createHash, createPublicKey, verify } from 'node:crypto';

/** node:crypto's SHA-256, passed to the pure helpers of @sipas/schema where speed matters. */
export const nodeSha256: HashFunction = (data) => new Uint8Array(createHash('sha256').update(data).digest());

export const hexNode = (left: string, right: string): string => toHex(nodeHash(fromHex(left), fromHex(right), nodeSha256));

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
