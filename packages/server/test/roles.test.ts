import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, PERMISSIONS, type RouteContract } from '@sipas/schema';
import { StaffStore } from '../src/staff/store.js';
import { issueKioskPairing } from '../src/surveys/kiosk.js';
import { feedbackBody, surveyBody, testApp } from './helpers.js';

/**
 * The permission matrix route by route for each role: anonymous, staff, admin. The expected
 * minimum role is written out here on purpose, so a change to the matrix is a visible change to
 * this table as well (and to docs/operations.md).
 */
const EXPECTED: Record<string, 'staff' | 'admin'> = {
  'DELETE /v1/staff/sessions/current': 'staff',
  'GET /v1/staff/me': 'staff',
  'GET /v1/staff/units/:unit/feedback': 'staff',
  'GET /v1/staff/units/:unit/feedback/:code': 'staff',
  'POST /v1/staff/units/:unit/feedback/:code/actions': 'staff',
  'GET /v1/staff/units/:unit/feedback-export': 'admin',
  'GET /v1/staff/units/:unit/report': 'staff',
  'GET /v1/staff/units/:unit/log/openings': 'staff',
  'POST /v1/staff/units/:unit/log/openings': 'admin',
  'GET /v1/staff/units/:unit/log/export': 'admin',
  'POST /v1/staff/units/:unit/accounts/:username/unlock': 'admin',
  'GET /v1/staff/units/:unit/holidays': 'staff',
  'PUT /v1/staff/units/:unit/holidays/:year': 'admin',
  'DELETE /v1/staff/units/:unit/holidays/:year': 'admin',
  'POST /v1/staff/units/:unit/procedure-imports': 'admin',
  'POST /v1/staff/units/:unit/procedure-imports/:id/confirm': 'admin',
  'POST /v1/staff/units/:unit/dossier-tokens': 'staff',
  'GET /v1/staff/units/:unit/survey-settings': 'staff',
  'PATCH /v1/staff/units/:unit/survey-settings': 'admin',
  'GET /v1/staff/units/:unit/accounts': 'admin',
  'POST /v1/staff/units/:unit/accounts': 'admin',
  'PATCH /v1/staff/units/:unit/accounts/:username': 'admin',
  'POST /v1/staff/units/:unit/accounts/:username/password': 'admin',
  'GET /v1/staff/units/:unit/kiosk-keys': 'admin',
  'POST /v1/staff/units/:unit/kiosk-keys': 'admin',
  'DELETE /v1/staff/units/:unit/kiosk-keys/:id': 'admin',
  'GET /v1/staff/units/:unit/origins': 'admin',
  'POST /v1/staff/units/:unit/origins': 'admin',
  'DELETE /v1/staff/units/:unit/origins': 'admin',
  'GET /v1/staff/units/:unit/feedback-settings': 'admin',
  'PUT /v1/staff/units/:unit/feedback-settings': 'admin',
  'GET /v1/staff/units/:unit/changes': 'admin',
};

/** A one-procedure CSV in our field names, for the import routes. */
const IMPORT = {
  fileName: 'ds.csv',
  content: Buffer.from('code,name,level,field,agency,result\n2.000908,Cấp bản sao từ sổ gốc,Cấp xã,Chứng thực,UBND cấp xã,Bản sao\n').toString('base64'),
};

const key = (route: RouteContract) => `${route.method} ${route.path}`;
const staffRoutes = API_ROUTES.filter((route) => route.auth === 'staff');

describe('roles: the permission matrix, route by route', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  const tokens: Record<'staff' | 'admin', string> = { staff: '', admin: '' };
  let code: string;
  let kioskId: string;

  const signIn = async (username: string, password: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username, password } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().token as string;
  };

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-can-bo' });
    await staff.addUser({ unit: 'phuong-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-quan-tri' });
    tokens.staff = await signIn('lan', 'mat-khau-can-bo');
    tokens.admin = await signIn('minh', 'mat-khau-quan-tri');
    code = (await server.app.inject({ method: 'POST', url: '/v1/feedback', payload: feedbackBody() })).json().trackingCode;
    await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody() });
    previewId = (await server.app.inject({ method: 'POST', url: '/v1/staff/units/phuong-a/procedure-imports', payload: IMPORT, headers: { authorization: `Bearer ${tokens.admin}` } })).json().id;
    // Accounts and keys the admin routes act on, so that no test session is ended by them.
    await staff.addUser({ unit: 'phuong-a', username: 'phu', name: 'Lê Văn Phú', role: 'staff', password: 'mat-khau-phu-dai' });
    kioskId = (await issueKioskPairing(server.ctx.db, 'phuong-a', 'Quầy thử', 'Trần Văn Minh')).key.id;
  });
  after(async () => server?.dispose());
  let previewId = '';

  const year = new Date().getFullYear();
  const request = (route: RouteContract): { url: string; payload?: object } => {
    const url = route.path.replace(':unit', 'phuong-a').replace(':code', code).replace(':username', 'lan').replace(':year', String(year)).replace(':id', previewId);
    switch (key(route)) {
      case 'PUT /v1/staff/units/:unit/holidays/:year':
        return { url, payload: { decision: 'Thông báo nghỉ lễ (thử)', days: [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }] } };
      case 'POST /v1/staff/units/:unit/procedure-imports':
        return { url, payload: IMPORT };
      case 'GET /v1/staff/units/:unit/feedback-export':
        return { url: `${url}?from=${year}-01-01&to=${year}-12-31` };
      case 'GET /v1/staff/units/:unit/report':
        return { url: `${url}?period=${year}&format=csv` };
      case 'POST /v1/staff/units/:unit/log/openings':
        return { url, payload: { from: `${year}-01-01`, to: `${year}-12-31`, witnesses: [{ role: 'mttq', name: 'Bà Chứng Kiến' }] } };
      case 'POST /v1/staff/units/:unit/feedback/:code/actions':
        return { url, payload: { action: 'note', note: 'Ghi chú của cán bộ' } };
      case 'POST /v1/staff/units/:unit/dossier-tokens':
        return { url, payload: { dossier: 'HS-2026-0001', procedure: '1.001193' } };
      case 'PATCH /v1/staff/units/:unit/survey-settings':
        return { url, payload: { dossierTokenDays: 90 } };
      case 'POST /v1/staff/units/:unit/accounts':
        return { url, payload: { username: 'moi', name: 'Người Mới', role: 'staff' } };
      case 'PATCH /v1/staff/units/:unit/accounts/:username':
        return { url: url.replace('/lan', '/phu'), payload: { name: 'Lê Văn Phú' } };
      case 'POST /v1/staff/units/:unit/accounts/:username/password':
        return { url: url.replace('/lan/', '/phu/') };
      case 'POST /v1/staff/units/:unit/kiosk-keys':
        return { url, payload: { label: 'Quầy 9' } };
      case 'DELETE /v1/staff/units/:unit/kiosk-keys/:id':
        return { url: route.path.replace(':unit', 'phuong-a').replace(':id', kioskId) };
      case 'POST /v1/staff/units/:unit/origins':
        return { url, payload: { origin: 'https://moi.example.gov.vn' } };
      case 'DELETE /v1/staff/units/:unit/origins':
        return { url: `${url}?origin=${encodeURIComponent('https://moi.example.gov.vn')}` };
      case 'PUT /v1/staff/units/:unit/feedback-settings':
        return { url, payload: { workingDays: 9, smtpUrl: null, smtpFrom: null, lookupUrl: null } };
      default:
        return { url };
    }
  };
  const call = async (route: RouteContract, token?: string) => {
    const { url, payload } = request(route);
    // Signing out ends the session: give that route a session of its own.
    const own = key(route) === 'DELETE /v1/staff/sessions/current' && token ? await signIn(token === tokens.admin ? 'minh' : 'lan', token === tokens.admin ? 'mat-khau-quan-tri' : 'mat-khau-can-bo') : token;
    return server.app.inject({ method: route.method, url, ...(payload ? { payload } : {}), headers: own ? { authorization: `Bearer ${own}` } : {} });
  };

  it('docs/operations.md prints the same matrix', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../../docs/operations.md', import.meta.url)), 'utf8');
    const printed = Object.fromEntries([...doc.matchAll(/^\| `([a-z]+\.[a-z]+)` \| .* \| `(staff|admin)` \|$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(printed, { ...PERMISSIONS });
  });

  it('the matrix in code is the one written here, for every staff route of the contract', () => {
    assert.deepEqual(Object.fromEntries(staffRoutes.map((route) => [key(route), route.permission ? PERMISSIONS[route.permission] : 'staff'])), EXPECTED);
  });

  for (const route of staffRoutes) {
    const needs = EXPECTED[key(route)];
    it(`${key(route)}: anonymous 401, staff ${needs === 'admin' ? '403' : 'allowed'}, admin allowed`, async () => {
      assert.equal((await call(route)).statusCode, 401);
      const asStaff = await call(route, tokens.staff);
      if (needs === 'admin') {
        assert.equal(asStaff.statusCode, 403, asStaff.body);
        const problem = asStaff.json();
        assert.equal(problem.code, 'forbidden_role');
        assert.match(problem.title, /^Chỉ quản trị viên của đơn vị được /);
        assert.match(problem.detail, /vai trò "admin"/);
      } else {
        assert.ok(asStaff.statusCode < 300, `${asStaff.statusCode} ${asStaff.body.slice(0, 200)}`);
      }
      const asAdmin = await call(route, tokens.admin);
      assert.ok(asAdmin.statusCode < 300, `${asAdmin.statusCode} ${asAdmin.body.slice(0, 200)}`);
    });
  }

  it('a staff member handles a case but only an admin publishes it', async () => {
    const act = (token: string, payload: object) =>
      server.app.inject({ method: 'POST', url: `/v1/staff/units/phuong-a/feedback/${code}/actions`, payload, headers: { authorization: `Bearer ${token}` } });
    assert.equal((await act(tokens.staff, { action: 'answer', answer: 'Đơn vị đã thay hai ghế mới ở khu chờ.' })).statusCode, 200);
    const publication = { action: 'publish', title: 'Ghế chờ bị hỏng', content: 'Ghế ở khu chờ bị gãy chân.', answer: 'Đơn vị đã thay hai ghế mới ở khu chờ.' };
    const refused = await act(tokens.staff, publication);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().title, 'Chỉ quản trị viên của đơn vị được công khai trả lời phản ánh, kiến nghị.');
    const kase = await server.app.inject({ url: `/v1/staff/units/phuong-a/feedback/${code}`, headers: { authorization: `Bearer ${tokens.staff}` } });
    assert.equal(kase.json().status, 'answered', 'nothing was published');
    assert.equal((await act(tokens.admin, publication)).statusCode, 200);
  });

  it('the staff refusal is checked before the body: a staff member learns no field names of admin routes', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/staff/units/phuong-a/log/openings',
      payload: { nonsense: true },
      headers: { authorization: `Bearer ${tokens.staff}` },
    });
    assert.equal(response.statusCode, 403);
  });
});
