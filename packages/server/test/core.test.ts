import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES } from '@sipas/schema';
import { openApiPath } from '@sipas/schema/openapi';
import { TEST_DIALECT } from './database.js';
import { ORIGIN, testApp } from './helpers.js';

describe('core routes', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('GET /healthz answers ok with the database kind', async () => {
    const response = await server.app.inject('/healthz');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', version: '0.1.0', database: TEST_DIALECT });
  });

  it('GET /v1/units/:unit shows public data only', async () => {
    const response = await server.app.inject('/v1/units/phuong-a');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { id: 'phuong-a', name: 'Phường A', parent: 'tinh-a', questionnaire: 'bnv-2023' });
  });

  it('an unknown unit is a 404 problem in Vietnamese', async () => {
    const response = await server.app.inject('/v1/units/khong-co');
    assert.equal(response.statusCode, 404);
    assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(response.json().code, 'unit_not_found');
  });

  it('a malformed unit id is a 400 naming the parameter', async () => {
    const response = await server.app.inject('/v1/units/KHÔNG%20HỢP%20LỆ');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].path, 'unit');
  });

  it('GET /v1/questionnaires/:id serves the presets, the latest or a given version', async () => {
    const latest = await server.app.inject('/v1/questionnaires/bnv-2023');
    assert.equal(latest.statusCode, 200);
    assert.equal(latest.json().items.length, 19);
    const v1 = await server.app.inject('/v1/questionnaires/hanoi-2025-ward?version=1');
    assert.equal(v1.json().items.length, 16);
    assert.match(v1.headers['cache-control'] as string, /immutable/);
    assert.equal((await server.app.inject('/v1/questionnaires/bnv-2023?version=9')).statusCode, 404);
    assert.equal((await server.app.inject('/v1/questionnaires/bnv-2023?version=abc')).statusCode, 400);
  });

  it('a unit and a questionnaire carry an ETag; sent back, an unchanged one is a 304 without a body', async () => {
    for (const url of ['/v1/units/phuong-a', '/v1/questionnaires/bnv-2023', '/v1/questionnaires/bnv-2023?version=1']) {
      const first = await server.app.inject(url);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]{27}"$/, url);
      const again = await server.app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      assert.equal(again.headers['cache-control'], first.headers['cache-control']);
      assert.equal((await server.app.inject({ url, headers: { 'if-none-match': '"another"' } })).statusCode, 200);
    }
    const tag = async (url: string) => (await server.app.inject(url)).headers.etag;
    assert.notEqual(await tag('/v1/questionnaires/hanoi-2025-ward'), await tag('/v1/questionnaires/bnv-2023'), 'another questionnaire, another tag');
  });

  it('an unknown path is a 404 problem', async () => {
    const response = await server.app.inject('/v1/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().status, 404);
  });

  it('/openapi.json describes every route the server answers', async () => {
    const doc = (await server.app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const route of API_ROUTES) assert.ok(doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], route.path);
    // And nothing the server answers under /v1 is missing from the document.
    const served = server.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/v1/'));
    assert.ok(served.length > 0);
    const documented = new Set(API_ROUTES.map((route) => route.path));
    for (const line of served) {
      const path = /(\/v1\/\S*)/.exec(line)?.[1];
      if (path) assert.ok(documented.has(path), `${path} is served but not in the contract`);
    }
  });

  it('answers every CORS preflight, so that a site not allowed can read its refusal; the request itself is refused', async () => {
    const allowed = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/surveys',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(allowed.headers['access-control-allow-origin'], ORIGIN);
    const other = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/surveys',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(other.headers['access-control-allow-origin'], 'https://evil.example');
    const refused = await server.app.inject({ method: 'POST', url: '/v1/surveys', headers: { origin: 'https://evil.example' }, payload: {} });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'origin_not_allowed');
  });

  it('refuses a body over the limit with 413, and non-JSON with a problem', async () => {
    const big = await server.app.inject({
      method: 'POST',
      url: '/v1/surveys',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(100_000) }),
    });
    assert.equal(big.statusCode, 413);
    assert.match(big.headers['content-type'] as string, /problem\+json/);
    const broken = await server.app.inject({
      method: 'POST',
      url: '/v1/surveys',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().errors[0].code, 'invalid_json');
  });

  it('sends security headers', async () => {
    const response = await server.app.inject('/healthz');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});

describe('sipas-server command line', () => {
  it('runs with the same V8 flags however it is launched: the image, the service, npm start (and the command names them)', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
    const flags = read('deploy/Dockerfile').match(/^ENTRYPOINT \["node", ((?:"--[^"]+", )*)"\/app\//m)?.[1]?.split(', ').filter(Boolean).map((flag) => JSON.parse(flag) as string).join(' ');
    assert.equal(flags, '--max-semi-space-size=32', 'the image names the flags');
    assert.ok(read('packages/server/src/cli.ts').includes(flags), 'the command says which flags its launchers pass');
    assert.ok(read('deploy/sipas.service').includes(`ExecStart=/usr/bin/node ${flags} /opt/`));
    assert.ok(read('package.json').includes(`node ${flags} packages/server/dist/src/cli.js demo`));
  });

  it('reads `--name value`, `--name=value`, known flags and positionals', async () => {
    const { parseCommandArgs } = await import('../src/commands.js');
    const specs = {
      unit: { kind: 'value', summary: '' },
      'skip-invalid': { kind: 'flag', summary: '' },
      label: { kind: 'value', summary: '' },
      check: { kind: 'flag', summary: '' },
    } as const;
    assert.deepEqual(parseCommandArgs(['import-file.json', '--unit', 'phuong-a', '--skip-invalid', 'second.csv', '--label=Quầy 1', '--check'], specs, 2), {
      positionals: ['import-file.json', 'second.csv'],
      options: { unit: 'phuong-a', 'skip-invalid': true, label: 'Quầy 1', check: true },
    });
  });
});
