import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, checkOrigin, PERMISSIONS } from '@sipas/schema';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { StaffStore } from '../src/staff/store.js';
import { ORIGIN, surveyBody, testApp } from './helpers.js';

/**
 * The admin API a unit's admins use from the desk: accounts, kiosk keys, allowed origins,
 * feedback settings, and the change log that records each of them. Staff are refused every route.
 */

type Server = Awaited<ReturnType<typeof testApp>>;
const WARD_SITE = 'https://phuong-a-moi.example.gov.vn';

async function signIn(server: Server, username: string, password: string, unit = 'phuong-a'): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password } });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().token as string;
}

describe('admin API', () => {
  let server: Server;
  let admin: Record<string, string>;
  let clerk: Record<string, string>;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'quantri', name: 'Trần Văn Quản', role: 'admin', password: 'mat-khau-quan-tri' });
    await staff.addUser({ unit: 'phuong-a', username: 'canbo', name: 'Lê Thị Cán', role: 'staff', password: 'mat-khau-can-bo' });
    admin = { authorization: `Bearer ${await signIn(server, 'quantri', 'mat-khau-quan-tri')}` };
    clerk = { authorization: `Bearer ${await signIn(server, 'canbo', 'mat-khau-can-bo')}` };
  });
  after(async () => server.dispose());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('refuses every admin route to a staff member with a Vietnamese 403, before looking at the request', async () => {
    const adminRoutes = API_ROUTES.filter((route) => route.tags.includes('admin'));
    assert.ok(adminRoutes.length >= 12, 'the admin routes are in the contract');
    for (const route of adminRoutes) {
      assert.equal(route.permission && PERMISSIONS[route.permission], 'admin', `${route.path} is admin-only in the matrix`);
      const url = route.path.replace(':unit', 'phuong-a').replace(':id', 'x').replace(':username', 'x');
      const response = await call(route.method, url, clerk, route.body ? {} : undefined);
      assert.equal(response.statusCode, 403, `${route.method} ${route.path}`);
      assert.equal(response.json().code, 'forbidden_role');
      assert.match(response.json().title, /^Chỉ quản trị viên của đơn vị được /);
    }
  });

  it('adds an account with a generated password shown once; the new clerk signs in with it', async () => {
    const added = await call('POST', '/v1/staff/units/phuong-a/accounts', admin, { username: 'hoa', name: 'Phạm Thị Hoa', role: 'staff' });
    assert.equal(added.statusCode, 201, added.body);
    const { account, password } = added.json();
    assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    assert.deepEqual({ username: account.username, role: account.role, disabled: account.disabled }, { username: 'hoa', role: 'staff', disabled: false });
    await signIn(server, 'hoa', password);
    const list = (await call('GET', '/v1/staff/units/phuong-a/accounts', admin)).json();
    assert.ok(list.accounts.some((a: { username: string }) => a.username === 'hoa'));
    assert.ok(!JSON.stringify(list).includes(password) && !JSON.stringify(list).includes('scrypt'));
    const again = await call('POST', '/v1/staff/units/phuong-a/accounts', admin, { username: 'hoa', name: 'Người khác', role: 'staff' });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().title, /đã có/);
    const bad = await call('POST', '/v1/staff/units/phuong-a/accounts', admin, { username: 'Hoa Phạm', name: 'H', role: 'chief' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path).sort(), ['name', 'role', 'username']);
  });

  it('resets a password: the old one and its sessions stop working at once, the new one works', async () => {
    const { account, password } = (await call('POST', '/v1/staff/units/phuong-a/accounts', admin, { username: 'binh', name: 'Đỗ Văn Bình', role: 'staff' })).json();
    const session = { authorization: `Bearer ${await signIn(server, 'binh', password)}` };
    const reset = await call('POST', `/v1/staff/units/phuong-a/accounts/${account.username}/password`, admin);
    assert.equal(reset.statusCode, 200);
    assert.notEqual(reset.json().password, password);
    assert.equal((await call('GET', '/v1/staff/me', session)).statusCode, 401);
    const old = await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'binh', password } });
    assert.equal(old.statusCode, 401);
    await signIn(server, 'binh', reset.json().password);
  });

  it('disables an account (its session ends at once), changes roles, and never removes the last admin', async () => {
    const { account, password } = (await call('POST', '/v1/staff/units/phuong-a/accounts', admin, { username: 'cuong', name: 'Vũ Cường', role: 'staff' })).json();
    const session = { authorization: `Bearer ${await signIn(server, 'cuong', password)}` };
    const promoted = await call('PATCH', `/v1/staff/units/phuong-a/accounts/${account.username}`, admin, { role: 'admin' });
    assert.equal(promoted.json().role, 'admin');
    assert.equal((await call('GET', '/v1/staff/units/phuong-a/origins', session)).statusCode, 200, 'the new role applies to the next request');
    const disabled = await call('PATCH', `/v1/staff/units/phuong-a/accounts/${account.username}`, admin, { disabled: true });
    assert.equal(disabled.json().disabled, true);
    assert.equal((await call('GET', '/v1/staff/me', session)).statusCode, 401);
    const self = await call('PATCH', `/v1/staff/units/phuong-a/accounts/quantri`, admin, { role: 'staff' });
    assert.equal(self.statusCode, 409);
    assert.match(self.json().title, /quản trị viên cuối cùng/);
    assert.equal((await call('PATCH', `/v1/staff/units/phuong-a/accounts/quantri`, admin, {})).statusCode, 400);
  });

  it('an admin of one ward cannot manage another ward', async () => {
    assert.equal((await call('GET', '/v1/staff/units/phuong-b/accounts', admin)).statusCode, 403);
  });

  it('validates origins exactly and suggests the origin of a page address', async () => {
    const page = await call('POST', '/v1/staff/units/phuong-a/origins', admin, { origin: 'https://phuong-a.example.gov.vn/gop-y.html' });
    assert.equal(page.statusCode, 400);
    assert.match(page.json().errors[0].message, /không kèm đường dẫn: https:\/\/phuong-a\.example\.gov\.vn$/);
    for (const origin of ['ftp://x.example', 'phuong-a.gov.vn', 'https://user:pw@x.example', 'null']) {
      assert.equal((await call('POST', '/v1/staff/units/phuong-a/origins', admin, { origin })).statusCode, 400, origin);
    }
    assert.deepEqual(checkOrigin('HTTPS://Phuong.Example.GOV.vn:443/'), { ok: true, origin: 'https://phuong.example.gov.vn' });
  });

  it('a site not yet allowed gets a readable refusal naming the address and where to add it; once added it works at once', async () => {
    // The browser's preflight succeeds, so the real request's refusal can be read…
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/surveys',
      headers: { origin: WARD_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], WARD_SITE);
    const stored = async () => Number((await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses'))!.n);
    const before = await stored();
    const refused = await server.app.inject({ method: 'POST', url: '/v1/surveys', headers: { origin: WARD_SITE }, payload: surveyBody() });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.headers['access-control-allow-origin'], WARD_SITE, 'readable by the page');
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    const problem = refused.json();
    assert.equal(problem.code, 'origin_not_allowed');
    assert.equal(problem.title, 'Dịch vụ này chưa được thiết lập trên trang web này.');
    assert.match(problem.detail, new RegExp(`${WARD_SITE}.*phuong-a.*/desk/.*Trang web được phép`));
    assert.equal(await stored(), before, 'nothing stored');
    const read = await server.app.inject({ url: '/v1/units/phuong-a/procedures', headers: { origin: WARD_SITE } });
    assert.equal(read.statusCode, 403);
    assert.deepEqual(Object.keys(read.json()).sort(), ['code', 'detail', 'instance', 'status', 'title', 'type'], 'no data');

    const added = await call('POST', '/v1/staff/units/phuong-a/origins', admin, { origin: `${WARD_SITE}/` });
    assert.equal(added.statusCode, 200);
    assert.deepEqual(added.json().origins, [ORIGIN, WARD_SITE]);
    const now = await server.app.inject({ method: 'POST', url: '/v1/surveys', headers: { origin: WARD_SITE }, payload: surveyBody() });
    assert.equal(now.statusCode, 201, 'no restart needed');

    const removed = await call('DELETE', `/v1/staff/units/phuong-a/origins?origin=${encodeURIComponent(WARD_SITE)}`, admin);
    assert.deepEqual(removed.json().origins, [ORIGIN]);
    assert.equal((await server.app.inject({ url: '/v1/units/phuong-a', headers: { origin: WARD_SITE } })).statusCode, 403);
  });

  it('feedback settings: days and mail server; the password is never sent back and *** keeps it', async () => {
    const put = await call('PUT', '/v1/staff/units/phuong-a/feedback-settings', admin, {
      workingDays: 7,
      smtpUrl: 'smtp://phuong:bi-mat-thu@mail.example.gov.vn:587',
      smtpFrom: '"UBND phường A" <no-reply@phuong-a.example.gov.vn>',
      lookupUrl: null,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().smtpUrl, 'smtp://phuong:***@mail.example.gov.vn:587');
    assert.equal(put.json().workingDays, 7);
    const kept = await call('PUT', '/v1/staff/units/phuong-a/feedback-settings', admin, {
      workingDays: 8,
      smtpUrl: 'smtp://phuong:***@mail.example.gov.vn:587',
      smtpFrom: null,
      lookupUrl: 'https://phuong-a.example.gov.vn/gop-y.html',
    });
    assert.equal(kept.statusCode, 200, kept.body);
    const unit = (await server.ctx.db.get<{ settings: string }>("SELECT settings FROM units WHERE id = 'phuong-a'"))!;
    assert.equal(JSON.parse(unit.settings).feedback.smtp.url, 'smtp://phuong:bi-mat-thu@mail.example.gov.vn:587');
    assert.equal(JSON.parse(unit.settings).feedback.workingDays, 8);
    const wrong = await call('PUT', '/v1/staff/units/phuong-a/feedback-settings', admin, { workingDays: 0, smtpUrl: 'mail.example', smtpFrom: null, lookupUrl: null });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json().errors.map((e: { path: string }) => e.path).sort(), ['smtpUrl', 'workingDays']);
    assert.ok(!(await call('GET', '/v1/staff/units/phuong-a/feedback-settings', admin)).body.includes('bi-mat-thu'));
  });

  it('records every change (who, when, what), newest first, with no secret in it', async () => {
    const log = await call('GET', '/v1/staff/units/phuong-a/changes?limit=100', admin);
    assert.equal(log.statusCode, 200);
    const { changes } = log.json() as { changes: { id: string; action: string; target: string; actor: { name: string }; at: string; detail: object }[] };
    const actions = changes.map((c) => `${c.action} ${c.target}`);
    for (const expected of ['account.added hoa', 'account.password_reset binh', 'account.changed cuong', 'origin.added', 'origin.removed', 'feedback_settings.changed feedback']) {
      assert.ok(actions.some((a) => a.startsWith(expected)), `${expected} in ${actions.join(', ')}`);
    }
    // The test setup's own survey settings (as `sipas-server survey-settings` would) are logged as the command line.
    assert.ok(changes.some((c) => c.action === 'survey_settings.changed' && c.actor.name === 'Dòng lệnh (sipas-server)'));
    assert.ok(changes.filter((c) => c.actor.name !== 'Dòng lệnh (sipas-server)').every((c) => c.actor.name === 'Trần Văn Quản' && /\+00:00|Z$/.test(c.at)));
    assert.deepEqual([...changes].sort((a, b) => b.at.localeCompare(a.at)).map((c) => c.at), changes.map((c) => c.at));
    assert.ok(!JSON.stringify(changes).includes('bi-mat-thu'));
    const first = (await call('GET', '/v1/staff/units/phuong-a/changes?limit=2', admin)).json();
    const second = (await call('GET', `/v1/staff/units/phuong-a/changes?limit=2&before=${first.next}`, admin)).json();
    assert.deepEqual([...first.changes, ...second.changes].map((c: { id: string }) => c.id), changes.slice(0, 4).map((c) => c.id));
  });

  it('records survey settings, a year’s days off and a confirmed procedure import, and nothing for a change that changes nothing', async () => {
    const url = 'https://phuong-a.example.gov.vn/khao-sat';
    assert.equal((await call('PATCH', '/v1/staff/units/phuong-a/survey-settings', admin, { dossierTokenDays: 30, surveyUrl: url })).statusCode, 200);
    assert.equal((await call('PATCH', '/v1/staff/units/phuong-a/survey-settings', admin, { dossierTokenDays: 30 })).statusCode, 200);
    // A token signed without a survey page now points to the unit's.
    const token = await call('POST', '/v1/staff/units/phuong-a/dossier-tokens', clerk, { dossier: 'HS-2026-000900' });
    assert.equal(token.statusCode, 201, token.body);
    assert.ok((token.json() as { url: string }).url.startsWith(`${url}?token=`));
    const days = { decision: 'Thông báo thử', days: [{ date: '2030-01-01', name: 'Tết Dương lịch' }] };
    assert.equal((await call('PUT', '/v1/staff/units/phuong-a/holidays/2030', admin, days)).statusCode, 200);
    assert.equal((await call('DELETE', '/v1/staff/units/phuong-a/holidays/2030', admin)).statusCode, 200);
    const csv = 'Mã thủ tục;Tên thủ tục;Cấp thực hiện;Lĩnh vực\r\n1.999901;Đăng ký tổ chức lễ hội truyền thống;Cấp Xã;Văn hóa cơ sở\r\n';
    const preview = await call('POST', '/v1/staff/units/phuong-a/procedure-imports', admin, { fileName: 'danh-muc.csv', content: Buffer.from(csv).toString('base64') });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal((await call('POST', `/v1/staff/units/phuong-a/procedure-imports/${preview.json().id}/confirm`, admin)).statusCode, 200);
    const { changes } = (await call('GET', '/v1/staff/units/phuong-a/changes?limit=10', admin)).json() as { changes: { action: string; target: string; actor: { name: string }; detail: Record<string, unknown> }[] };
    const mine = changes.filter((c) => c.actor.name === 'Trần Văn Quản');
    assert.deepEqual(mine.slice(0, 4).map((c) => `${c.action} ${c.target}`), [
      'procedures.imported danh-muc.csv',
      'holidays.removed 2030',
      'holidays.confirmed 2030',
      'survey_settings.changed survey',
    ]);
    assert.deepEqual(mine[3]!.detail, { dossierTokenDays: { from: null, to: 30 }, surveyUrl: { from: null, to: url } });
    assert.deepEqual(mine[0]!.detail, { added: 1, changed: 0, unchanged: 0, removed: 0, replace: false });
  });
});

describe('kiosk keys from the desk: pairing by QR, revocation with no cache window', () => {
  let server: Server;
  let second: Awaited<ReturnType<typeof createServer>>;
  let admin: Record<string, string>;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 5 });
    // A second server process on the same database, as behind a load balancer.
    second = await createServer(loadConfig({}, { ...server.ctx.config, units: [] }));
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'quantri', name: 'Trần Văn Quản', role: 'admin', password: 'mat-khau-quan-tri' });
    admin = { authorization: `Bearer ${await signIn(server, 'quantri', 'mat-khau-quan-tri')}` };
  });
  after(async () => {
    await second.app.close();
    await server.dispose();
  });

  const kioskPost = (app: Server['app'], key: string) =>
    app.inject({ method: 'POST', url: '/v1/surveys', headers: { 'x-sipas-kiosk-key': key }, payload: surveyBody({ context: { channel: 'kiosk' } }) });

  it('issues a pairing URL; the tablet exchanges the one-time code for its key; a second scan gets nothing', async () => {
    const issued = await server.app.inject({ method: 'POST', url: '/v1/staff/units/phuong-a/kiosk-keys', headers: admin, payload: { label: 'Quầy 1' } });
    assert.equal(issued.statusCode, 201, issued.body);
    const { pairingUrl, pairingCode, key } = issued.json();
    const url = new URL(pairingUrl);
    assert.equal(url.pathname, '/kiosk/');
    assert.equal(url.search, '', 'the code is in the fragment, never in a server log');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(url.hash.slice(1))), { unit: 'phuong-a', code: pairingCode });
    assert.equal(key.label, 'Quầy 1');
    assert.ok(key.pairingExpiresAt);

    const paired = await server.app.inject({ method: 'POST', url: '/v1/kiosk/pairings', payload: { unit: 'phuong-a', code: pairingCode } });
    assert.equal(paired.statusCode, 201, paired.body);
    assert.match(paired.json().key, /^kiosk_/);
    const again = await server.app.inject({ method: 'POST', url: '/v1/kiosk/pairings', payload: { unit: 'phuong-a', code: pairingCode } });
    assert.equal(again.statusCode, 410);
    assert.match(again.json().title, /đã dùng/);
    const listed = (await server.app.inject({ url: '/v1/staff/units/phuong-a/kiosk-keys', headers: admin })).json().keys;
    assert.ok(listed[0].pairedAt && !listed[0].pairingExpiresAt);
    assert.ok(!JSON.stringify(listed).includes(paired.json().key));
  });

  it('a revoked key is refused by the very next request, in this process and in another one', async () => {
    const { pairingCode, key } = (
      await server.app.inject({ method: 'POST', url: '/v1/staff/units/phuong-a/kiosk-keys', headers: admin, payload: { label: 'Quầy mất' } })
    ).json();
    const secret = (await server.app.inject({ method: 'POST', url: '/v1/kiosk/pairings', payload: { unit: 'phuong-a', code: pairingCode } })).json().key;
    // Both processes have just seen the unit (and would cache it) and accept the key.
    for (const app of [server.app, second.app, server.app, second.app]) assert.equal((await kioskPost(app, secret)).statusCode, 201);
    const revoked = await server.app.inject({ method: 'DELETE', url: `/v1/staff/units/phuong-a/kiosk-keys/${key.id}`, headers: admin });
    assert.equal(revoked.statusCode, 204);
    for (const app of [second.app, server.app]) {
      const refused = await kioskPost(app, secret);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'kiosk_key_invalid');
    }
    assert.equal((await server.app.inject({ method: 'DELETE', url: `/v1/staff/units/phuong-a/kiosk-keys/${key.id}`, headers: admin })).statusCode, 404);
  });

  it('a pairing code of a revoked key is worthless, and the log names the kiosk and the admin', async () => {
    const { pairingCode, key } = (
      await server.app.inject({ method: 'POST', url: '/v1/staff/units/phuong-a/kiosk-keys', headers: admin, payload: { label: 'Quầy 3' } })
    ).json();
    await server.app.inject({ method: 'DELETE', url: `/v1/staff/units/phuong-a/kiosk-keys/${key.id}`, headers: admin });
    assert.equal((await server.app.inject({ method: 'POST', url: '/v1/kiosk/pairings', payload: { unit: 'phuong-a', code: pairingCode } })).statusCode, 410);
    const { changes } = (await server.app.inject({ url: '/v1/staff/units/phuong-a/changes', headers: admin })).json();
    const lines = changes.map((c: { actor: { name: string }; action: string; target: string }) => `${c.actor.name}: ${c.action} ${c.target}`);
    assert.ok(lines.includes('Máy kiosk: kiosk_key.paired Quầy 1'), lines.join('\n'));
    assert.ok(lines.includes('Trần Văn Quản: kiosk_key.revoked Quầy mất'));
    assert.ok(!JSON.stringify(changes).includes(pairingCode));
  });
});

describe('upgrading: kiosk keys issued before the kiosk_keys table', () => {
  it('are moved out of the unit settings and keep working', async () => {
    const server = await testApp({ rateLimitPerMinute: 1 });
    try {
      const { db } = server.ctx;
      // The database as 0052 left it: keys as hashes inside units.settings.
      await db.exec("DROP TABLE kiosk_keys; DROP TABLE admin_changes; DELETE FROM schema_migrations WHERE version = '0090'");
      const key = 'kiosk_old-device-key-from-the-command-line';
      const { createHash } = await import('node:crypto');
      const record = { id: 'ab12cd34', label: 'Quầy cũ', sha256: createHash('sha256').update(key).digest('hex'), createdAt: '2026-03-01T02:00:00.000Z' };
      await db.run("UPDATE units SET settings = ? WHERE id = 'phuong-a'", [JSON.stringify({ kioskKeys: [record], feedback: { workingDays: 12 } })]);
      const { migrate } = await import('../src/db/migrate.js');
      assert.ok((await migrate(db)).some((file) => file.startsWith('0090_admin')));
      server.ctx.units.forget('phuong-a');
      const settings = JSON.parse((await db.get<{ settings: string }>("SELECT settings FROM units WHERE id = 'phuong-a'"))!.settings);
      assert.deepEqual(settings, { feedback: { workingDays: 12 } });
      const { listKioskKeys } = await import('../src/surveys/kiosk.js');
      assert.deepEqual(await listKioskKeys(db, 'phuong-a'), [{ id: 'ab12cd34', label: 'Quầy cũ', createdAt: record.createdAt, pairedAt: record.createdAt }]);
      const posted = await server.app.inject({ method: 'POST', url: '/v1/surveys', headers: { 'x-sipas-kiosk-key': key }, payload: surveyBody({ context: { channel: 'kiosk' } }) });
      assert.equal(posted.statusCode, 201);
    } finally {
      await server.dispose();
    }
  });
});
