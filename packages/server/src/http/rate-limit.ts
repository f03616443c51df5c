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
 * limit means the same with one instance or ten. One upsert per counted request.
 */
export class DatabaseRateLimiter implements RateLimiter {
  private lastSweep = 0;

  constructor(private readonly db: Database) {}

  async hit(key: string, limit: number, now = Date.now()): Promise<void> {
    const windowStart = now - (now % WINDOW_MS);
    const row = await this.db.get<{ count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
      [key, windowStart],
    );
    if (now - this.lastSweep > WINDOW_MS) {
      this.lastSweep = now;
      await this.db.run('DELETE FROM rate_limits WHERE window_start < ?', [windowStart - WINDOW_MS]);
    }
    if (Number(row?.count ?? 0) > limit) throw tooMany(windowStart, now);
  }
}

/** The limiter a server should use on this database. */
export function rateLimiterFor(db: Database): RateLimiter {
  return db.dialect === 'postgres' ? new DatabaseRateLimiter(db) : new MemoryRateLimiter();
}
