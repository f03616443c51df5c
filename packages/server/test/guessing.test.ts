import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createServer } from '../src/server.js';
import { StaffStore } from '../src/staff/store.js';
import { feedbackBody, testApp } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
let address = 0;
/** Every attempt from a new address: the per-address limit plays no part in what is tested here. */
const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

describe('sign-in backoff per account, whatever the address', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-can-bo' });
    await staff.addUser({ unit: 'phuong-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-quan-tri' });
    await staff.addUser({ unit: 'phuong-a', username: 'hung', name: 'Lê Hùng', role: 'staff', password: 'mat-khau-cua-hung' });
  });
  after(async () => server?.dispose());

  const signIn = (app: typeof server.app, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username, password }, remoteAddress: nextAddress() });
  /** Ends the current lock without waiting: what the passing of time would do. */
  const expireLock = (username: string) =>
    server.ctx.db.run("UPDATE sign_in_failures SET locked_until = '2000-01-01T00:00:00.000Z' WHERE unit = 'phuong-a' AND username = ?", [username]);

  it('after three wrong passwords from three addresses the account waits, even for the right password, in Vietnamese', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signIn(server.app, 'lan', `sai-${i}`)).statusCode, 401);
    const locked = await signIn(server.app, 'lan', 'mat-khau-can-bo');
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().code, 'sign_in_locked');
    assert.equal(locked.json().title, 'Tài khoản tạm khoá vì đăng nhập sai nhiều lần.');
    assert.match(locked.json().detail, /Thử lại sau \d+ giây/);
    const wait = Number(locked.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 15, `Retry-After ${wait}`);
  });

  it('each further failure doubles the wait', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await expireLock('lan');
      assert.equal((await signIn(server.app, 'lan', 'van-sai')).statusCode, 401);
      waits.push(Number((await signIn(server.app, 'lan', 'mat-khau-can-bo')).headers['retry-after']));
    }
    assert.ok(waits[0]! > 15 && waits[1]! > waits[0]! && waits[2]! > waits[1]!, `waits ${waits.join(', ')}`);
    assert.ok(waits[2]! <= 120, `waits ${waits.join(', ')}`);
  });

  it('an admin unlocks the account; a staff member cannot; the right password then works', async () => {
    const admin = (await signIn(server.app, 'minh', 'mat-khau-quan-tri')).json().token as string;
    const staff = (await signIn(server.app, 'hung', 'mat-khau-cua-hung')).json().token as string;
    const unlock = (token: string, username = 'lan') =>
      server.app.inject({ method: 'POST', url: `/v1/staff/units/phuong-a/accounts/${username}/unlock`, headers: { authorization: `Bearer ${token}` } });
    assert.equal((await unlock(staff)).statusCode, 403);
    assert.equal((await signIn(server.app, 'lan', 'mat-khau-can-bo')).statusCode, 429);
    assert.equal((await unlock(admin, 'khong-co-ai')).statusCode, 404);
    assert.equal((await unlock(admin)).statusCode, 204);
    assert.equal((await signIn(server.app, 'lan', 'mat-khau-can-bo')).statusCode, 201);
    // The count starts again: one typo is not a lock.
    assert.equal((await signIn(server.app, 'lan', 'go-nham')).statusCode, 401);
    assert.equal((await signIn(server.app, 'lan', 'mat-khau-can-bo')).statusCode, 201);
  });

  it('a name that does not exist is answered exactly like one that does', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signIn(server.app, 'khong-ton-tai', 'x')).statusCode, 401);
    assert.equal((await signIn(server.app, 'khong-ton-tai', 'x')).statusCode, 429);
  });

  it('parallel guesses cannot slip past the lock', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(server.app, 'hung', `doan-${i}`)));
    const checked = answers.filter((a) => a.statusCode === 401).length;
    assert.ok(checked <= 3, `${checked} passwords were checked`);
    assert.ok(answers.every((a) => a.statusCode === 401 || a.statusCode === 429));
  });

  it('a second server process on the same database sees the same lock', async () => {
    // Lock the account here, whatever the tests before left of its count.
    for (let i = 0; i < 6 && (await signIn(server.app, 'hung', `sai-${i}`)).statusCode !== 429; i++);
    assert.equal((await signIn(server.app, 'hung', 'mat-khau-cua-hung')).statusCode, 429);
    const second = await createServer(server.ctx.config);
    try {
      assert.equal((await signIn(second.app, 'hung', 'mat-khau-cua-hung')).statusCode, 429);
    } finally {
      await second.app.close();
    }
  });

  it('sipas-server staff-unlock unlocks from the command line', async () => {
    const out = await new Promise<{ code: number; text: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'staff-unlock', '--unit', 'phuong-a', '--username', 'hung'], {
        env: { ...process.env, SIPAS_DATABASE_URL: server.ctx.config.databaseUrl, SIPAS_CONFIG: '' },
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', (code) => resolve({ code: code ?? -1, text }));
    });
    assert.equal(out.code, 0, out.text);
    assert.match(out.text, /Đã mở khoá tài khoản hung/);
    assert.equal((await signIn(server.app, 'hung', 'mat-khau-cua-hung')).statusCode, 201);
  });
});

describe('feedback lookup by phone digits: a few tries per case, then only the secret', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let code: string;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    code = (await server.app.inject({ method: 'POST', url: '/v1/feedback', payload: feedbackBody({ secret: 'ABCD2345' }) })).json().trackingCode;
  });
  after(async () => server?.dispose());

  const lookUp = (query: string) => server.app.inject({ url: `/v1/feedback/${code}?${query}`, remoteAddress: nextAddress() });

  it('the right digits work at first', async () => {
    assert.equal((await lookUp('phone=8999')).statusCode, 200);
  });

  it('after five wrong tries from five addresses, even the right digits are refused in Vietnamese; the secret still works', async () => {
    for (const guess of ['0000', '0001', '0002', '0003', '0004']) assert.equal((await lookUp(`phone=${guess}`)).statusCode, 404);
    const locked = await lookUp('phone=8999');
    assert.equal(locked.statusCode, 403, locked.body);
    assert.equal(locked.json().code, 'phone_lookup_locked');
    assert.match(locked.json().title, /sai 4 số cuối điện thoại quá nhiều lần/);
    assert.match(locked.json().detail, /mã bí mật/);
    assert.equal((await lookUp('secret=ABCD2345')).statusCode, 200);
  });

  it('parallel guesses on a fresh case are bounded too', async () => {
    code = (await server.app.inject({ method: 'POST', url: '/v1/feedback', payload: feedbackBody({ secret: 'WXYZ2345' }) })).json().trackingCode;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => lookUp(`phone=${String(1000 + i)}`)));
    assert.equal(answers.filter((a) => a.statusCode === 404).length, 5);
    assert.equal(answers.filter((a) => a.statusCode === 403).length, 35);
  });
});
