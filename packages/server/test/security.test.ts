import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_ROUTES, type FeedbackSubmission, type RouteContract } from '@sipas/schema';
import type { LightMyRequestResponse } from 'fastify';
import { StaffStore } from '../src/staff/store.js';
import { ORIGIN, surveyBody, testApp } from './helpers.js';

/**
 * Security of the reference server: staff routes refuse without authentication (every
 * `auth: 'staff'` route of the contract, walked from API_ROUTES), CORS only for each unit's own
 * origins, and security headers on the server's own pages while /sipas/ stays embeddable anywhere.
 */

const CONSENT = { accepted: true as const, textVersion: 'pakn-2026-01', text: 'Tôi đồng ý để cơ quan xử lý thông tin cá nhân của tôi cho phản ánh này.' };
const EVIL = 'https://evil.example';
const repo = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

function feedbackBody(unit = 'phuong-a'): FeedbackSubmission {
  return {
    id: crypto.randomUUID(),
    unit,
    topic: 'other',
    title: 'Ghế chờ bị hỏng',
    content: 'Hai ghế ở khu chờ Bộ phận Một cửa bị gãy chân, đề nghị thay sớm.',
    sender: { name: 'Vũ Thị Mai', address: 'Số 3 ngõ 7, phường A', phone: '0977 888 999', email: 'mai@example.com' },
    consent: CONSENT,
    secret: 'ABCD2345',
  };
}

interface Example {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** A request for `route` built from a valid example: its path with the params filled in, and the query. */
function urlOf(route: RouteContract, example: Example): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(example.params![name]!));
  const query = new URLSearchParams(example.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

describe('security: staff routes refuse without authentication', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;
  let signedOut: string;
  let code: string;
  /** Rows before any refused request: the test setup's own survey settings are in the change log. */
  const rowsBefore: Record<string, number> = {};
  const staffRoutes = API_ROUTES.filter((route) => route.auth === 'staff');

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    const staff = new StaffStore(server.ctx.db);
    // Admins: these tests are about authentication and units; what each role may do is roles.test.ts.
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'admin', password: 'mat-khau-dai-du' });
    await staff.addUser({ unit: 'phuong-b', username: 'hoa', name: 'Lê Hoa', role: 'admin', password: 'mat-khau-dai-du' });
    const signIn = async (unit: string, username: string) =>
      (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password: 'mat-khau-dai-du' } })).json().token as string;
    token = await signIn('phuong-a', 'lan');
    otherToken = await signIn('phuong-b', 'hoa');
    signedOut = await signIn('phuong-a', 'lan');
    assert.equal((await server.app.inject({ method: 'DELETE', url: '/v1/staff/sessions/current', headers: { authorization: `Bearer ${signedOut}` } })).statusCode, 204);
    code = (await server.app.inject({ method: 'POST', url: '/v1/feedback', payload: feedbackBody() })).json().trackingCode;
    await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody() });
    for (const table of ['admin_changes', 'kiosk_keys'])
      rowsBefore[table] = Number((await server.ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
  });
  after(async () => server?.dispose());

  /** A realistic, valid request for every staff route: a refusal is then the authentication's, not the validation's. */
  const examples = (): Record<string, Example> => {
    const year = new Date().getFullYear();
    const unit = { unit: 'phuong-a' };
    return {
      'DELETE /v1/staff/sessions/current': {},
      'GET /v1/staff/me': {},
      'GET /v1/staff/units/:unit/log/export': { params: unit },
      'POST /v1/staff/units/:unit/log/openings': {
        params: unit,
        body: { from: `${year}-01-01`, to: `${year}-12-31`, witnesses: [{ role: 'mttq', name: 'Bà Chứng Kiến' }] },
      },
      'GET /v1/staff/units/:unit/log/openings': { params: unit },
      'GET /v1/staff/units/:unit/report': { params: unit, query: { period: String(year), format: 'csv' } },
      'GET /v1/staff/units/:unit/feedback': { params: unit, query: { status: 'received' } },
      'GET /v1/staff/units/:unit/feedback/:code': { params: { ...unit, code } },
      'POST /v1/staff/units/:unit/feedback/:code/actions': { params: { ...unit, code }, body: { action: 'note', note: 'Ghi chú' } },
      'GET /v1/staff/units/:unit/feedback-export': { params: unit, query: { from: `${year}-01-01`, to: `${year}-12-31` } },
      'POST /v1/staff/units/:unit/dossier-tokens': { params: unit, body: { dossier: 'HS-2026-0001', procedure: '1.001193' } },
      'GET /v1/staff/units/:unit/survey-settings': { params: unit },
      'PATCH /v1/staff/units/:unit/survey-settings': { params: unit, body: { publishedChannels: ['dossier', 'kiosk', 'web'] } },
      'POST /v1/staff/units/:unit/accounts/:username/unlock': { params: { ...unit, username: 'lan' } },
      'GET /v1/staff/units/:unit/holidays': { params: unit },
      'PUT /v1/staff/units/:unit/holidays/:year': {
        params: { ...unit, year: String(year) },
        body: { decision: 'Thông báo nghỉ lễ', days: [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }] },
      },
      'DELETE /v1/staff/units/:unit/holidays/:year': { params: { ...unit, year: String(year) } },
      'POST /v1/staff/units/:unit/procedure-imports': { params: unit, body: { fileName: 'ds.csv', content: Buffer.from('code,name\n').toString('base64') } },
      'POST /v1/staff/units/:unit/procedure-imports/:id/confirm': { params: { ...unit, id: 'khong-co-ban-xem-truoc' } },
      'GET /v1/staff/units/:unit/accounts': { params: unit },
      'POST /v1/staff/units/:unit/accounts': { params: unit, body: { username: 'moi', name: 'Người Mới', role: 'staff' } },
      'PATCH /v1/staff/units/:unit/accounts/:username': { params: { ...unit, username: 'khong-co' }, body: { role: 'admin' } },
      'POST /v1/staff/units/:unit/accounts/:username/password': { params: { ...unit, username: 'khong-co' } },
      'GET /v1/staff/units/:unit/kiosk-keys': { params: unit },
      'POST /v1/staff/units/:unit/kiosk-keys': { params: unit, body: { label: 'Quầy 9' } },
      'DELETE /v1/staff/units/:unit/kiosk-keys/:id': { params: { ...unit, id: 'khong-co' } },
      'GET /v1/staff/units/:unit/origins': { params: unit },
      'POST /v1/staff/units/:unit/origins': { params: unit, body: { origin: 'https://moi.example.gov.vn' } },
      'DELETE /v1/staff/units/:unit/origins': { params: unit, query: { origin: 'https://moi.example.gov.vn' } },
      'GET /v1/staff/units/:unit/feedback-settings': { params: unit },
      'PUT /v1/staff/units/:unit/feedback-settings': { params: unit, body: { workingDays: 9, smtpUrl: null, smtpFrom: null, lookupUrl: null } },
      'GET /v1/staff/units/:unit/changes': { params: unit },
    };
  };

  const call = (route: RouteContract, example: Example, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: route.method,
      url: urlOf(route, example),
      headers,
      ...(example.body !== undefined ? { payload: example.body as object } : {}),
    });

  const assertRefused = (response: LightMyRequestResponse, what: string) => {
    assert.equal(response.statusCode, 401, `${what}: ${response.body.slice(0, 200)}`);
    assert.equal(response.headers['www-authenticate'], 'Bearer', what);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/, what);
    assert.equal(response.json().code, 'unauthenticated', what);
  };

  it('the examples cover every staff route of the contract and are valid requests', () => {
    assert.ok(staffRoutes.length >= 10, `${staffRoutes.length} staff routes`);
    const table = examples();
    for (const route of staffRoutes) {
      const key = `${route.method} ${route.path}`;
      const example = table[key];
      assert.ok(example, `${key} is a staff route with no example here: add one`);
      if (route.params) assert.ok(route.params.safeParse(example.params).success, `${key}: params`);
      if (route.query) assert.ok(route.query.safeParse(example.query ?? {}).success, `${key}: query`);
      if (route.body) assert.ok(route.body.safeParse(example.body).success, `${key}: body`);
    }
  });

  it('every staff route answers 401 without a token, with a forged, tampered or signed-out one, or another scheme', async () => {
    const table = examples();
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const credentials: Record<string, Record<string, string>> = {
      'no token': {},
      'a forged token': { authorization: `Bearer st_${randomBytes(32).toString('base64url')}` },
      'a tampered token': { authorization: `Bearer ${tampered}` },
      'a signed-out token': { authorization: `Bearer ${signedOut}` },
      'an empty bearer': { authorization: 'Bearer ' },
      'the token as Basic credentials': { authorization: `Basic ${Buffer.from(`lan:${token}`).toString('base64')}` },
      'the token without its scheme': { authorization: token },
      'the token in a cookie': { cookie: `token=${token}; session=${token}` },
    };
    for (const route of staffRoutes) {
      const example = table[`${route.method} ${route.path}`]!;
      for (const [what, headers] of Object.entries(credentials)) {
        assertRefused(await call(route, example, headers), `${route.method} ${route.path} with ${what}`);
      }
      // Nor does a token in the query string count.
      const url = urlOf(route, example);
      const inQuery = await server.app.inject({
        method: route.method,
        url: `${url}${url.includes('?') ? '&' : '?'}token=${token}&access_token=${token}`,
        ...(example.body !== undefined ? { payload: example.body as object } : {}),
      });
      assert.ok([400, 401].includes(inQuery.statusCode), `${route.method} ${route.path} with the token in the query: ${inQuery.statusCode}`);
    }
  });

  it('nothing happened: no opening, no note, and the real session is still signed in', async () => {
    const openings = await server.ctx.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM log_openings');
    assert.equal(Number(openings[0]!.n), 0);
    for (const table of ['admin_changes', 'kiosk_keys']) {
      assert.equal(Number((await server.ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n), rowsBefore[table], table);
    }
    const kase = await server.app.inject({ url: `/v1/staff/units/phuong-a/feedback/${code}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(kase.statusCode, 200);
    assert.ok(!kase.body.includes('Ghi chú'), 'no note was added');
    assert.equal((await server.app.inject({ url: '/v1/staff/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
  });

  it('a valid token of another unit is refused on this unit’s routes (403), and works on its own', async () => {
    const table = examples();
    for (const route of staffRoutes.filter((r) => r.path.includes(':unit'))) {
      const example = table[`${route.method} ${route.path}`]!;
      const response = await call(route, example, { authorization: `Bearer ${otherToken}` });
      assert.equal(response.statusCode, 403, `${route.method} ${route.path}: ${response.body.slice(0, 200)}`);
      assert.equal(response.json().code, 'wrong_unit');
    }
    const own = await server.app.inject({ url: '/v1/staff/units/phuong-b/feedback', headers: { authorization: `Bearer ${otherToken}` } });
    assert.equal(own.statusCode, 200);
  });

  it('staff answers are never stored by a cache', async () => {
    const table = examples();
    for (const route of staffRoutes.filter((r) => r.method === 'GET')) {
      const response = await call(route, table[`${route.method} ${route.path}`]!, { authorization: `Bearer ${token}` });
      assert.equal(response.statusCode, 200, `${route.path}: ${response.body.slice(0, 200)}`);
      assert.match(String(response.headers['cache-control']), /no-store/, `${route.path} cache-control`);
    }
  });
});

describe('security: CORS only for each unit’s own origins', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
  });
  after(async () => server?.dispose());

  const count = async (table: string) => Number((await server.ctx.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);

  it('a preflight is answered for any origin (never with * or credentials): what protects the data is the refusal of the request itself', async () => {
    for (const url of ['/v1/surveys', '/v1/feedback', '/v1/units/phuong-a/procedures']) {
      for (const origin of [ORIGIN, EVIL, 'null', `${ORIGIN}.evil.example`, ORIGIN.replace('https:', 'http:')]) {
        const preflight = await server.app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
        assert.equal(preflight.headers['access-control-allow-origin'], origin, `${url} preflight from ${origin}`);
        assert.match(String(preflight.headers.vary), /origin/i);
        assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
      }
    }
  });

  it('a unit’s public data is refused to another site (403 without data, readable so the element can say why) and answered to its own with Vary: Origin', async () => {
    for (const url of ['/v1/units/phuong-a', '/v1/units/phuong-a/results', '/v1/units/phuong-a/feedback', '/v1/units/phuong-a/procedures']) {
      const own = await server.app.inject({ url, headers: { origin: ORIGIN } });
      assert.equal(own.statusCode, 200, url);
      assert.equal(own.headers['access-control-allow-origin'], ORIGIN, url);
      assert.match(String(own.headers.vary), /origin/i, `${url}: a cache must not give one site's answer to another`);
      for (const origin of [EVIL, `${ORIGIN}.evil.example`, ORIGIN.replace('https:', 'http:'), 'null']) {
        const evil = await server.app.inject({ url, headers: { origin } });
        assert.equal(evil.statusCode, 403, url);
        assert.equal(evil.headers['access-control-allow-origin'], origin, url);
        assert.equal(evil.json().code, 'origin_not_allowed');
        assert.deepEqual(Object.keys(evil.json()).sort(), ['code', 'detail', 'instance', 'status', 'title', 'type'], `${url}: no data`);
      }
    }
  });

  it('a site no unit allows reaches no handler: no write, no staff route, whatever it sends', async () => {
    const [surveys, feedback] = [await count('survey_responses'), await count('feedback_cases')];
    for (const [method, url, payload] of [
      ['POST', '/v1/surveys', surveyBody()],
      ['POST', '/v1/feedback', feedbackBody()],
      ['POST', '/v1/staff/sessions', { unit: 'phuong-a', username: 'x', password: 'y' }],
      ['GET', '/v1/staff/me', undefined],
    ] as const) {
      const response = await server.app.inject({ method, url, headers: { origin: EVIL }, ...(payload ? { payload } : {}) });
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      assert.equal(response.json().code, 'origin_not_allowed');
    }
    assert.deepEqual([await count('survey_responses'), await count('feedback_cases')], [surveys, feedback], 'nothing stored');
  });

  it('one unit’s origin does not open another unit: reads and writes to phường B from phường A’s site are refused', async () => {
    const [surveys, feedback] = [await count('survey_responses'), await count('feedback_cases')];
    const read = await server.app.inject({ url: '/v1/units/phuong-b', headers: { origin: ORIGIN } });
    assert.equal(read.statusCode, 403);
    const survey = await server.app.inject({
      method: 'POST',
      url: '/v1/surveys',
      headers: { origin: ORIGIN },
      payload: surveyBody({ unit: 'phuong-b', questionnaire: { id: 'hanoi-2025-ward', version: 1 } }),
    });
    assert.equal(survey.statusCode, 403, survey.body);
    const sent = await server.app.inject({ method: 'POST', url: '/v1/feedback', headers: { origin: ORIGIN }, payload: feedbackBody('phuong-b') });
    assert.equal(sent.statusCode, 403, sent.body);
    assert.deepEqual([await count('survey_responses'), await count('feedback_cases')], [surveys, feedback], 'nothing stored');
  });

  it('the server’s own pages (same origin) and non-browser callers pass', async () => {
    const self = await server.app.inject({ url: '/v1/units/phuong-b', headers: { origin: 'http://localhost:80', host: 'localhost:80' } });
    assert.equal(self.statusCode, 200);
    assert.equal((await server.app.inject('/v1/units/phuong-b')).statusCode, 200);
  });
});

describe('security: headers on the server’s own pages', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp({ siteDir: repo('demo'), widgetsDir: repo('packages/widgets/dist') });
  });
  after(async () => server?.dispose());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ url, headers });
  const frameAncestors = (response: LightMyRequestResponse) => /frame-ancestors ([^;]+)/.exec(String(response.headers['content-security-policy'] ?? ''))?.[1]?.trim();

  it('every HTML page: nosniff, a referrer policy, and no framing by other sites', async () => {
    for (const url of ['/', '/index.html', '/khao-sat.html', '/thu-tuc.html', '/gop-y.html', '/ket-qua.html', '/kiosk.html', '/desk/', '/cau-hinh/']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['content-type']), /^text\/html/, url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
      const ancestors = frameAncestors(response);
      assert.ok(ancestors === "'self'" || ancestors === "'none'", `${url}: frame-ancestors ${ancestors}`);
      assert.ok(['SAMEORIGIN', 'DENY'].includes(String(response.headers['x-frame-options'])), `${url}: x-frame-options ${response.headers['x-frame-options']}`);
    }
  });

  it('the staff desk has a strict CSP: scripts only from itself, no plugins, no base, no framing at all', async () => {
    const response = await get('/desk/');
    const csp = String(response.headers['content-security-policy']);
    const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]+)`).exec(csp)?.[1]?.trim();
    assert.equal(directive('default-src'), "'self'");
    assert.equal(directive('script-src'), "'self'");
    assert.equal(directive('object-src'), "'none'");
    assert.equal(directive('base-uri'), "'none'");
    assert.equal(directive('frame-ancestors'), "'none'");
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('the widgets stay embeddable on any site: /sipas/sipas.js and its chunks load cross-origin, its catalogue is readable by the unit’s sites', async () => {
    const script = await get('/sipas/sipas.js', { origin: EVIL, 'sec-fetch-dest': 'script', 'sec-fetch-mode': 'no-cors' });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.equal(script.headers['x-content-type-options'], 'nosniff');
    assert.equal(script.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(script.headers['x-frame-options'], undefined, 'no page headers on the script');
    assert.equal(script.headers['content-security-policy'], undefined);
    // The loader imports its chunks as ES modules, which browsers fetch with CORS, from any site.
    // Each first bundle under its build's name (cached for good) and its stable name (a page's hint; revalidated).
    const plan = JSON.parse(readFileSync(repo('packages/widgets/dist/.vite/script-tag.json'), 'utf8')) as { first: Record<string, string[]> };
    for (const [file, cache] of [[plan.first['sipas-survey']![0]!, 'public, max-age=31536000, immutable'], ['chunks/sipas-survey.js', 'public, max-age=300']]) {
      const module = await get(`/sipas/${file}`, { origin: EVIL, 'sec-fetch-dest': 'script', 'sec-fetch-mode': 'cors' });
      assert.equal(module.statusCode, 200, file);
      assert.match(String(module.headers['content-type']), /javascript/);
      assert.equal(module.headers['access-control-allow-origin'], '*');
      assert.equal(module.headers['x-content-type-options'], 'nosniff');
      assert.equal(module.headers['cache-control'], cache, file);
    }
    const catalogue = await get('/sipas/sipas.en.json', { origin: ORIGIN });
    assert.equal(catalogue.statusCode, 200);
    assert.equal(catalogue.headers['access-control-allow-origin'], ORIGIN);
  });

  it('API answers carry nosniff and are not pages (no framing headers needed)', async () => {
    for (const url of ['/healthz', '/openapi.json', '/v1/units/phuong-a', '/v1/nothing-here']) {
      const response = await get(url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
    }
  });
});
