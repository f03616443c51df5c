import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteDatabase } from '../src/db/sqlite.js';

/**
 * The embedded database acknowledges a write only once it is on disk, with the WAL synced off
 * the event loop (db/sqlite.ts). What these tests can see without pulling a power cable: every
 * acknowledged write and every read is covered by a completed sync, concurrent transactions
 * share syncs, and a failing member of a group is rolled back alone.
 */
describe('SQLite: writes acknowledged only once synced to disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-sqlite-durability-'));
  let db: SqliteDatabase;

  before(async () => {
    db = new SqliteDatabase(join(dir, 'test.db'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  });
  after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a statement outside a transaction resolves after a sync that covers it', async () => {
    const before = db.writes;
    await db.run('INSERT INTO t (id, v) VALUES (?, ?)', [1, 'one']);
    assert.equal(db.writes, before + 1);
    assert.equal(db.durableWrites, db.writes);
  });

  it('a transaction resolves after a sync that covers its commit', async () => {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [2, 'two']);
    });
    assert.equal(db.durableWrites, db.writes);
  });

  it('concurrent transactions share commits and syncs; each resolves only when its commit is synced', async () => {
    const before = db.writes;
    const settled: boolean[] = [];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        db
          .transaction(async (tx) => {
            await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [100 + i, `row ${i}`]);
            return db.writes + 1; // this group's commit will be the next write
          })
          .then((commit) => settled.push(db.durableWrites >= commit)),
      ),
    );
    assert.equal(settled.length, 100);
    assert.ok(settled.every(Boolean), 'every transaction resolved after a sync covering its commit');
    assert.ok(db.writes - before < 100, `grouped: ${db.writes - before} commits for 100 transactions`);
    assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t WHERE id >= 100'))?.n, 100);
  });

  it('a read issued while writes are being synced hands out only rows already on disk', async () => {
    const commitOf = new Map<number, number>();
    const writing = Array.from({ length: 20 }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [300 + i, 'x']);
        commitOf.set(300 + i, db.writes + 1);
      }),
    );
    // Reads interleaved with the groups: each may see some of the rows, never an unsynced one.
    for (let i = 0; i < 10; i++) {
      const row = await db.get<{ last: number | null }>('SELECT MAX(id) AS last FROM t WHERE id >= 300');
      if (row?.last != null) assert.ok(db.durableWrites >= commitOf.get(row.last)!, `row ${row.last} was read before its commit was synced`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writing);
    assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t WHERE id >= 300'))?.n, 20);
    assert.equal(db.durableWrites, db.writes);
  });

  it('a failing member of a group is rolled back alone; its neighbours are kept', async () => {
    const outcomes = await Promise.allSettled([
      db.transaction((tx) => tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [500, 'kept'])),
      db.transaction((tx) => tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [1, 'duplicate id'])),
      db.transaction((tx) => tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [501, 'kept too'])),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal((await db.get<{ v: string }>('SELECT v FROM t WHERE id = 1'))?.v, 'one');
    assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t WHERE id IN (500, 501)'))?.n, 2);
  });
});

/**
 * Checkpoints run in a thread of their own (db/sqlite.ts, db/checkpointer.ts): the writer's
 * connection would copy the WAL into the database file only past 10,000 pages, so a small write
 * reaching that file shows the other thread did it.
 */
describe('SQLite: checkpoints off the request thread', () => {
  it('copies committed pages into the database file within moments, and closing leaves no WAL behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-sqlite-checkpoint-'));
    const file = join(dir, 'test.db');
    const db = new SqliteDatabase(file);
    try {
      await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the table itself checkpointed
      const before = statSync(file).size;
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => db.transaction((tx) => tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [i, 'x'.repeat(2000)]))),
      );
      const deadline = Date.now() + 5000;
      while (statSync(file).size <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(statSync(file).size >= before + 50 * 2000, `database file ${before} → ${statSync(file).size} bytes`);
    } finally {
      await db.close();
    }
    assert.equal(existsSync(`${file}-wal`), false, 'the last connection to close checkpoints and removes the WAL');
    const reopened = new SqliteDatabase(file);
    assert.equal((await reopened.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))?.n, 50);
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
