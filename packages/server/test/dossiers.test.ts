import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HANOI_2025_WARD, decodeDossierToken, dossierSigningMessage, fromBase64Url, toBase64Url, vietnamDate } from '@sipas/schema';
import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { rebuildAggregates } from '../src/results/aggregate.js';
import { ResultsStore } from '../src/results/store.js';
import { seedDemoProcedures } from '../src/procedures/demo.js';
import { StaffStore } from '../src/staff/store.js';
import { issueKioskKey } from '../src/surveys/kiosk.js';
import { dossierToken, setSurveySettings, surveyBody, testApp } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

const post = (server: Server, body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body as object, headers: { 'content-type': 'application/json', ...headers } });
const claim = (server: Server, token: string, unit = 'phuong-a') =>
  server.app.inject({ url: `/v1/units/${unit}/dossier-claims?token=${encodeURIComponent(token)}` });
const count = async (server: Server) => Number((await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses'))!.n);

const today = () => vietnamDate(new Date());
const daysAgo = (n: number) => vietnamDate(new Date(Date.now() - n * 86_400_000));

describe('verified dossiers: only a token the unit signed claims a dossier', () => {
  let server: Server;
  let staffToken: string;
  let adminToken: string;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
    await staff.addUser({ unit: 'phuong-a', username: 'quan', name: 'Trần Quân', role: 'admin', password: 'mat-khau-dai-du' });
    const signIn = async (username: string) =>
      (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username, password: 'mat-khau-dai-du' } })).json().token as string;
    staffToken = await signIn('lan');
    adminToken = await signIn('quan');
  });
  after(async () => server.dispose());

  it('attack: invented dossier codes no longer count — a bare code is refused, nothing stored', async () => {
    const before = await count(server);
    for (const dossier of ['HS-BIA-1', 'HS-BIA-2', 'HS-BIA-3']) {
      const response = await post(server, surveyBody({ context: { channel: 'qr', dossier } }));
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().code, 'dossier_token_required');
      assert.match(response.json().title, /Mã hồ sơ phải đi kèm mã QR có chữ ký của đơn vị/);
      assert.equal(response.json().errors[0].path, 'context.dossier');
    }
    assert.equal(await count(server), before);
  });

  it('attack: claiming a real, predictable code first fails; the citizen with the receipt still rates it, once', async () => {
    const real = 'HS-2026-000123';
    const squat = await post(server, surveyBody({ context: { channel: 'web', dossier: real } }));
    assert.equal(squat.statusCode, 400);
    // The citizen scans the receipt: the survey checks the token as it opens.
    const token = await dossierToken(server, 'phuong-a', real, '1.001193');
    const check = await claim(server, token);
    assert.equal(check.statusCode, 200, check.body);
    assert.deepEqual({ ...(check.json() as object), expires: undefined }, { unit: 'phuong-a', state: 'unused', procedure: '1.001193', issued: today(), expires: undefined });
    assert.ok(!check.body.includes(real), 'the check does not echo the dossier code');
    const sent = await post(server, surveyBody({ context: { channel: 'qr', token } }));
    assert.equal(sent.statusCode, 201, sent.body);
    const row = await server.ctx.db.get<{ dossier: string; procedure_code: string; source: string }>(
      'SELECT dossier, procedure_code, source FROM survey_responses WHERE id = ?',
      [sent.json().id],
    );
    assert.deepEqual({ ...row! }, { dossier: real, procedure_code: '1.001193', source: 'dossier' });
    // A second scan of the same QR is refused when the survey opens, before any answer.
    const again = await claim(server, token);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'dossier_already_rated');
    assert.match(again.json().title, /Hồ sơ này đã được đánh giá/);
  });

  it('attack: a forged token (code, procedure or date changed after signing) is refused as forged', async () => {
    const token = await dossierToken(server, 'phuong-a', 'HS-2026-000200', '1.001193');
    const bytes = fromBase64Url(token);
    const decoded = decodeDossierToken(token);
    // Change the last character of the dossier code: HS-2026-000200 → HS-2026-000201.
    const at = decoded.signedBytes.length - 1;
    bytes[at] = bytes[at]! + 1;
    const forged = toBase64Url(bytes);
    assert.equal(decodeDossierToken(forged).dossier, 'HS-2026-000201');
    for (const response of [await claim(server, forged), await post(server, surveyBody({ context: { channel: 'qr', token: forged } }))]) {
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().code, 'dossier_token_forged');
      assert.match(response.json().title, /không có chữ ký hợp lệ/);
    }
  });

  it('attack: a token of another unit, or signed by a key of the attacker’s own, is refused as foreign', async () => {
    const other = await dossierToken(server, 'phuong-b', 'HS-2026-000300');
    const response = await post(server, surveyBody({ context: { channel: 'qr', token: other } }));
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'dossier_token_foreign');
    assert.match(response.json().title, /không phải của đơn vị này/);
    // An attacker who read the format signs with a key of their own, claiming the unit's key id.
    const { privateKey } = generateKeyPairSync('ed25519');
    const body = decodeDossierToken(await dossierToken(server, 'phuong-a', 'HS-2026-000301')).signedBytes;
    const selfSigned = toBase64Url(new Uint8Array([...body, ...sign(null, dossierSigningMessage('phuong-a', body), privateKey)]));
    const refused = await claim(server, selfSigned);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().code, 'dossier_token_forged');
  });

  it('a garbled or expired token gets its own clear message; a code that differs from the token’s is refused', async () => {
    const garbled = await claim(server, 'abc-def');
    assert.equal(garbled.statusCode, 400);
    assert.equal(garbled.json().code, 'dossier_token_invalid');
    const old = await dossierToken(server, 'phuong-a', 'HS-2025-000001', '', daysAgo(91));
    const expired = await claim(server, old);
    assert.equal(expired.statusCode, 400);
    assert.equal(expired.json().code, 'dossier_token_expired');
    assert.match(expired.json().title, /hết hạn/);
    const token = await dossierToken(server, 'phuong-a', 'HS-2026-000400');
    const mismatch = await post(server, surveyBody({ context: { channel: 'qr', token, dossier: 'HS-2026-000999' } }));
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.json().errors[0].code, 'dossier_token_mismatch');
  });

  it('staff sign a token for the desk’s QR label or a one-stop system, with the QR address', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/staff/units/phuong-a/dossier-tokens',
      headers: { authorization: `Bearer ${staffToken}` },
      payload: { dossier: 'HS-2026-000500', procedure: '1.001193', surveyUrl: 'https://phuong-a.example.gov.vn/khao-sat?unit=phuong-a' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const signed = response.json();
    assert.equal(signed.dossier, 'HS-2026-000500');
    assert.equal(signed.issued, today());
    assert.match(signed.keyId, /^[0-9a-f]{8}$/);
    assert.ok(signed.token.length < 160, `${signed.token.length} characters: short enough for a receipt QR`);
    assert.equal(new URL(signed.url).searchParams.get('token'), signed.token);
    assert.equal(new URL(signed.url).searchParams.get('unit'), 'phuong-a');
    assert.equal((await claim(server, signed.token)).statusCode, 200);
    // The format is documented: an independent check with node:crypto and the published byte layout.
    const raw = fromBase64Url(signed.token);
    assert.equal(raw[0], 1);
    const settings = await server.app.inject({ url: '/v1/staff/units/phuong-a/survey-settings', headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(settings.json().dossierKeyId, signed.keyId);
    const key = server.ctx.dossierKeys.forUnit('phuong-a');
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey).toString('base64url') }, format: 'jwk' });
    const body = raw.slice(0, raw.length - 64);
    const message = Buffer.concat([Buffer.from('sipas-dossier-token/1\nphuong-a\n'), body]);
    assert.ok(verify(null, message, publicKey, raw.slice(raw.length - 64)));
  });

  it('a batch of dossiers is signed from the command line: CSV in, CSV with QR addresses out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-dossier-cli-'));
    try {
      const file = join(dir, 'ho-so.csv');
      writeFileSync(file, 'ma_ho_so,ma_thu_tuc\nHS-2026-000601,1.001193\nHS-2026-000602\nkhông hợp lệ!,x\n');
      const env = { SIPAS_DATABASE_URL: server.ctx.config.databaseUrl, SIPAS_LOG_KEY: server.ctx.config.logKeyPath ?? '' };
      const { code, out, err } = await run(['dossier-tokens', '--unit', 'phuong-a', '--survey-url', 'https://phuong-a.example.gov.vn/khao-sat', file], env);
      assert.equal(code, 1, err); // one line was refused, and said so
      assert.match(err, /Dòng 4/);
      // The one CSV writer: every text cell quoted, CRLF line ends.
      const lines = out.trim().split('\r\n');
      assert.equal(lines[0], '"dossier","procedure","issued","expires","token","url"');
      assert.equal(lines.length, 3);
      const token = lines[1]!.split(',')[4]!.replace(/"/g, '');
      assert.ok(lines[1]!.includes('https://phuong-a.example.gov.vn/khao-sat?token='));
      // The server checks tokens the command signed (same key file).
      assert.equal((await claim(server, token)).statusCode, 200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env, SIPAS_CONFIG: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('channels: decided by the server, reported apart, the unit chooses what it publishes', () => {
  let server: Server;
  let kioskKey: string;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000, minimumForms: 2 });
    kioskKey = await issueKioskKey(server.ctx.db, 'phuong-a', 'Quầy 1');
  });
  after(async () => server.dispose());

  it('records dossier, kiosk and open web from what the request proves, not from what it says', async () => {
    const sources: string[] = [];
    const send = async (body: ReturnType<typeof surveyBody>, headers: Record<string, string> = {}) => {
      const response = await post(server, body, headers);
      assert.equal(response.statusCode, 201, response.body);
      sources.push((await server.ctx.db.get<{ source: string }>('SELECT source FROM survey_responses WHERE id = ?', [body.id]))!.source);
    };
    await send(surveyBody({ answers: surveyBody().answers, context: { channel: 'qr', token: await dossierToken(server, 'phuong-a', 'HS-K-1') } }));
    await send(surveyBody({ context: { channel: 'qr', token: await dossierToken(server, 'phuong-a', 'HS-K-2') } }));
    await send(surveyBody({ context: { channel: 'kiosk' }, answers: kioskAnswers() }), { 'x-sipas-kiosk-key': kioskKey });
    await send(surveyBody({ context: { channel: 'kiosk' }, answers: kioskAnswers() }), { 'x-sipas-kiosk-key': kioskKey });
    // Claims to be a kiosk, or slips in a channel of its own: the open web all the same.
    await send({ ...surveyBody({ context: { channel: 'kiosk' }, answers: kioskAnswers() }), source: 'dossier' } as never);
    for (let i = 0; i < 3; i++) await send(surveyBody({ answers: surveyBody().answers }));
    assert.deepEqual(sources, ['dossier', 'dossier', 'kiosk', 'kiosk', 'web', 'web', 'web', 'web']);
  });

  it('results show each channel beside the total; open web counts apart, visible to staff', async () => {
    const period = String(new Date().getFullYear());
    const publicResults = (await server.app.inject(`/v1/units/phuong-a/results?period=${period}`)).json();
    assert.equal(publicResults.forms, 4, 'the index counts verified dossiers and kiosks');
    assert.deepEqual(publicResults.publishedChannels, ['dossier', 'kiosk']);
    const byChannel = Object.fromEntries(publicResults.channels.map((c: { channel: string }) => [c.channel, c]));
    assert.equal(byChannel.dossier.forms, 2);
    assert.equal(byChannel.kiosk.forms, 2);
    assert.equal(byChannel.web.forms, 4);
    assert.equal(byChannel.web.inIndex, false);
    assert.equal(byChannel.web.index, undefined, 'the open web index is not public');
    assert.equal(typeof byChannel.dossier.index, 'number');
    // The quarterly report has the same figures per channel beside the published total.
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
    const session = (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'lan', password: 'mat-khau-dai-du' } })).json().token;
    const csv = (await server.app.inject({ url: `/v1/staff/units/phuong-a/report?period=${period}&format=csv`, headers: { authorization: `Bearer ${session}` } })).body;
    assert.match(csv, /4\. Theo kênh tiếp nhận phiếu/);
    assert.match(csv, /\n3,"Trực tuyến tự do",4,"Không",/);
    assert.match(csv, /,"Chỉ số công bố \(các kênh được tính\)",4,/);
    const staffView = await new ResultsStore(server.ctx.db, server.ctx.units).results((await server.ctx.units.get('phuong-a'))!, period, { audience: 'staff', defaultMinimum: 2 });
    assert.equal(typeof staffView!.channels!.find((c) => c.channel === 'web')!.index, 'number', 'supervisors see the open web');
  });

  it('a unit may publish the open web too; the aggregates still equal a full recomputation', async () => {
    await setSurveySettings(server, 'phuong-a', { publishedChannels: ['dossier', 'kiosk', 'web'] });
    const results = (await server.app.inject(`/v1/units/phuong-a/results?period=${new Date().getFullYear()}`)).json();
    assert.equal(results.forms, 8);
    const check = await rebuildAggregates(server.ctx.db, { check: true });
    assert.deepEqual(check.differences, []);
  });
});

function kioskAnswers() {
  const { sex: _s, age: _a, ...answers } = surveyBody().answers as Record<string, unknown>;
  return answers as ReturnType<typeof surveyBody>['answers'];
}

describe('a closed list of departments and fields per unit', () => {
  let server: Server;
  let staffToken: string;
  let adminToken: string;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 10_000 });
    await seedDemoProcedures(server.ctx, 'phuong-b');
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-b', username: 'hoa', name: 'Lê Hoa', role: 'staff', password: 'mat-khau-dai-du' });
    await staff.addUser({ unit: 'phuong-b', username: 'quan', name: 'Trần Quân', role: 'admin', password: 'mat-khau-dai-du' });
    const signIn = async (username: string) =>
      (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-b', username, password: 'mat-khau-dai-du' } })).json().token as string;
    staffToken = await signIn('hoa');
    adminToken = await signIn('quan');
    await setSurveySettings(server, 'phuong-b', { fields: null }); // back to the catalogue's fields
  });
  after(async () => server.dispose());

  const hanoi = () =>
    surveyBody({ unit: 'phuong-b', questionnaire: { id: 'hanoi-2025-ward', version: 1 }, answers: Object.fromEntries(HANOI_2025_WARD.items.map((item) => [item.id, 4])) });

  it('defaults to the fields of the unit’s procedures catalogue, published for the widget and configurator', async () => {
    const list = (await server.app.inject('/v1/units/phuong-b/fields')).json();
    assert.equal(list.source, 'catalogue');
    assert.ok(list.fields.length >= 2, JSON.stringify(list));
    const catalogue = (await server.app.inject('/v1/units/phuong-b/procedures')).json().procedures.map((p: { field: string }) => p.field);
    assert.deepEqual([...list.fields].sort(), [...new Set<string>(catalogue)].sort());
  });

  it('attack: a value outside the list is 400 listing the allowed ones — no defacing the results', async () => {
    const { fields } = (await server.app.inject('/v1/units/phuong-b/fields')).json();
    for (const field of ['<b>Phòng</b> giả', '=HYPERLINK("http://x")']) {
      const response = await post(server, { ...hanoi(), context: { channel: 'web', field } });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().code, 'unknown_field');
      assert.equal(response.json().errors[0].path, 'context.field');
      for (const allowed of fields) assert.ok(response.json().errors[0].message.includes(allowed), allowed);
    }
    // A bidi override never reaches the list: the text rule refuses it first, naming the field.
    const reversed = await post(server, { ...hanoi(), context: { channel: 'web', field: 'Tư pháp \u202e ngược' } });
    assert.equal(reversed.statusCode, 400, reversed.body);
    assert.equal(reversed.json().errors[0].path, 'context.field');
  });

  it('a listed field is accepted in the list’s own spelling, whatever the dash or spacing', async () => {
    await setSurveySettings(server, 'phuong-b', { fields: ['Tư pháp – Hộ tịch', 'Địa chính – Xây dựng'] });
    const body = { ...hanoi(), context: { channel: 'web' as const, field: 'tư pháp  -  hộ tịch' } };
    const response = await post(server, body);
    assert.equal(response.statusCode, 201, response.body);
    const row = await server.ctx.db.get<{ field: string }>('SELECT field FROM survey_responses WHERE id = ?', [body.id]);
    assert.equal(row!.field, 'Tư pháp – Hộ tịch');
  });

  it('only an admin changes the list; staff read it', async () => {
    const change = (token: string) =>
      server.app.inject({
        method: 'PATCH',
        url: '/v1/staff/units/phuong-b/survey-settings',
        headers: { authorization: `Bearer ${token}` },
        payload: { fields: ['Tư pháp – Hộ tịch', 'Văn hóa – Xã hội', 'Tư pháp - Hộ tịch'] },
      });
    const refused = await change(staffToken);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'forbidden_role');
    const done = await change(adminToken);
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json().fields, ['Tư pháp – Hộ tịch', 'Văn hóa – Xã hội'], 'typographic duplicates merged');
    assert.equal(done.json().fieldsSource, 'unit');
    const read = await server.app.inject({ url: '/v1/staff/units/phuong-b/survey-settings', headers: { authorization: `Bearer ${staffToken}` } });
    assert.equal(read.statusCode, 200);
  });

  it('old free-text rows stay readable in reports', async () => {
    // A row from before the list (as an older server stored it), counted in the aggregates by a rebuild.
    const body = hanoi();
    await server.ctx.db.run(
      `INSERT INTO survey_responses (id, unit, questionnaire, questionnaire_version, field, channel, answers, received_at, body_hash, receipt)
       VALUES (?, 'phuong-b', 'hanoi-2025-ward', 1, 'Phòng cũ tự ghi', 'web', '{}', ?, 'x', 'OLD1-ROW1')`,
      [body.id, new Date().toISOString()],
    );
    await rebuildAggregates(server.ctx.db);
    const results = await new ResultsStore(server.ctx.db, server.ctx.units).results((await server.ctx.units.get('phuong-b'))!, String(new Date().getFullYear()), { audience: 'staff', defaultMinimum: 30 });
    assert.ok(results!.fields!.some((f) => f.field === 'Phòng cũ tự ghi'));
    assert.ok(results!.channels!.some((c) => c.channel === 'legacy' && c.forms === 1 && c.inIndex));
  });
});
