import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaffStore } from '../src/staff/store.js';
import { testApp } from './helpers.js';

describe('staff sign-in', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
  });
  after(async () => server.dispose());

  const signIn = (payload: object) => server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload });

  it('opens a session with the right password and shows who is signed in', async () => {
    const response = await signIn({ unit: 'phuong-a', username: 'lan', password: 'mat-khau-dai-du' });
    assert.equal(response.statusCode, 201);
    const { token, staff } = response.json();
    assert.deepEqual({ unit: staff.unit, role: staff.role, name: staff.name }, { unit: 'phuong-a', role: 'staff', name: 'Nguyễn Thị Lan' });
    const me = await server.app.inject({ url: '/v1/staff/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().name, 'Nguyễn Thị Lan');
  });

  it('refuses a wrong password, user or unit alike, without saying which', async () => {
    const answers = await Promise.all([
      signIn({ unit: 'phuong-a', username: 'lan', password: 'sai' }),
      signIn({ unit: 'phuong-a', username: 'khong-co', password: 'mat-khau-dai-du' }),
      signIn({ unit: 'phuong-b', username: 'lan', password: 'mat-khau-dai-du' }),
    ]);
    for (const answer of answers) {
      assert.equal(answer.statusCode, 401);
      assert.equal(answer.json().title, 'Sai đơn vị, tên đăng nhập hoặc mật khẩu.');
    }
  });

  it('every staff route refuses without a valid token', async () => {
    for (const authorization of [undefined, 'Bearer st_invented', 'Basic abc']) {
      const response = await server.app.inject({ url: '/v1/staff/me', headers: authorization ? { authorization } : {} });
      assert.equal(response.statusCode, 401);
      assert.equal(response.headers['www-authenticate'], 'Bearer');
    }
  });

  it('signing out ends the session at once', async () => {
    const { token } = (await signIn({ unit: 'phuong-a', username: 'lan', password: 'mat-khau-dai-du' })).json();
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await server.app.inject({ method: 'DELETE', url: '/v1/staff/sessions/current', headers })).statusCode, 204);
    assert.equal((await server.app.inject({ url: '/v1/staff/me', headers })).statusCode, 401);
  });

  it('stores passwords as scrypt hashes only', async () => {
    const row = await server.ctx.db.get<{ password_hash: string }>("SELECT password_hash FROM staff_users WHERE username = 'lan'");
    assert.match(row!.password_hash, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!row!.password_hash.includes('mat-khau'));
  });

  it('serves the desk page with a strict content security policy', async () => {
    const response = await server.app.inject('/desk/');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-security-policy'] as string, /script-src 'self'/);
    assert.match(response.body, /<sipas-desk/);
  });
});
