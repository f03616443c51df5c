import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { noteKeyId, signatureLine, utf8 } from '@sipas/schema';
import { StaffStore } from '../src/staff/store.js';
import { fullAnswers, surveyBody, testApp, dossierToken } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sipas-audit-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** Disposed after the suite even when an assertion fails, so the test process can exit. */
const servers: Server[] = [];
after(async () => {
  for (const server of servers) await server.dispose().catch(() => undefined);
});

/** A server with `n` responses in phuong-a's box, and a key file of its own. */
async function seeded(n: number) {
  const keyPath = join(work, `key-${++counter}.pem`);
  const server = await testApp({ rateLimitPerMinute: 100000, logOrigin: 'sipas.test', logKeyPath: keyPath });
  const bodies = [];
  const receipts = [];
  for (let i = 0; i < n; i++) {
    const body = surveyBody({ answers: fullAnswers((i % 5) + 1), context: { channel: 'qr', token: await dossierToken(server, 'phuong-a', `HS-${counter}-${i}`) } });
    const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body });
    assert.equal(response.statusCode, 201, response.body);
    bodies.push(body);
    receipts.push(response.json() as { receivedAt: string; leaf: { index: number; hash: string } });
  }
  servers.push(server);
  const env = { SIPAS_DATABASE_URL: server.ctx.config.databaseUrl, SIPAS_LOG_ORIGIN: 'sipas.test', SIPAS_LOG_KEY: keyPath };
  return { server, bodies, receipts, env, keyPath };
}

/** Runs `sipas-server …` as a supervisor would, returning its exit code and what it printed. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env, SIPAS_CONFIG: '' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const checkpointOf = async (server: Server) => (await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/log/checkpoint' })).body;
const keyOf = async (server: Server) => (await server.app.inject({ method: 'GET', url: '/v1/units/phuong-a/log/key' })).json().verifierKey as string;

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('sipas-server audit', () => {
  it('passes on an untouched box, in Vietnamese, exit 0', async () => {
    const { server, env } = await seeded(9);
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 0, out);
    assert.match(out, /cả 9 phiếu khớp/);
    assert.match(out, /KẾT LUẬN: HÒM PHIẾU TOÀN VẸN/);
  });

  it('catches a response altered in the SQLite file and names its leaf', async () => {
    const { server, bodies, env } = await seeded(12);
    const answers = { ...fullAnswers(), q15: 1 };
    await server.ctx.db.run('UPDATE survey_responses SET answers = ? WHERE id = ?', [JSON.stringify(answers), bodies[5]!.id]);
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, /✗ Lá số 5 \(phiếu thứ 6\), phiếu [0-9a-f-]+ .*phiếu đã bị sửa/);
    assert.match(out, /Lá đầu tiên bị sai: lá số 5 \(phiếu thứ 6\)/);
  });

  it('catches a response deleted from the database', async () => {
    const { server, bodies, env } = await seeded(10);
    await server.ctx.db.run('DELETE FROM survey_responses WHERE id = ?', [bodies[3]!.id]);
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, new RegExp(`Lá số 3 \\(phiếu thứ 4\\): phiếu ${bodies[3]!.id} đã bị XOÁ`));
    assert.match(out, /Lá đầu tiên bị sai: lá số 3/);
  });

  it('catches a leaf deleted with its response', async () => {
    const { server, bodies, env } = await seeded(10);
    await server.ctx.db.run('DELETE FROM survey_responses WHERE id = ?', [bodies[2]!.id]);
    await server.ctx.db.run('DELETE FROM log_leaves WHERE response_id = ?', [bodies[2]!.id]);
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, /Thiếu lá số 2 \(phiếu thứ 3\)/);
    assert.match(out, /Lá đầu tiên bị sai: lá số 2/);
  });

  it('catches a response slipped into the database outside the box', async () => {
    const { server, env } = await seeded(6);
    const id = crypto.randomUUID();
    await server.ctx.db.run(
      `INSERT INTO survey_responses (id, unit, questionnaire, questionnaire_version, channel, answers, received_at, body_hash, receipt)
       VALUES (?, 'phuong-a', 'bnv-2023', 1, 'web', ?, ?, 'x', 'XXXX-XXXX')`,
      [id, JSON.stringify(fullAnswers(5)), new Date().toISOString()],
    );
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, new RegExp(`Phiếu ${id} .*KHÔNG có trong hòm phiếu: phiếu bị chèn thêm`));
    assert.match(out, new RegExp(`Phiếu chèn thêm đầu tiên: ${id}`));
  });

  it('catches a slipped-in response that claims the position of a real leaf', async () => {
    const { server, env } = await seeded(6);
    const id = crypto.randomUUID();
    await server.ctx.db.run(
      `INSERT INTO survey_responses (id, unit, questionnaire, questionnaire_version, channel, answers, received_at, body_hash, receipt, leaf_index)
       VALUES (?, 'phuong-a', 'bnv-2023', 1, 'web', ?, ?, 'x', 'XXXX-XXXX', 2)`,
      [id, JSON.stringify(fullAnswers(5)), new Date().toISOString()],
    );
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, new RegExp(`Phiếu chèn thêm đầu tiên: ${id}`));
  });

  it('catches a response rewritten together with its recorded leaf hash, and still names the leaf', async () => {
    const { server, bodies, receipts, env } = await seeded(13);
    const changed = { ...bodies[4]!, answers: { ...bodies[4]!.answers, q23: 2 } };
    const { website: _w, ...accepted } = changed;
    const forged = createHash('sha256')
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(sortedJson({ receivedAt: receipts[4]!.receivedAt, response: accepted }))]))
      .digest('hex');
    await server.ctx.db.run('UPDATE survey_responses SET answers = ? WHERE id = ?', [JSON.stringify(changed.answers), changed.id]);
    await server.ctx.db.run('UPDATE log_leaves SET leaf_hash = ? WHERE response_id = ?', [forged, changed.id]);
    const { code, out } = await cli(['audit', '--unit', 'phuong-a'], env);
    assert.equal(code, 1, out);
    assert.match(out, /KHÔNG trùng với mã gốc đã ký/);
    assert.match(out, /Lá đầu tiên bị sai: lá số 4 \(phiếu thứ 5\)/);
  });

  it("checks an export file against a supervisor's checkpoints, and refuses one signed with another key", async () => {
    const { server, env } = await seeded(5);
    const old = join(work, 'old.txt');
    writeFileSync(old, await checkpointOf(server));
    for (let i = 0; i < 4; i++) {
      await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody({ context: { channel: 'web' } }) });
    }
    const current = join(work, 'current.txt');
    writeFileSync(current, await checkpointOf(server));
    const exported = join(work, 'export.jsonl');
    const exportRun = await cli(['export-log', '--unit', 'phuong-a', '--out', exported], env);
    assert.equal(exportRun.code, 0, exportRun.out);
    const key = await keyOf(server);

    const good = await cli(['audit', '--export', exported, '--checkpoint', current, '--old', old, '--key', key], {});
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /5 phiếu đầu trùng với điểm kiểm tra cũ/);

    // The same checkpoint text, signed by a key the supervisor never saw: refused.
    const other = generateKeyPairSync('ed25519');
    const otherRaw = new Uint8Array(Buffer.from((other.publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url'));
    const text = (await checkpointOf(server)).split('\n\n')[0]! + '\n';
    const forged = join(work, 'forged.txt');
    writeFileSync(forged, `${text}\n${signatureLine('sipas.test/phuong-a', noteKeyId('sipas.test/phuong-a', otherRaw), new Uint8Array(sign(null, utf8(text), other.privateKey)))}`);
    const refused = await cli(['audit', '--export', exported, '--checkpoint', forged, '--key', key], {});
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /Điểm kiểm tra KHÔNG được ký bằng khoá của hòm phiếu/);

    // A checkpoint that claims a different root, with a signature copied from the real one.
    const real = await checkpointOf(server);
    const lied = real.replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${Buffer.alloc(32).toString('base64')}\n`);
    const liedFile = join(work, 'lied.txt');
    writeFileSync(liedFile, lied);
    const wrong = await cli(['audit', '--export', exported, '--checkpoint', liedFile, '--key', key], {});
    assert.equal(wrong.code, 1, wrong.out);
    assert.match(wrong.out, /chữ ký SAI/);
  });

  it('audits a remote endpoint: checkpoints and consistency without an account, every response with one', async () => {
    const { server, bodies } = await seeded(7);
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'giamsat', name: 'Lê Văn Giám', role: 'admin', password: 'mat-khau-giam-sat' });
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const old = join(work, 'remote-old.txt');
    writeFileSync(old, await checkpointOf(server));
    for (let i = 0; i < 6; i++) {
      await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody({ context: { channel: 'web' } }) });
    }
    const key = await keyOf(server);
    const quick = await cli(['audit', '--url', address, '--unit', 'phuong-a', '--old', old, '--key', key], {});
    assert.equal(quick.code, 0, quick.out);
    assert.match(quick.out, /nối tiếp đúng hòm phiếu lúc trước \(7 phiếu\)/);

    await server.ctx.db.run('UPDATE survey_responses SET received_at = ? WHERE id = ?', ['2020-01-01T00:00:00.000Z', bodies[1]!.id]);
    const full = await cli(['audit', '--url', address, '--unit', 'phuong-a', '--username', 'giamsat', '--key', key], {
      SIPAS_STAFF_PASSWORD: 'mat-khau-giam-sat',
    });
    assert.equal(full.code, 1, full.out);
    assert.match(full.out, /Lá đầu tiên bị sai: lá số 1 \(phiếu thứ 2\)/);
  });
});
