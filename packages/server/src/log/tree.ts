import { fromHex, splitPoint, toHex } from '@sipas/schema';
import type { Queryable } from '../db/database.js';
import { hexNode, nodeSha256 } from './crypto.js';

/** SHA-256 of nothing: the root of an empty tree (RFC 6962 §2.1). */
export const EMPTY_ROOT = toHex(nodeSha256(new Uint8Array(0)));

export interface Head {
  size: number;
  root: string;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/**
 * Appends one leaf to a unit's tree inside the caller's transaction. Work is O(log n): the head
 * row carries the right-edge frontier, so the new leaf is merged with at most log₂ n stored
 * subtree roots; each merge that completes a subtree stores it on this leaf's row (one on
 * average). The leaf hash is made from the response's stored receive time, read in the same
 * statement that takes the head row (PostgreSQL's row lock serializes a unit's appends, so
 * round trips inside it are kept to two).
 */
export async function appendLeaf(
  tx: Queryable,
  unit: string,
  responseId: string,
  hashOf: (receivedAt: string) => string,
): Promise<{ index: number; hash: string }> {
  const bump =
    'UPDATE log_heads SET size = size + 1 WHERE unit = ? RETURNING size, frontier, (SELECT received_at FROM survey_responses WHERE id = ?) AS received_at';
  type Bumped = { size: number | string; frontier: string; received_at: string | null };
  let head = await tx.get<Bumped>(bump, [unit, responseId]);
  if (!head) {
    await tx.run("INSERT INTO log_heads (unit, size, frontier) VALUES (?, 0, '[]') ON CONFLICT (unit) DO NOTHING", [unit]);
    head = await tx.get<Bumped>(bump, [unit, responseId]);
  }
  if (!head?.received_at) throw new Error(`response ${responseId} is not stored; it cannot be sealed`);
  const index = Number(head.size) - 1;
  const leafHash = hashOf(head.received_at);
  const frontier = JSON.parse(head.frontier) as string[];
  const completed: string[] = [];
  let current = leafHash;
  for (let idx = index; idx % 2 === 1; idx = (idx - 1) / 2) {
    current = hexNode(frontier.pop()!, current);
    completed.push(current);
  }
  frontier.push(current);
  const leaf = [unit, index, responseId, leafHash, head.received_at, completed.join(',')];
  // The root is folded from the frontier when a checkpoint is signed, not on every append.
  if (tx.dialect === 'postgres') {
    await tx.run(
      `WITH leaf AS (INSERT INTO log_leaves (unit, leaf_index, response_id, leaf_hash, received_at, nodes) VALUES (?, ?, ?, ?, ?, ?))
       UPDATE log_heads SET frontier = ? WHERE unit = ?`,
      [...leaf, JSON.stringify(frontier), unit],
    );
  } else {
    await tx.run('INSERT INTO log_leaves (unit, leaf_index, response_id, leaf_hash, received_at, nodes) VALUES (?, ?, ?, ?, ?, ?)', leaf);
    await tx.run('UPDATE log_heads SET frontier = ? WHERE unit = ?', [JSON.stringify(frontier), unit]);
  }
  return { index, hash: leafHash };
}

/** The root from the frontier: the perfect subtrees folded from the right (RFC 6962's MTH). */
export function foldFrontier(frontier: readonly string[]): string {
  if (frontier.length === 0) return EMPTY_ROOT;
  let root = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i--) root = hexNode(frontier[i]!, root);
  return root;
}

export async function readHead(db: Queryable, unit: string): Promise<Head> {
  const row = await db.get<{ size: number | string; frontier: string }>('SELECT size, frontier FROM log_heads WHERE unit = ?', [unit]);
  return row ? { size: Number(row.size), root: foldFrontier(JSON.parse(row.frontier) as string[]) } : { size: 0, root: EMPTY_ROOT };
}

/**
 * Reads a unit's tree from the stored leaves and subtree nodes. Any range hash needs at most
 * O(log n) stored nodes, so roots at past sizes and proofs never rehash the log.
 */
export class TreeReader {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly db: Queryable,
    private readonly unit: string,
  ) {}

  private async node(level: number, idx: number): Promise<string> {
    const key = `${level}/${idx}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    let hash: string | undefined;
    if (level === 0) {
      hash = (await this.db.get<{ h: string }>('SELECT leaf_hash AS h FROM log_leaves WHERE unit = ? AND leaf_index = ?', [this.unit, idx]))?.h;
    } else {
      // The node lives on the leaf that completed it: the last leaf it covers.
      const last = (idx + 1) * 2 ** level - 1;
      const row = await this.db.get<{ nodes: string }>('SELECT nodes FROM log_leaves WHERE unit = ? AND leaf_index = ?', [this.unit, last]);
      hash = row?.nodes.split(',')[level - 1];
    }
    if (!hash) throw new Error(`log of ${this.unit} is missing node ${key}`);
    this.cache.set(key, hash);
    return hash;
  }

  /** MTH(D[start:end]), hex. `start` is aligned as RFC 6962's recursion always leaves it. */
  async hash(start: number, end: number): Promise<string> {
    const n = end - start;
    if (n <= 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n) && start % n === 0) return this.node(Math.log2(n), start / n);
    const k = splitPoint(n);
    return hexNode(await this.hash(start, start + k), await this.hash(start + k, end));
  }

  root(size: number): Promise<string> {
    return this.hash(0, size);
  }

  /** PATH(m, D[start:end]) of RFC 6962 §2.1.1: the audit path, leaf upward. */
  async inclusion(index: number, start: number, end: number): Promise<string[]> {
    const n = end - start;
    if (n <= 1) return [];
    const k = splitPoint(n);
    return index < start + k
      ? [...(await this.inclusion(index, start, start + k)), await this.hash(start + k, end)]
      : [...(await this.inclusion(index, start + k, end)), await this.hash(start, start + k)];
  }

  /** PROOF(m, D[n]) of RFC 6962 §2.1.2. */
  consistency(m: number, n: number): Promise<string[]> {
    if (m <= 0 || m >= n) return Promise.resolve([]);
    return this.subproof(m, 0, n, true);
  }

  private async subproof(m: number, start: number, end: number, complete: boolean): Promise<string[]> {
    const n = end - start;
    if (m === n) return complete ? [] : [await this.hash(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...(await this.subproof(m, start, start + k, complete)), await this.hash(start + k, end)]
      : [...(await this.subproof(m - k, start + k, end, false)), await this.hash(start, start + k)];
  }
}

export const rootBytes = (hex: string) => fromHex(hex);
