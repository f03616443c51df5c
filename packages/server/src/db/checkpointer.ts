/**
 * SQLite's checkpoints, off the request thread. Run as a worker thread by SqliteDatabase: its own
 * connection copies the WAL's committed pages into the database file (a PASSIVE checkpoint never
 * blocks the writer) and syncs it, a tenth of a second after the writer last said it committed.
 * Left to the writer's connection, one commit in a hundred carried that copy and its sync, the
 * event loop blocked throughout (p99 10.5 ms, docs/performance.md).
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointerData {
  file: string;
  /** Int32Array over a SharedArrayBuffer: [0] counts the writer's commits. */
  commits: SharedArrayBuffer;
  intervalMs: number;
}

const { file, commits, intervalMs } = workerData as CheckpointerData;
const committed = new Int32Array(commits);
const db = new BetterSqlite3(file);
db.pragma('busy_timeout = 5000');
// As the writer: the WAL is synced before the copy and the database file after it.
db.pragma('synchronous = NORMAL');

let seen = Atomics.load(committed, 0);
const timer = setInterval(() => {
  const now = Atomics.load(committed, 0);
  if (now === seen) return;
  seen = now;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // The writer's own automatic checkpoint is still there as a backstop; say why, once a round.
    parentPort?.postMessage({ error: String((error as Error).message ?? error) });
  }
}, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
