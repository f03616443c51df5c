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

/** A unit's head as this process last wrote or read it: a guess, checked by every append. */
interface KnownHead {
  size: number;
  /** The stored JSON text of the frontier, compared as is. */
  text: string;
  frontier: string[];
}

/** Last known heads per database (its identity, `Queryable.scope`) and unit. */
const knownHeads = new WeakMap<object, Map<string, KnownHead>>();
const noScope = {};

function headsOf(tx: Queryable): Map<string, KnownHead> {
  const scope = tx.scope ?? noScope;
  let heads = knownHeads.get(scope);
  if (!heads) knownHeads.set(scope, (heads = new Map()));
  return heads;
}

const LEAF_COLUMNS = 'unit, leaf_index, response_id, leaf_hash, received_at, nodes';
// Compare-and-set on the whole head: the new frontier is a function of the old size and frontier
// and the leaf only, so if both still match, the guess was right, whoever wrote the row.
const CAS_SQLITE = 'UPDATE log_heads SET size = ?, frontier = ? WHERE unit = ? AND size = ? AND frontier = ?';
const CAS_POSTGRES = `WITH head AS (UPDATE log_heads SET size = ?, frontier = ? WHERE unit = ? AND size = ? AND frontier = ? RETURNING unit)
  INSERT INTO log_leaves (${LEAF_COLUMNS}) SELECT unit, ?::integer, ?, ?, ?, ? FROM head`;

/**
 * Appends one leaf to a unit's tree inside the caller's transaction. Work is O(log n): the head
 * row carries the right-edge frontier, so the new leaf is merged with at most log₂ n subtree
 * roots; each merge that completes a subtree stores it on this leaf's row (one on average).
 *
 * Cost: the process keeps the head it last wrote per unit and appends with a compare-and-set on
 * the head row (size and frontier text unchanged since) — on SQLite that and the leaf INSERT, on
 * PostgreSQL one statement (the CAS and the INSERT in one CTE). The guess is wrong only after
 * another process appended or a transaction that appended rolled back; then the CAS changes no
 * row, the head is read (on PostgreSQL `FOR UPDATE`, so a unit's appends still serialize on its
 * head row across processes) and the append is made from it. Nothing cached is ever trusted.
 */
export async function appendLeaf(
  tx: Queryable,
  unit: string,
  responseId: string,
  receivedAt: string,
  leafHash: string,
): Promise<{ index: number; hash: string }> {
  const heads = headsOf(tx);
  const guess = heads.get(unit);
  if (guess) {
    const next = extend(guess, leafHash);
    if (await write(tx, unit, guess, next, responseId, leafHash, receivedAt)) {
      heads.set(unit, next.head);
      return { index: guess.size, hash: leafHash };
    }
  }
  const current = await lockHead(tx, unit);
  const next = extend(current, leafHash);
  if (!(await write(tx, unit, current, next, responseId, leafHash, receivedAt))) {
    heads.delete(unit);
    throw new Error(`log head of ${unit} changed under its lock`);
  }
  heads.set(unit, next.head);
  return { index: current.size, hash: leafHash };
}

function extend(head: KnownHead, leafHash: string): { head: KnownHead; completed: string } {
  const frontier = head.frontier.slice();
  const completed: string[] = [];
  let current = leafHash;
  for (let idx = head.size; idx % 2 === 1; idx = (idx - 1) / 2) {
    current = hexNode(frontier.pop()!, current);
    completed.push(current);
  }
  frontier.push(current);
  return { head: { size: head.size + 1, text: JSON.stringify(frontier), frontier }, completed: completed.join(',') };
}

async function write(
  tx: Queryable,
  unit: string,
  from: KnownHead,
  next: { head: KnownHead; completed: string },
  responseId: string,
  leafHash: string,
  receivedAt: string,
): Promise<boolean> {
  const cas = [next.head.size, next.head.text, unit, from.size, from.text];
  const leaf = [from.size, responseId, leafHash, receivedAt, next.completed];
  if (tx.dialect === 'postgres') return (await tx.run(CAS_POSTGRES, [...cas, ...leaf])).changes === 1;
  if ((await tx.run(CAS_SQLITE, cas)).changes !== 1) return false;
  await tx.run(`INSERT INTO log_leaves (${LEAF_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [unit, ...leaf]);
  return true;
}

/** The stored head, created empty if the unit has none; on PostgreSQL locked until commit. */
async function lockHead(tx: Queryable, unit: string): Promise<KnownHead> {
  const select = `SELECT size, frontier FROM log_heads WHERE unit = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`;
  type Row = { size: number | string; frontier: string };
  let row = await tx.get<Row>(select, [unit]);
  if (!row) {
    await tx.run("INSERT INTO log_heads (unit, size, frontier) VALUES (?, 0, '[]') ON CONFLICT (unit) DO NOTHING", [unit]);
    row = await tx.get<Row>(select, [unit]);
    if (!row) throw new Error(`log head of ${unit} could not be created`);
  }
  return { size: Number(row.size), text: row.frontier, frontier: JSON.parse(row.frontier) as string[] };
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
