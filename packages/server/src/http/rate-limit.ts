import { ProblemError } from './problem.js';

/**
 * A fixed-window counter per key (an IP address, a kiosk key). In memory: one process only.
 * Several processes behind one database need the shared implementation (scale-out issue).
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly windowMs = 60_000) {}

  /** Counts one request; throws 429 with Retry-After when `key` went over `limit` in this window. */
  hit(key: string, limit: number, now = Date.now()): void {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    window.count += 1;
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
      throw new ProblemError(429, 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', {
        code: 'rate_limited',
        detail: `Thử lại sau ${retryAfter} giây.`,
        headers: { 'retry-after': String(retryAfter) },
      });
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
