import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { canonicalJson, parseCosignerKey, parseSignedNote, verifyCosignature, type BallotOpening } from '@sipas/schema';
import { appendToLog } from '../src/log/append.js';
import { addWitness } from '../src/log/cosignatures.js';
import { ed25519Verify } from '../src/log/crypto.js';
import { entryFromRow } from '../src/log/export.js';
import { StaffStore } from '../src/staff/store.js';
import { fullAnswers, surveyBody, testApp } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

function run(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, SIPAS_CONFIG: '' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe('witnesses: a supervisor cosigns only a box that extends the one it saw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-witness-'));
  const witnessKey = join(dir, 'mttq.pem');
  const state = join(dir, 'mttq-state.json');
  const WITNESS = 'mttq.phuong-a';
  let server: Awaited<ReturnType<typeof testApp>>;
  let url: string;
  let staffToken: string;

  const send = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody({ answers: fullAnswers((i % 5) + 1) }) });
      assert.equal(response.statusCode, 201, response.body);
    }
  };
  const witness = () => run(['witness', '--key', witnessKey, '--name', WITNESS, '--url', url, '--unit', 'phuong-a', '--state', state]);
  const open = async (): Promise<BallotOpening> => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/staff/units/phuong-a/log/openings',
      headers: { authorization: `Bearer ${staffToken}` },
      payload: { from: '2026-01-01', to: '2099-12-31', witnesses: [{ role: 'mttq', name: 'Bà Chứng Kiến' }] },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000, logOrigin: 'sipas.test', logKeyPath: join(dir, 'log.pem') });
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'admin', password: 'mat-khau-dai-du' });
    staffToken = (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'lan', password: 'mat-khau-dai-du' } })).json().token;
  });
  after(async () => {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the witness makes its own key; the unit registers it; an unregistered key is refused', async () => {
    const shown = await run(['witness', '--key', witnessKey, '--name', WITNESS]);
    assert.equal(shown.code, 0, shown.out);
    const cosignerKey = shown.out.trim();
    assert.equal(parseCosignerKey(cosignerKey).name, WITNESS);
    await send(5);
    const early = await witness();
    assert.equal(early.code, 1, early.out);
    assert.match(early.out, /KHÔNG KÝ \(refused\).*không phải khoá giám sát viên/s);
    await addWitness(server.ctx.units, (await server.ctx.units.get('phuong-a'))!, 'Ban Thường trực UBMTTQ phường A', cosignerKey);
  });

  it('cosigns the checkpoint; the server serves it with the cosignature, which verifies', async () => {
    const first = await witness();
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /Đã ký đồng ký điểm kiểm tra 5 phiếu/);
    const note = (await server.app.inject('/v1/units/phuong-a/log/checkpoint')).body;
    const parsed = parseSignedNote(note);
    assert.deepEqual(parsed.signatures.map((s) => s.name), ['sipas.test/phuong-a', WITNESS]);
    const key = parseCosignerKey((await run(['witness', '--key', witnessKey, '--name', WITNESS])).out.trim());
    assert.ok(await verifyCosignature(parsed.text, parsed.signatures[1]!, key, ed25519Verify));
    // Later: more responses, a checked extension, a second cosignature.
    await send(2);
    const second = await witness();
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /Hòm 7 phiếu nối tiếp hòm 5 phiếu đã chứng kiến/);
    const minutes = await open();
    assert.deepEqual(
      minutes.cosignatures!.map((c) => [c.witness, c.label, c.size, c.consistent]),
      [[WITNESS, 'Ban Thường trực UBMTTQ phường A', 7, true]],
    );
  });

  it('attack: a database admin holding the unit’s key rewrites history — the witness refuses, the minutes show it', async () => {
    // The admin alters an early response and rebuilds the whole log from the rows, re-signing with
    // the unit's key: the box is self-consistent and an audit of the database alone would pass.
    const first = await server.ctx.db.get<{ id: string }>("SELECT id FROM survey_responses WHERE unit = 'phuong-a' ORDER BY seq LIMIT 1");
    await server.ctx.db.run('UPDATE survey_responses SET answers = ? WHERE id = ?', [JSON.stringify(fullAnswers(5)), first!.id]);
    await server.ctx.db.transaction(async (tx) => {
      await tx.run("DELETE FROM log_leaves WHERE unit = 'phuong-a'");
      await tx.run("DELETE FROM log_heads WHERE unit = 'phuong-a'");
      await tx.run("DELETE FROM log_checkpoints WHERE unit = 'phuong-a'");
      const rows = await tx.all<Parameters<typeof entryFromRow>[0]>("SELECT * FROM survey_responses WHERE unit = 'phuong-a' ORDER BY seq");
      for (const row of rows) {
        const entry = entryFromRow(row)!;
        await appendToLog(tx, 'phuong-a', row.id!, canonicalJson(entry.response), entry.receivedAt, entry.source ?? 'web');
      }
    });
    await send(2);
    const refused = await witness();
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /KHÔNG KÝ \(inconsistent\)/);
    assert.match(refused.out, /KHÔNG nối tiếp hòm 7 phiếu/);
    // The witness keeps the checkpoint it trusted, as evidence.
    assert.equal(JSON.parse(readFileSync(state, 'utf8')).size, 7);
    // The served checkpoints carry no witness signature any more, not even the rewritten one of size 7.
    for (const size of ['', '?size=7']) {
      assert.equal(parseSignedNote((await server.app.inject(`/v1/units/phuong-a/log/checkpoint${size}`)).body).signatures.length, 1, size);
    }
    // The minutes print the witnessed checkpoint and that the box no longer extends it.
    const minutes = await open();
    assert.deepEqual(minutes.cosignatures!.map((c) => [c.size, c.consistent]), [[7, false]]);
  });

  it('deleting the cosignatures hides nothing: the witness’s kept one no longer fits the box', async () => {
    await server.ctx.db.run("DELETE FROM log_cosignatures WHERE unit = 'phuong-a'");
    const kept = JSON.parse(readFileSync(state, 'utf8')) as { size: number; cosignature: string };
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/units/phuong-a/log/cosignatures',
      payload: { size: kept.size, cosignature: kept.cosignature },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().title, /không khớp với điểm kiểm tra này/);
  });
});
