import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DatabaseRateLimiter, MemoryRateLimiter } from '../src/http/rate-limit.js';
import { ProblemError } from '../src/http/problem.js';
import { testApp } from './helpers.js';

async function refused(work: Promise<void>): Promise<ProblemError | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error as ProblemError;
  }
}

describe('rate limits', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('in the database, two server processes count as one once they have flushed', async () => {
    // Two limiters over one database stand for two processes behind a load balancer.
    const first = new DatabaseRateLimiter(server.ctx.db);
    const second = new DatabaseRateLimiter(server.ctx.db);
    const now = Date.parse('2026-11-22T10:00:10Z');
    await first.hit('ip:203.0.113.7', 3, now);
    await second.hit('ip:203.0.113.7', 3, now + 1000); // a first hit is counted at once: 2 shared
    await first.hit('ip:203.0.113.7', 3, now + 2000); // counted in the first process only…
    await first.flush(); // … until it adds it, a quarter of a second later at most: 3 shared
    // The second process still saw 2: this hit passes, and its flush brings back the others' hits.
    assert.equal(await refused(second.hit('ip:203.0.113.7', 3, now + 3000)), undefined);
    await second.flush();
    const error = await refused(second.hit('ip:203.0.113.7', 3, now + 3500));
    assert.equal(error?.status, 429);
    assert.equal(error?.extra.headers?.['retry-after'], '47');
    // Another address is not affected, and a new minute starts afresh.
    assert.equal(await refused(first.hit('ip:203.0.113.8', 3, now + 3000)), undefined);
    assert.equal(await refused(second.hit('ip:203.0.113.7', 3, now + 60_000)), undefined);
  });

  it('in the database, one process alone is exact without a write per hit', async () => {
    const limiter = new DatabaseRateLimiter(server.ctx.db, 60_000);
    const now = Date.parse('2026-11-22T10:05:00Z');
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => refused(limiter.hit('ip:198.51.100.9', 5, now))));
    assert.equal(outcomes.filter((e) => e === undefined).length, 5);
    assert.ok(outcomes.filter(Boolean).every((e) => e?.status === 429));
    // Only the first hit was written; the others reach the row at the flush.
    const row = () => server.ctx.db.get<{ count: number }>('SELECT count FROM rate_limits WHERE key = ?', ['ip:198.51.100.9']);
    assert.equal(Number((await row())?.count), 1);
    await limiter.flush();
    assert.equal(Number((await row())?.count), 8);
  });

  it('in memory (one process, the SQLite default), the same rule', async () => {
    const limiter = new MemoryRateLimiter();
    const now = Date.parse('2026-11-22T10:00:00Z');
    for (let i = 0; i < 2; i++) await limiter.hit('k', 2, now);
    assert.equal((await refused(limiter.hit('k', 2, now + 59_000)))?.status, 429);
    assert.equal(await refused(limiter.hit('k', 2, now + 60_000)), undefined);
  });
});
