import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo.js';
import { auditAll, rowCounts, sqliteTables } from '../src/ops/database-copy.js';
import { openDatabase } from '../src/db/open.js';
import { createServer } from '../src/server.js';
import { surveyBody, testApp } from './helpers.js';
import { TEST_DIALECT, testDatabase } from './database.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
function cli(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAS_')));
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('metrics and readiness', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('/readyz answers ready when the database answers and is migrated', async () => {
    const response = await server.app.inject('/readyz');
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ready');
    assert.match(response.json().migrations, /^\d{4}$/);
  });

  it('/metrics counts requests by route pattern, stored responses, errors and database timings in Prometheus text', async () => {
    const stored = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody() });
    assert.equal(stored.statusCode, 201);
    await server.app.inject('/v1/units/khong-co');
    const text = (await server.app.inject('/metrics')).body;
    assert.match(text, /^# TYPE sipas_http_requests_total counter$/m);
    assert.match(text, /^sipas_http_requests_total\{method="POST",route="\/v1\/surveys",status="201"\} 1$/m);
    assert.match(text, /^sipas_http_requests_total\{method="GET",route="\/v1\/units\/:unit",status="404"\} 1$/m, 'the pattern, never the id asked for');
    assert.match(text, /^sipas_survey_responses_stored_total 1$/m);
    assert.match(text, /^sipas_survey_responses 1$/m);
    assert.match(text, /^sipas_http_server_errors_total 0$/m);
    assert.match(text, /^sipas_db_query_duration_seconds_count\{operation="transaction"\} \d+$/m);
    assert.match(text, /^sipas_db_transactions_in_flight 0$/m);
    assert.match(text, /^sipas_http_request_duration_seconds_bucket\{method="POST",route="\/v1\/surveys",le="\+Inf"\} 1$/m);
  });
});

describe('the demo ward', { skip: TEST_DIALECT === 'postgres' ? 'the demo seed is dialect-free; SQLite is enough' : false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-demo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('served as a site, names its survey page, so the clerk’s first QR label prints and leads there', async () => {
    const url = `sqlite:${dir}/sipas.db`;
    const { app, ctx } = await createServer(loadConfig({}, { databaseUrl: url, logLevel: 'silent' }));
    try {
      await seedDemo(ctx, ['http://127.0.0.1:8787'], { surveyUrl: 'http://127.0.0.1:8787/khao-sat.html' });
      await seedDemo(ctx, ['http://127.0.0.1:8787'], { surveyUrl: 'http://127.0.0.1:9999/khao-sat.html' });
      const session = await app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-tan-hoa', username: 'canbo', password: 'tanhoa-canbo-demo' } });
      const label = await app.inject({
        method: 'POST',
        url: '/v1/staff/units/phuong-tan-hoa/dossier-tokens',
        headers: { authorization: `Bearer ${session.json().token}` },
        payload: { dossier: 'HS-2026-000123' },
      });
      assert.equal(label.statusCode, 201, label.body);
      assert.equal(new URL(label.json().url).origin + new URL(label.json().url).pathname, 'http://127.0.0.1:8787/khao-sat.html', 'set once; a second seed keeps it');
    } finally {
      await app.close();
    }
  });
});

describe('backup and restore (SQLite)', { skip: TEST_DIALECT === 'postgres' ? 'SQLite only: PostgreSQL uses pg_dump' : false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-backup-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up the demo database while it is open, restores it elsewhere, and the ballot boxes audit identical', async () => {
    const url = `sqlite:${dir}/live/sipas.db`;
    const env = { SIPAS_DATABASE_URL: url };
    const { app, ctx } = await createServer(loadConfig({}, { databaseUrl: url, logLevel: 'silent' }));
    await seedDemo(ctx, []);
    const before = await auditAll(ctx.config, ctx.db);
    assert.ok(before.length > 0 && before.every((b) => b.ok));
    // The server stays open: the online backup copies a consistent moment of a live database.
    const backup = cli(['backup', '--out', `${dir}/sipas-backup.db`], env);
    await app.close();
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /Đã sao lưu vào .*sipas-backup\.db/);

    const restoredUrl = `sqlite:${dir}/restored/sipas.db`;
    const restore = cli(['restore', `${dir}/sipas-backup.db`], { SIPAS_DATABASE_URL: restoredUrl, SIPAS_LOG_KEY: `${dir}/live/sipas-log-ed25519.pem` });
    assert.equal(restore.status, 0, restore.stderr);
    const again = cli(['restore', `${dir}/sipas-backup.db`], { SIPAS_DATABASE_URL: restoredUrl });
    assert.equal(again.status, 2, 'an existing database is not overwritten without --force');

    const restored = await openDatabase(restoredUrl);
    const config = loadConfig({}, { databaseUrl: restoredUrl, logKeyPath: `${dir}/live/sipas-log-ed25519.pem` });
    const after = await auditAll(config, restored);
    const live = await openDatabase(url);
    assert.deepEqual(await rowCounts(restored, await sqliteTables(restored)), await rowCounts(live, await sqliteTables(live)));
    await restored.close();
    await live.close();
    assert.deepEqual(after, before, 'same units, same signed checkpoints, every audit passing');
    const audit = cli(['audit', '--unit', 'phuong-tan-hoa'], { SIPAS_DATABASE_URL: restoredUrl, SIPAS_LOG_KEY: `${dir}/live/sipas-log-ed25519.pem` });
    assert.equal(audit.status, 0, audit.stdout + audit.stderr);
  });
});

describe('move-to-postgres', { skip: process.env.SIPAS_TEST_POSTGRES_URL ? false : 'needs SIPAS_TEST_POSTGRES_URL (npm test sets it when PostgreSQL is installed)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-move-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the demo database into an empty PostgreSQL and proves row counts and every ballot box equal', async () => {
    const url = `sqlite:${dir}/sipas.db`;
    const { app, ctx } = await createServer(loadConfig({}, { databaseUrl: url, logLevel: 'silent' }));
    await seedDemo(ctx, []);
    await app.close();
    const target = await testDatabase(dir, 'postgres');
    try {
      const moved = cli(['move-to-postgres', '--to', target.url], { SIPAS_DATABASE_URL: url });
      assert.equal(moved.status, 0, moved.stdout + moved.stderr);
      assert.match(moved.stdout, /Số dòng bằng nhau ở \d+ bảng/);
      assert.match(moved.stdout, /hòm phiếu phuong-tan-hoa: ✓/);
      const twice = cli(['move-to-postgres', '--to', target.url], { SIPAS_DATABASE_URL: url });
      assert.equal(twice.status, 1, 'a database already used is refused');
      assert.match(twice.stderr, /not empty/);
      // The server then runs on PostgreSQL with the same key and answers as before.
      const { app: onPostgres } = await createServer(loadConfig({}, { databaseUrl: target.url, logKeyPath: `${dir}/sipas-log-ed25519.pem`, logLevel: 'silent' }));
      const list = await onPostgres.inject('/v1/units/phuong-tan-hoa/procedures');
      assert.equal(list.statusCode, 200);
      assert.ok(list.json().procedures.length > 100);
      await onPostgres.close();
    } finally {
      await target.drop();
    }
  });
});
