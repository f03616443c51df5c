/**
 * RFC 6962 / RFC 9162 Merkle tree hashing: leaf and node hashes, tree roots, and the checks of
 * inclusion and consistency proofs anyone (a supervisor's tool, a browser) can run. Pure.
 */
import { bytesEqual, concat, type Bytes } from './bytes.js';
import { sha256, type HashFunction } from './hash.js';

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
