import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { issueKioskKey } from '../src/surveys/kiosk.js';
import { ORIGIN, dossierToken, fullAnswers, surveyBody, testApp } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;

const post = (server: Server, body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body as object, headers: { 'content-type': 'application/json', ...headers } });

const count = async (server: Server) =>
  Number((await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses'))!.n);

describe('POST /v1/surveys', () => {
  let server: Server;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('stores a valid response and answers 201 with a receipt', async () => {
    const token = await dossierToken(server, 'phuong-a', 'HS-2026-0001', '1.001193');
    const body = surveyBody({ context: { channel: 'qr', token, field: 'Hộ tịch' } });
    const response = await post(server, body);
    assert.equal(response.statusCode, 201);
    const receipt = response.json();
    assert.equal(receipt.id, body.id);
    assert.match(receipt.receipt, /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    const row = await server.ctx.db.get<Record<string, unknown>>('SELECT * FROM survey_responses WHERE id = ?', [body.id]);
    assert.equal(row!.dossier, 'HS-2026-0001');
    assert.equal(row!.procedure_code, '1.001193');
    assert.equal(row!.channel, 'qr');
    assert.equal(row!.source, 'dossier');
    assert.equal(row!.questionnaire_version, 1);
    assert.ok(!Object.keys(row!).some((column) => /^(ip|ip_address|remote_addr|address|user_agent|phone|email|name)$/i.test(column)), 'no personal data columns');
  });

  it('a resend of the same body answers 200 with the same receipt and stores nothing more', async () => {
    const body = surveyBody();
    const first = await post(server, body);
    const before = await count(server);
    const again = await post(server, { ...body });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), first.json());
    assert.equal(await count(server), before);
  });

  it('two simultaneous sends of one response store it once', async () => {
    const body = surveyBody();
    const before = await count(server);
    const answers = await Promise.all([post(server, body), post(server, body), post(server, body)]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201]);
    assert.equal(await count(server), before + 1);
  });

  it('the same id with a different body is a 409', async () => {
    const body = surveyBody();
    await post(server, body);
    const response = await post(server, { ...body, answers: fullAnswers(5) });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'id_conflict');
  });

  it('a dossier counts once per unit, with a message saying so in Vietnamese', async () => {
    const token = await dossierToken(server, 'phuong-a', 'HS-DUP');
    assert.equal((await post(server, surveyBody({ context: { channel: 'qr', token } }))).statusCode, 201);
    const second = await post(server, surveyBody({ context: { channel: 'qr', token } }));
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, 'dossier_already_rated');
    assert.match(second.json().title, /Hồ sơ này đã được đánh giá/);
  });

  it('validates against the questionnaire version named in the payload', async () => {
    const { q15: _dropped, ...missing } = fullAnswers();
    const response = await post(server, surveyBody({ answers: { ...missing, q16: 7, q17: null, zz: 3 } }));
    assert.equal(response.statusCode, 400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    assert.deepEqual(paths.sort(), ['answers.q15', 'answers.q16', 'answers.q17', 'answers.zz']);
    const unknownVersion = await post(server, surveyBody({ questionnaire: { id: 'bnv-2023', version: 42 } }));
    assert.equal(unknownVersion.statusCode, 400);
    assert.equal(unknownVersion.json().errors[0].path, 'questionnaire');
  });

  it('names malformed fields of the payload', async () => {
    const response = await post(server, { id: 'not-a-uuid', unit: 'phuong-a', answers: [], context: { channel: 'fax' } });
    assert.equal(response.statusCode, 400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    for (const path of ['id', 'questionnaire', 'answers', 'context.channel']) assert.ok(paths.includes(path), path);
  });

  it('an unknown unit is a 404', async () => {
    const response = await post(server, surveyBody({ unit: 'khong-co' }));
    assert.equal(response.statusCode, 404);
  });

  it('refuses a browser origin the unit does not allow, accepts its own', async () => {
    assert.equal((await post(server, surveyBody(), { origin: 'https://evil.example' })).statusCode, 403);
    const allowed = await post(server, surveyBody(), { origin: ORIGIN });
    assert.equal(allowed.statusCode, 201);
    assert.equal(allowed.headers['access-control-allow-origin'], ORIGIN);
  });

  it('refuses demographics from a kiosk: no personal questions are asked there', async () => {
    const response = await post(server, surveyBody({ context: { channel: 'kiosk' }, answers: { ...fullAnswers(), sex: 'nu' } }));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().errors.map((e: { path: string }) => e.path), ['answers.sex']);
    const web = await post(server, surveyBody({ answers: { ...fullAnswers(), sex: 'nu' } }));
    assert.equal(web.statusCode, 201);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const before = await count(server);
    const response = await post(server, { ...surveyBody(), website: undefined, padding: 'x'.repeat(70_000) });
    assert.equal(response.statusCode, 413);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(await count(server), before);
  });

  it('a filled honeypot is answered as accepted and nothing is stored', async () => {
    const before = await count(server);
    const response = await post(server, surveyBody({ website: 'http://spam.example' }));
    assert.equal(response.statusCode, 201);
    assert.equal(await count(server), before);
  });
});

describe('POST /v1/surveys: rate limit and kiosk keys', () => {
  let server: Server;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 3 });
  });
  after(async () => server.dispose());

  it('limits one IP address with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await post(server, surveyBody())).statusCode, 201);
    const limited = await post(server, surveyBody());
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.json().title, /quá nhiều/);
  });

  it("a unit's kiosk key lifts the per-IP limit for that device", async () => {
    const key = await issueKioskKey(server.ctx.db, 'phuong-a', 'Quầy 1');
    for (let i = 0; i < 10; i++) {
      assert.equal((await post(server, surveyBody({ context: { channel: 'kiosk' } }), { 'x-sipas-kiosk-key': key })).statusCode, 201);
    }
  });

  it("is refused for any other unit, and a made-up key is refused", async () => {
    const key = await issueKioskKey(server.ctx.db, 'phuong-a', 'Quầy 2');
    const otherUnit = await post(
      server,
      surveyBody({ unit: 'phuong-b', questionnaire: { id: 'hanoi-2025-ward', version: 1 }, answers: {} }),
      { 'x-sipas-kiosk-key': key },
    );
    assert.equal(otherUnit.statusCode, 403);
    assert.equal(otherUnit.json().code, 'kiosk_key_invalid');
    const madeUp = await post(server, surveyBody(), { 'x-sipas-kiosk-key': 'kiosk_guess' });
    assert.equal(madeUp.statusCode, 403);
  });

  it('counts wrong kiosk keys against the address, so keys cannot be guessed at will', async () => {
    const guessing = await testApp({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await post(guessing, surveyBody(), { 'x-sipas-kiosk-key': `kiosk_guess_${i}` })).statusCode);
      }
      assert.deepEqual(statuses, [403, 403, 403, 429, 429]);
    } finally {
      await guessing.dispose();
    }
  });
});

describe('kiosk keys: revoking a lost device', () => {
  let server: Server;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 1 });
  });
  after(async () => server.dispose());

  it('a revoked key is refused at once; the list never shows a hash', async () => {
    const { listKioskKeys, revokeKioskKey } = await import('../src/surveys/kiosk.js');
    const key = await issueKioskKey(server.ctx.db, 'phuong-a', 'Quầy mất');
    assert.equal((await post(server, surveyBody({ context: { channel: 'kiosk' } }), { 'x-sipas-kiosk-key': key })).statusCode, 201);
    const [listed] = await listKioskKeys(server.ctx.db, 'phuong-a');
    assert.equal(listed!.label, 'Quầy mất');
    assert.equal('sha256' in listed!, false);
    assert.equal(await revokeKioskKey(server.ctx.db, 'phuong-a', listed!.id), 'Quầy mất');
    const refused = await post(server, surveyBody({ context: { channel: 'kiosk' } }), { 'x-sipas-kiosk-key': key });
    assert.equal(refused.statusCode, 403);
  });
});
