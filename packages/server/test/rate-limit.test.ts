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

  it('in the database, two server processes count as one', async () => {
    // Two limiters over one database stand for two processes behind a load balancer.
    const first = new DatabaseRateLimiter(server.ctx.db);
    const second = new DatabaseRateLimiter(server.ctx.db);
    const now = Date.parse('2026-11-22T10:00:10Z');
    await first.hit('ip:203.0.113.7', 3, now);
    await second.hit('ip:203.0.113.7', 3, now + 1000);
    await first.hit('ip:203.0.113.7', 3, now + 2000);
    const error = await refused(second.hit('ip:203.0.113.7', 3, now + 3000));
    assert.equal(error?.status, 429);
    assert.equal(error?.extra.headers?.['retry-after'], '47');
    // Another address is not affected, and a new minute starts afresh.
    assert.equal(await refused(first.hit('ip:203.0.113.8', 3, now + 3000)), undefined);
    assert.equal(await refused(second.hit('ip:203.0.113.7', 3, now + 60_000)), undefined);
  });

  it('in memory (one process, the SQLite default), the same rule', async () => {
    const limiter = new MemoryRateLimiter();
    const now = Date.parse('2026-11-22T10:00:00Z');
    for (let i = 0; i < 2; i++) await limiter.hit('k', 2, now);
    assert.equal((await refused(limiter.hit('k', 2, now + 59_000)))?.status, 429);
    assert.equal(await refused(limiter.hit('k', 2, now + 60_000)), undefined);
  });
});
