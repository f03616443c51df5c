import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, openDatabase, type Database } from '../src/index.js';
import { appendToLog } from '../src/log/append.js';
import { readHead, TreeReader } from '../src/log/tree.js';
import { testDatabase } from './database.js';

/**
 * The append keeps each unit's last head in memory and writes with a compare-and-set. These
 * tests make that guess wrong on purpose — a second "process" (another connection to the same
 * database) appending, a transaction rolled back after its append, concurrent appends — and
 * check the tree stays whole: contiguous leaves, and every stored root equal to one computed
 * independently from the leaf hashes.
 */
const H = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return H(Buffer.alloc(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k << 1 < leaves.length) k <<= 1;
  return H(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe('appending with a stale or rolled-back head', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-log-append-'));
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let one: Database;
  let two: Database;
  let n = 0;
  const append = (db: Database, unit = 'u') =>
    db.transaction((tx) => {
      const id = `r-${n++}`;
      return appendToLog(tx, unit, id, JSON.stringify({ id }), new Date(1_800_000_000_000 + n).toISOString(), 'web');
    });

  before(async () => {
    database = await testDatabase(dir);
    one = await openDatabase(database.url);
    await migrate(one);
    two = await openDatabase(database.url);
  });
  after(async () => {
    await one.close();
    await two.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the tree whole whoever appends, and forgets appends that rolled back', async () => {
    const receipts: { index: number; hash: string }[] = [];
    for (let i = 0; i < 3; i++) receipts.push(await append(one));
    for (let i = 0; i < 2; i++) receipts.push(await append(two)); // `one`'s guess is now stale
    for (let i = 0; i < 2; i++) receipts.push(await append(one));
    await assert.rejects(
      one.transaction(async (tx) => {
        await appendToLog(tx, 'u', 'rolled-back', '{}', new Date().toISOString(), 'web');
        throw new Error('abandoned after the append');
      }),
      /abandoned/,
    );
    // `one` guesses size 8 with the abandoned leaf in its frontier; `two` now makes the size 8 for
    // real with another leaf: only the frontier tells the guess is wrong.
    receipts.push(await append(two));
    receipts.push(await append(one));
    for (let round = 0; round < 3; round++) {
      receipts.push(...(await Promise.all(Array.from({ length: 12 }, (_, i) => append(i % 3 === 0 ? two : one)))));
    }
    receipts.push(await append(two, 'v'), await append(one, 'v'));

    const leaves = await one.all<{ leaf_index: number; leaf_hash: string; response_id: string }>(
      "SELECT leaf_index, leaf_hash, response_id FROM log_leaves WHERE unit = 'u' ORDER BY leaf_index",
    );
    assert.deepEqual(leaves.map((l) => Number(l.leaf_index)), leaves.map((_, i) => i), 'leaves are contiguous from 0');
    assert.equal(leaves.length, receipts.length - 2);
    assert.ok(!leaves.some((l) => l.response_id === 'rolled-back'));
    const byIndex = new Map(receipts.slice(0, -2).map((r) => [r.index, r.hash]));
    assert.equal(byIndex.size, leaves.length, 'every receipt has its own index');
    for (const leaf of leaves) assert.equal(byIndex.get(Number(leaf.leaf_index)), leaf.leaf_hash);

    const hashes = leaves.map((l) => Buffer.from(l.leaf_hash, 'hex'));
    const head = await readHead(two, 'u');
    assert.equal(head.size, leaves.length);
    assert.equal(head.root, mth(hashes).toString('hex'));
    const reader = new TreeReader(one, 'u');
    for (let size = 1; size <= leaves.length; size++) assert.equal(await reader.root(size), mth(hashes.slice(0, size)).toString('hex'), `root at ${size}`);
    assert.equal((await readHead(one, 'v')).size, 2);
  });
});
