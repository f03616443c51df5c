import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { API_ROUTES, parsePeriod, type RouteContract } from '@sipas/schema';
import { surveyBody, testApp } from './helpers.js';

/**
 * Property-based tests over every public route of the contract: generated bad payloads never
 * cause a 5xx, never store anything, and are answered with a problem naming the field. New routes
 * are covered as soon as they enter the contract.
 */
type Server = Awaited<ReturnType<typeof testApp>>;

const RUNS_PER_BODY_ROUTE = 2500;
const RUNS_PER_PARAM_ROUTE = 400;

async function storedRows(server: Server): Promise<number> {
  const tables =
    server.ctx.db.dialect === 'sqlite'
      ? await server.ctx.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await server.ctx.db.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  let total = 0;
  for (const { name } of tables) {
    if (/session|rate_limit|sign_in_failures/.test(name)) continue; // bookkeeping (and guessing counters), not data
    total += Number((await server.ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`))!.n);
  }
  return total;
}

function assertProblem(route: RouteContract, status: number, contentType: string | undefined, body: string): void {
  assert.ok(status < 500, `${route.method} ${route.path} answered ${status}: ${body.slice(0, 300)}`);
  assert.ok(status >= 400, `${route.method} ${route.path} accepted a bad payload with ${status}: ${body.slice(0, 300)}`);
  assert.match(contentType ?? '', /^application\/problem\+json/, `${route.path}: ${body.slice(0, 200)}`);
  const problem = JSON.parse(body) as { status: number; title: string; errors?: { path: string; message: string }[] };
  assert.equal(problem.status, status);
  assert.ok(problem.title.length > 0);
  if (status === 400) {
    assert.ok(problem.errors && problem.errors.length > 0, `${route.path}: a 400 names the fields`);
    for (const error of problem.errors) assert.ok(error.path.length > 0 && error.message.length > 0);
  }
}

/** A value that is wrong for any schema field: wrong type, too long, hostile text. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(6000)),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("'; DROP TABLE units; --"),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** A valid-looking body with one path broken, or something that is not a body at all. */
function badBodies(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  const broken = fc.record({ key: fc.constantFrom(...keys), value: wrongValue }).map(({ key, value }) => ({ ...valid, [key]: value }));
  const missing = fc.constantFrom(...keys).map((key) => {
    const copy = { ...valid };
    delete copy[key];
    return copy;
  });
  return fc.oneof(broken, missing, fc.anything({ maxDepth: 3 }), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }));
}

/** Minimal valid-looking bodies per route, to mutate from; unknown routes fuzz from `{}`. */
function seedBody(route: RouteContract): Record<string, unknown> {
  if (route.path === '/v1/surveys') return surveyBody() as unknown as Record<string, unknown>;
  if (route.path === '/v1/staff/sessions') return { unit: 'phuong-a', username: 'lan', password: 'x' };
  return { unit: 'phuong-a' };
}

describe('fuzz: every public route of the contract', () => {
  let server: Server;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000_000 });
  });
  after(async () => server.dispose());

  const publicBodyRoutes = API_ROUTES.filter((route) => route.body && route.auth !== 'staff');
  const publicParamRoutes = API_ROUTES.filter((route) => !route.body && route.auth !== 'staff' && /:/.test(route.path));

  for (const route of publicBodyRoutes) {
    it(`${route.method} ${route.path}: ${RUNS_PER_BODY_ROUTE} bad bodies, no 5xx, nothing stored, fields named`, async () => {
      const before = await storedRows(server);
      await fc.assert(
        fc.asyncProperty(badBodies(seedBody(route)), async (body) => {
          const response = await server.app.inject({
            method: route.method,
            url: route.path.replace(/:(\w+)/g, 'phuong-a'),
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          // A body that happens to be valid except for business rules may get 401/403/404/409; never 2xx.
          assertProblem(route, response.statusCode, response.headers['content-type'] as string, response.body);
        }),
        { numRuns: RUNS_PER_BODY_ROUTE },
      );
      assert.equal(await storedRows(server), before, 'nothing stored');
    });
  }

  for (const route of publicParamRoutes) {
    it(`${route.method} ${route.path}: ${RUNS_PER_PARAM_ROUTE} hostile parameters, no 5xx`, async () => {
      const segment = fc.oneof(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.constantFrom('..', '%00', '<svg onload=alert(1)>', "' OR 1=1 --", 'Đăng ký', 'A'.repeat(150)),
      );
      await fc.assert(
        fc.asyncProperty(segment, fc.string({ maxLength: 30 }), async (value, query) => {
          const url = route.path.replace(/:(\w+)/g, () => encodeURIComponent(value)) + `?x=${encodeURIComponent(query)}&period=${encodeURIComponent(query)}&leaf=${encodeURIComponent(query)}`;
          const response = await server.app.inject({ method: route.method, url });
          assert.ok(response.statusCode < 500, `${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
          if (response.statusCode >= 400) assert.match(response.headers['content-type'] as string, /problem\+json/);
        }),
        { numRuns: RUNS_PER_PARAM_ROUTE },
      );
    });
  }

  it('periods: the attacks of issue 13 are 400 problems naming `period`, never 500', async () => {
    for (const period of ['0000', '1970-01-01..9999-12-31', '2026-01-01..2026-02-31', '2026-02-29..2026-03-01', '9999', '2026-13-01..2026-13-31']) {
      const response = await server.app.inject(`/v1/units/phuong-a/results?period=${encodeURIComponent(period)}`);
      assert.equal(response.statusCode, 400, `${period}: ${response.body}`);
      assert.deepEqual(response.json().errors.map((e: { path: string }) => e.path), ['period'], period);
    }
  });

  it('periods: 1500 generated from the grammar answer 200 exactly when they are real, else 400', async () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const year = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1995, max: 2105 })).map((n) => String(n).padStart(4, '0'));
    const date = fc.tuple(year, two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const period = fc.oneof(
      year,
      fc.tuple(year, fc.constantFrom('-Q1', '-Q4', '-Q5', '-H1', '-H2', '-9M')).map(([y, p]) => y + p),
      fc.tuple(date, date).map(([a, b]) => `${a}..${b}`),
    );
    await fc.assert(
      fc.asyncProperty(period, async (id) => {
        const response = await server.app.inject(`/v1/units/phuong-a/results?period=${encodeURIComponent(id)}`);
        assert.ok(response.statusCode < 500, `${id} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
        assert.equal(response.statusCode, parsePeriod(id) ? 200 : 400, id);
      }),
      { numRuns: 1500 },
    );
  });
});
