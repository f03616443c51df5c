import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, foldForSearch, type FeedbackSubmission } from '@sipas/schema';
import type { LightMyRequestResponse } from 'fastify';
import { seedDemoProcedures } from '../src/procedures/demo.js';
import { StaffStore } from '../src/staff/store.js';
import { ORIGIN, surveyBody, testApp, dossierToken } from './helpers.js';

/**
 * No public response ever contains personal data, asserted route by route: feedback with
 * distinctive sender details, a staff account, internal notes, ballot-box witnesses and survey
 * responses with a dossier code are seeded; then every public GET route of the contract is called
 * with realistic parameters and none of those values may appear in any body or header — not even
 * folded (without diacritics), as search indexes keep them. Staff of the unit do see them; staff of
 * another unit do not.
 */

const SENDER = {
  name: 'Lưu Thị Kín Đáo',
  address: 'Số 47 ngách 19/3 phố Giấu Tên',
  phone: '0968 472 195',
  email: 'kin.dao.47@example.org',
};
const SECOND_SENDER = {
  name: 'Đàm Văn Mậtthư',
  address: 'Thôn Ẩn Danh, xã Không Lộ',
  phone: '0357 913 864',
  email: 'matthu.dam@example.net',
};
const STAFF = { username: 'thamlang', name: 'Phan Văn Thầm Lặng', password: 'mat-khau-rat-dai-4729' };
const INTERNAL = { note: 'Ghi chú nội bộ: gọi lại cho chị Kín Đáo sau 17h', routedTo: 'Anh Tô Bảo Mật – Tư pháp' };
const WITNESS = 'Bà Hứa Chứng Kiến';
const DOSSIER = 'HS-KIN-472918';

/** Every value that must never reach a public response, with the forms a leak could take. */
const SECRETS: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    'sender name': SENDER.name,
    'sender address': SENDER.address,
    'sender phone': SENDER.phone,
    'sender email': SENDER.email,
    'second sender name': SECOND_SENDER.name,
    'second sender address': SECOND_SENDER.address,
    'second sender phone': SECOND_SENDER.phone,
    'second sender email': SECOND_SENDER.email,
    'staff name': STAFF.name,
    'staff username': STAFF.username,
    'staff password': STAFF.password,
    'internal note': INTERNAL.note,
    'routed to a person': INTERNAL.routedTo,
    'witness name': WITNESS,
    'dossier code': DOSSIER,
  }).map(([label, value]) => [label, forms(value)]),
);

function forms(value: string): string[] {
  const out = new Set([value, value.normalize('NFD'), foldForSearch(value)]);
  if (/^[\d ]+$/.test(value)) out.add(value.replace(/ /g, ''));
  return [...out];
}

/** The labels of the secrets found in a response (body and headers, JSON-decoded too). */
function leaks(response: LightMyRequestResponse, only?: string[]): string[] {
  let haystack = `${JSON.stringify(response.headers)}\n${response.body}`;
  try {
    haystack += `\n${JSON.stringify(JSON.parse(response.body))}`;
  } catch {
    // not JSON
  }
  const folded = foldForSearch(haystack);
  return Object.entries(SECRETS)
    .filter(([label]) => !only || only.includes(label))
    .filter(([, values]) => values.some((value) => haystack.includes(value) || folded.includes(foldForSearch(value))))
    .map(([label]) => label);
}

const CONSENT = { accepted: true as const, textVersion: 'pakn-2026-01', text: 'Tôi đồng ý để cơ quan xử lý thông tin cá nhân của tôi cho phản ánh này.' };

describe('privacy: no public response contains personal data, route by route', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;
  let published: { code: string; secret: string };
  let pending: { code: string; secret: string };
  let procedureCode: string;
  let treeSize: number;
  let claimToken: string;
  const publicResponses: { url: string; response: LightMyRequestResponse }[] = [];

  const inject = async (method: 'GET' | 'POST', url: string, options: { payload?: object; auth?: string; origin?: string } = {}) => {
    const response = await server.app.inject({
      method,
      url,
      ...(options.payload ? { payload: options.payload } : {}),
      headers: { ...(options.auth ? { authorization: `Bearer ${options.auth}` } : {}), ...(options.origin ? { origin: options.origin } : {}) },
    });
    if (!options.auth) publicResponses.push({ url: `${method} ${url}`, response });
    return response;
  };

  before(async () => {
    server = await testApp({ minimumForms: 1, rateLimitPerMinute: 10_000 });
    await seedDemoProcedures(server.ctx, 'phuong-a');
    const staff = new StaffStore(server.ctx.db);
    // An admin: the test publishes, opens the box and exports personal data (admin-only).
    await staff.addUser({ unit: 'phuong-a', username: STAFF.username, name: STAFF.name, role: 'admin', password: STAFF.password });
    await staff.addUser({ unit: 'phuong-b', username: 'hoa', name: 'Lê Hoa', role: 'staff', password: 'mat-khau-dai-du' });
    const signIn = async (unit: string, username: string, password: string) =>
      (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password } })).json().token as string;
    token = await signIn('phuong-a', STAFF.username, STAFF.password);
    otherToken = await signIn('phuong-b', 'hoa', 'mat-khau-dai-du');

    // Survey responses, one with a dossier code and demographics, as the QR on a receipt sends them.
    for (let i = 0; i < 3; i++) {
      const body = surveyBody(i === 0 ? { context: { channel: 'qr', token: await dossierToken(server, 'phuong-a', DOSSIER, '1.001193') } } : {});
      if (i === 0) body.answers = { ...body.answers, sex: 'nu' };
      assert.equal((await inject('POST', '/v1/surveys', { payload: body, origin: ORIGIN })).statusCode, 201);
    }

    // Two cases: one answered and published, one still waiting.
    const submit = async (sender: typeof SENDER, secret: string, title: string) => {
      const body: FeedbackSubmission = {
        id: crypto.randomUUID(),
        unit: 'phuong-a',
        topic: 'procedure',
        procedureCode: '1.001193',
        title,
        content: `Tôi là ${sender.name}, ở ${sender.address}; chờ trích lục hai ngày. Gọi ${sender.phone} hoặc ${sender.email}.`,
        sender,
        consent: CONSENT,
        secret,
      };
      const response = await inject('POST', '/v1/feedback', { payload: body, origin: ORIGIN });
      assert.equal(response.statusCode, 201);
      return { code: response.json().trackingCode as string, secret };
    };
    published = await submit(SENDER, 'XKDH4729', 'Chờ trích lục khai sinh quá lâu');
    pending = await submit(SECOND_SENDER, 'MTQW8362', 'Ghế chờ bị hỏng ở Bộ phận Một cửa');
    const act = async (code: string, payload: object) =>
      assert.equal((await inject('POST', `/v1/staff/units/phuong-a/feedback/${code}/actions`, { payload, auth: token })).statusCode, 200);
    await act(published.code, { action: 'route', routedTo: INTERNAL.routedTo, note: INTERNAL.note });
    await act(published.code, { action: 'note', note: INTERNAL.note });
    await act(published.code, { action: 'answer', answer: 'Phường xin lỗi về sự chậm trễ; trích lục đã được trả ngày hôm sau.' });
    await act(published.code, {
      action: 'publish',
      title: 'Chờ trích lục khai sinh',
      content: 'Công dân chờ trích lục khai sinh hai ngày và không liên hệ được qua điện thoại.',
      answer: 'Phường xin lỗi về sự chậm trễ; trích lục đã được trả ngày hôm sau.',
    });
    await act(pending.code, { action: 'note', note: INTERNAL.note });

    // A ballot-box opening with a named witness.
    const today = new Date().toISOString().slice(0, 10);
    const opening = await inject('POST', '/v1/staff/units/phuong-a/log/openings', {
      auth: token,
      payload: { from: '2026-01-01', to: today, witnesses: [{ role: 'mttq', name: WITNESS, title: 'Ủy ban MTTQ phường' }], place: 'Hội trường' },
    });
    assert.equal(opening.statusCode, 201);
    publicResponses.length = 0; // only what the public routes answer from here on is judged

    const list = await server.app.inject('/v1/units/phuong-a/procedures');
    procedureCode = list.json().procedures[0].code;
    const checkpoint = await server.app.inject('/v1/units/phuong-a/log/checkpoint');
    treeSize = Number(checkpoint.body.split('\n')[1]);
    claimToken = await dossierToken(server, 'phuong-a', `${DOSSIER}-3`, '1.001193');
    assert.ok(treeSize >= 3);
  });
  after(async () => server?.dispose());

  /** Realistic calls for every public GET route of the contract. */
  const calls = (): Record<string, string[]> => ({
    '/healthz': ['/healthz'],
    '/readyz': ['/readyz'],
    '/metrics': ['/metrics'],
    '/openapi.json': ['/openapi.json'],
    '/v1/units/:unit': ['/v1/units/phuong-a', '/v1/units/tinh-a'],
    '/v1/questionnaires/:id': ['/v1/questionnaires/bnv-2023', '/v1/questionnaires/hanoi-2025-ward?version=1'],
    '/v1/units/:unit/procedures': ['/v1/units/phuong-a/procedures'],
    '/v1/units/:unit/procedures/:code': [`/v1/units/phuong-a/procedures/${procedureCode}`, '/v1/units/phuong-a/procedures/1.001193'],
    '/v1/feedback/:code': [
      `/v1/feedback/${published.code}?secret=${published.secret}`,
      `/v1/feedback/${published.code}?phone=2195`,
      `/v1/feedback/${pending.code}?secret=${pending.secret}`,
      `/v1/feedback/${pending.code}?phone=3864`,
    ],
    '/v1/units/:unit/feedback': [
      '/v1/units/phuong-a/feedback',
      '/v1/units/phuong-a/feedback?topic=procedure&limit=50',
      `/v1/units/phuong-a/feedback?q=${encodeURIComponent('trich luc')}`,
    ],
    '/v1/units/:unit/results': ['/v1/units/phuong-a/results', `/v1/units/phuong-a/results?period=${new Date().getFullYear()}`, '/v1/units/tinh-a/results'],
    '/v1/units/:unit/log/checkpoint': ['/v1/units/phuong-a/log/checkpoint'],
    '/v1/units/:unit/log/key': ['/v1/units/phuong-a/log/key'],
    '/v1/units/:unit/log/proof': ['/v1/units/phuong-a/log/proof?leaf=0', `/v1/units/phuong-a/log/proof?leaf=${treeSize - 1}`],
    '/v1/units/:unit/log/consistency': [`/v1/units/phuong-a/log/consistency?from=1&to=${treeSize}`],
    '/v1/units/:unit/dossier-claims': [`/v1/units/phuong-a/dossier-claims?token=${claimToken}`],
    '/v1/units/:unit/fields': ['/v1/units/phuong-a/fields', '/v1/units/tinh-a/fields'],
  });

  it('every public GET route of the contract answers 200 without any personal data', async () => {
    const table = calls();
    const publicGets = API_ROUTES.filter((route) => route.method === 'GET' && route.auth !== 'staff');
    for (const route of publicGets) {
      const urls = table[route.path];
      assert.ok(urls, `${route.path} is a public GET route with no call in this test: add realistic calls for it`);
      for (const url of urls) {
        // As a server would call it, and as the unit's own site in a browser would (tinh-a allows no site).
        for (const origin of url.includes('/tinh-a') ? [undefined] : [undefined, ORIGIN]) {
          const response = await inject('GET', url, origin ? { origin } : {});
          assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
          assert.deepEqual(leaks(response), [], `${url} leaks personal data`);
        }
      }
    }
    // The lookup did find the cases (so the assertion above ran on real content).
    const lookup = (await inject('GET', `/v1/feedback/${published.code}?secret=${published.secret}`)).json();
    assert.equal(lookup.status, 'published');
    assert.ok(lookup.answer);
    const list = (await inject('GET', '/v1/units/phuong-a/feedback')).json();
    assert.equal(list.total, 1);
    // One verified dossier makes the published index; the two open-web forms are counted apart.
    const results = (await inject('GET', '/v1/units/phuong-a/results')).json();
    assert.equal(results.forms, 1);
    assert.equal(results.channels.find((c: { channel: string }) => c.channel === 'web').forms, 2);
  });

  it('the public search finds nothing by a sender’s name, phone or email', async () => {
    for (const q of [SENDER.name, foldForSearch(SENDER.name), SENDER.phone, SENDER.email, SECOND_SENDER.name, WITNESS, DOSSIER]) {
      const response = await inject('GET', `/v1/units/phuong-a/feedback?q=${encodeURIComponent(q)}`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().total, 0, `searching "${q}" finds something`);
    }
  });

  it('the answers to public writes carry no personal data back', async () => {
    const body: FeedbackSubmission = {
      id: crypto.randomUUID(),
      unit: 'phuong-a',
      topic: 'other',
      title: 'Thêm chỗ để xe',
      content: 'Đề nghị thêm chỗ để xe máy cho người đến làm thủ tục.',
      sender: SENDER,
      consent: CONSENT,
      secret: 'PQRS2345',
    };
    const first = await inject('POST', '/v1/feedback', { payload: body, origin: ORIGIN });
    const again = await inject('POST', '/v1/feedback', { payload: body, origin: ORIGIN });
    const survey = await inject('POST', '/v1/surveys', { payload: surveyBody({ context: { channel: 'qr', token: await dossierToken(server, 'phuong-a', `${DOSSIER}-2`) } }), origin: ORIGIN });
    assert.deepEqual([first.statusCode, again.statusCode, survey.statusCode], [201, 200, 201]);
    for (const response of [first, again, survey]) assert.deepEqual(leaks(response), []);
    // A refused write does not echo the body either.
    const refused = await inject('POST', '/v1/feedback', { payload: { ...body, id: crypto.randomUUID(), consent: { ...CONSENT, accepted: false } }, origin: ORIGIN });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(leaks(refused), []);
  });

  it('the unit’s staff see the sender’s details; staff of another unit and the public do not', async () => {
    const staffGet = (url: string, auth?: string) => server.app.inject({ url, headers: auth ? { authorization: `Bearer ${auth}` } : {} });
    const senderLabels = ['sender name', 'sender address', 'sender phone', 'sender email'];
    const kase = await staffGet(`/v1/staff/units/phuong-a/feedback/${published.code}`, token);
    assert.equal(kase.statusCode, 200);
    assert.deepEqual(leaks(kase, senderLabels), senderLabels, 'the case shows every detail of the sender to the unit’s staff');
    const inbox = await staffGet('/v1/staff/units/phuong-a/feedback', token);
    assert.equal(inbox.statusCode, 200);
    const year = new Date().getFullYear();
    const exported = await staffGet(`/v1/staff/units/phuong-a/feedback-export?from=${year}-01-01&to=${year}-12-31`, token);
    assert.equal(exported.statusCode, 200);
    assert.ok(leaks(exported).includes('sender name') && leaks(exported).includes('second sender phone'), 'the export lists the senders');

    for (const url of [
      `/v1/staff/units/phuong-a/feedback/${published.code}`,
      '/v1/staff/units/phuong-a/feedback',
      `/v1/staff/units/phuong-a/feedback-export?from=${year}-01-01&to=${year}-12-31`,
      '/v1/staff/units/phuong-a/log/export',
      '/v1/staff/units/phuong-a/log/openings',
      `/v1/staff/units/phuong-a/report?period=${year}&format=csv`,
    ]) {
      const other = await staffGet(url, otherToken);
      assert.equal(other.statusCode, 403, `${url} with another unit's token`);
      assert.deepEqual(leaks(other), [], `${url} refused to another unit's staff without data`);
      const anonymous = await staffGet(url);
      assert.equal(anonymous.statusCode, 401, `${url} without a token`);
      assert.deepEqual(leaks(anonymous), [], `${url} refused without a token and without data`);
    }
  });

  it('every response the public got in this file was free of personal data', () => {
    assert.ok(publicResponses.length > 40, `${publicResponses.length} public responses checked`);
    for (const { url, response } of publicResponses) assert.deepEqual(leaks(response), [], url);
  });
});
