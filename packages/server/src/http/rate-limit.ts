import type { Database } from '../db/database.js';
import { ProblemError } from './problem.js';

/**
 * Fixed one-minute windows per key (an IP address, a kiosk key, a sign-in address). `hit` counts
 * one request and throws a 429 problem with Retry-After when the key is over its limit.
 */
export interface RateLimiter {
  hit(key: string, limit: number): Promise<void>;
}

const WINDOW_MS = 60_000;

function tooMany(windowStart: number, now: number): ProblemError {
  const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
  return new ProblemError(429, 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', {
    code: 'rate_limited',
    detail: `Thử lại sau ${retryAfter} giây.`,
    headers: { 'retry-after': String(retryAfter) },
  });
}

/** In memory: right for one process (the SQLite default), and free of database writes. */
export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, limit: number, now = Date.now()): Promise<void> {
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    window.count += 1;
    if (window.count > limit) throw tooMany(window.start, now);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/**
 * In the database: several server processes behind one PostgreSQL share the same counts, so a
 * limit means about the same with one instance or ten — without a committed write per request on
 * a row every request from one address (a ward office behind one NAT) would queue on.
 *
 * A key's first hit in a window is counted in the database at once and learns the shared count;
 * later hits are counted here and added to the shared row at most `flushMs` later (one upsert per
 * key that moved), which also brings back what the other processes counted. A hit is refused when
 * the shared count last seen plus this process's hits not yet added passes the limit. So one
 * process alone is exact; a burst spread over several can pass a limit by what they accept in
 * one `flushMs` before each has added its hits and seen the others'.
 */
export class DatabaseRateLimiter implements RateLimiter {
  /** Per key: this process's hits in the window, how many of them are in the database, and the other processes' hits last seen. */
  private readonly keys = new Map<string, { windowStart: number; ours: number; added: number; others: number; counted: Promise<void> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly flushMs = 250,
  ) {}

  async hit(key: string, limit: number, now = Date.now()): Promise<void> {
    const windowStart = now - (now % WINDOW_MS);
    let entry = this.keys.get(key);
    const first = !entry || entry.windowStart !== windowStart;
    if (first) {
      const fresh = { windowStart, ours: 0, added: 0, others: 0, counted: Promise.resolve() };
      fresh.counted = this.add(key, fresh, 1).catch((error: unknown) => {
        if (this.keys.get(key) === fresh) this.keys.delete(key); // the next hit tries again
        throw error;
      });
      this.keys.set(key, (entry = fresh));
    }
    // Each hit takes its place in order now; hits that arrive while the first is being counted
    // wait for the other processes' count before they are judged.
    const place = ++entry!.ours;
    if (!first) this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    await entry!.counted;
    if (first) await this.sweep(now, windowStart);
    if (place + entry!.others > limit) throw tooMany(windowStart, now);
  }

  /** Adds every key's hits not yet in the database and learns the other processes' counts. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    this.flushing = (async () => {
      for (const [key, entry] of this.keys) {
        const hits = entry.ours - entry.added;
        if (hits > 0) await this.add(key, entry, hits).catch(() => undefined); // the database is away: added at the next flush
      }
    })();
    await this.flushing;
    this.flushing = undefined;
  }

  /** Adds `hits` of this process to the key's row for the window (a new window starts at `hits`). */
  private async add(key: string, entry: { windowStart: number; added: number; others: number }, hits: number): Promise<void> {
    const row = await this.db.get<{ count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + excluded.count ELSE excluded.count END,
         window_start = excluded.window_start
       RETURNING count`,
      [key, entry.windowStart, hits],
    );
    entry.added += hits;
    entry.others = Math.max(0, Number(row?.count ?? entry.added) - entry.added);
  }

  /** Once a minute: rows and local counts of windows that are over. */
  private async sweep(now: number, windowStart: number): Promise<void> {
    if (now - this.lastSweep <= WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.keys) if (entry.windowStart < windowStart && entry.ours === entry.added) this.keys.delete(key);
    await this.db.run('DELETE FROM rate_limits WHERE window_start < ?', [windowStart - WINDOW_MS]);
  }
}

/** The limiter a server should use on this database. */
export function rateLimiterFor(db: Database): RateLimiter {
  return db.dialect === 'postgres' ? new DatabaseRateLimiter(db) : new MemoryRateLimiter();
}
