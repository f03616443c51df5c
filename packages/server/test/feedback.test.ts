import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { UNAMBIGUOUS_ALPHABET, type FeedbackSubmission } from '@sipas/schema';
import { StaffStore } from '../src/staff/store.js';
import { WorkingCalendar, vietnamDate } from '../src/feedback/working-days.js';
import { csvCell } from '../src/http/csv.js';
import { smtpStatusLine } from '../src/feedback/routes.js';
import { ORIGIN, testApp } from './helpers.js';

const CONSENT = { accepted: true as const, textVersion: 'pakn-2026-01', text: 'Tôi đồng ý để cơ quan xử lý thông tin cá nhân của tôi cho phản ánh này.' };

export function feedbackBody(overrides: Partial<FeedbackSubmission> = {}): FeedbackSubmission {
  return {
    id: crypto.randomUUID(),
    unit: 'phuong-a',
    topic: 'other',
    title: 'Ghế chờ bị hỏng',
    content: 'Hai ghế ở khu chờ Bộ phận Một cửa bị gãy chân, đề nghị thay sớm.',
    sender: { name: 'Vũ Thị Mai', address: 'Số 3 ngõ 7, phường A', phone: '0977 888 999', email: 'mai@example.com' },
    consent: CONSENT,
    secret: 'ABCD2345',
    ...overrides,
  };
}

/** A local SMTP server on 127.0.0.1 that keeps what arrives. */
async function mailbox() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('working days', () => {
  const calendar = new WorkingCalendar(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);

  it('skips weekends: Friday + 1 is Monday, Saturday + 1 is Monday too', () => {
    assert.equal(calendar.addWorkingDays('2026-03-06', 1), '2026-03-09');
    assert.equal(calendar.addWorkingDays('2026-03-07', 1), '2026-03-09');
    assert.equal(calendar.addWorkingDays('2026-03-02', 10), '2026-03-16');
  });

  it('skips the public holidays (30/4, 1/5, 2/9, 1/1, Tết computed from the lunar calendar) and the configured ones', () => {
    // Wednesday 29/4/2026 + 1: Thursday 30/4 and Friday 1/5 are holidays, then the weekend.
    assert.equal(calendar.addWorkingDays('2026-04-29', 1), '2026-05-04');
    // Friday 13/2/2026 + 1: the Tết week 16–20/2 is configured, so Monday 23/2.
    assert.equal(calendar.addWorkingDays('2026-02-13', 1), '2026-02-23');
    assert.equal(calendar.addWorkingDays('2025-12-31', 1), '2026-01-02');
    // Without any configured day, Tết 2026 (17/2) is computed: 16/2 (the year's last day) to 20/2 are off.
    assert.equal(new WorkingCalendar().addWorkingDays('2026-02-13', 1), '2026-02-23');
  });

  it('counts working days between two dates and takes dates in Vietnam time', () => {
    assert.equal(calendar.workingDaysBetween('2026-03-06', '2026-03-09'), 1);
    assert.equal(calendar.workingDaysBetween('2026-03-09', '2026-03-06'), -1);
    assert.equal(vietnamDate('2026-03-06T17:30:00Z'), '2026-03-07');
    assert.equal(vietnamDate('2026-03-06T16:59:59Z'), '2026-03-06');
  });
});

describe('feedback (PAKN)', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;
  let mail: Awaited<ReturnType<typeof mailbox>>;

  before(async () => {
    mail = await mailbox();
    server = await testApp({ smtpUrl: mail.url, smtpFrom: '"Phường A" <no-reply@phuong-a.example>', rateLimitPerMinute: 1000 });
    const staff = new StaffStore(server.ctx.db);
    // An admin: publishing and the personal-data export are admin-only (roles.test.ts covers staff).
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'admin', password: 'mat-khau-dai-du' });
    await staff.addUser({ unit: 'phuong-b', username: 'hoa', name: 'Lê Hoa', role: 'staff', password: 'mat-khau-dai-du' });
    const signIn = async (unit: string, username: string) =>
      (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password: 'mat-khau-dai-du' } })).json().token as string;
    token = await signIn('phuong-a', 'lan');
    otherToken = await signIn('phuong-b', 'hoa');
  });
  after(async () => {
    await server.dispose();
    await mail.close();
  });

  const submit = (body: object, headers: Record<string, string> = {}) => server.app.inject({ method: 'POST', url: '/v1/feedback', payload: body, headers });
  const staff = (url: string, options: { method?: 'GET' | 'POST'; payload?: object; auth?: string } = {}) =>
    server.app.inject({
      method: options.method ?? 'GET',
      url,
      ...(options.payload ? { payload: options.payload } : {}),
      headers: { authorization: `Bearer ${options.auth ?? token}` },
    });
  const act = (code: string, payload: object, auth?: string) =>
    staff(`/v1/staff/units/phuong-a/feedback/${code}/actions`, { method: 'POST', payload, ...(auth ? { auth } : {}) });

  it('receives feedback with a short unambiguous tracking code and a due date in working days', async () => {
    const body = feedbackBody();
    const response = await submit(body, { origin: ORIGIN });
    assert.equal(response.statusCode, 201);
    const receipt = response.json();
    assert.match(receipt.trackingCode, new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{4}-[${UNAMBIGUOUS_ALPHABET}]{4}$`));
    assert.equal(receipt.secret, 'ABCD2345');
    const expected = new WorkingCalendar().addWorkingDays(vietnamDate(receipt.receivedAt), 10);
    assert.equal(receipt.dueOn, expected);
    const row = (await server.ctx.db.get<{ secret_hash: string; consent_text: string; consent_version: string }>(
      'SELECT secret_hash, consent_text, consent_version FROM feedback_cases WHERE id = ?',
      [body.id],
    ))!;
    assert.notEqual(row.secret_hash, 'ABCD2345');
    assert.equal(row.consent_text, CONSENT.text);
    assert.equal(row.consent_version, 'pakn-2026-01');
  });

  it('is idempotent: a resend answers 200 with the same code; the same id with another body 409', async () => {
    const body = feedbackBody();
    const first = (await submit(body)).json();
    const again = await submit(body);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().trackingCode, first.trackingCode);
    const conflict = await submit({ ...body, title: 'Một tiêu đề khác hẳn' });
    assert.equal(conflict.statusCode, 409);
    const rows = await server.ctx.db.all('SELECT 1 FROM feedback_cases WHERE id = ?', [body.id]);
    assert.equal(rows.length, 1);
  });

  it('refuses what Nghị định 20/2008 requires but is missing, consent not given, and oversize text', async () => {
    const { sender: _s, ...noSender } = feedbackBody();
    assert.equal((await submit(noSender)).statusCode, 400);
    assert.equal((await submit({ ...feedbackBody(), consent: { ...CONSENT, accepted: false } })).statusCode, 400);
    assert.equal((await submit(feedbackBody({ content: 'x'.repeat(5001) }))).statusCode, 400);
    const procedure = await submit(feedbackBody({ topic: 'procedure' }));
    assert.equal(procedure.statusCode, 400);
    assert.equal(procedure.json().errors[0].path, 'procedureCode');
    assert.equal((await submit(feedbackBody(), { origin: 'https://evil.example' })).statusCode, 403);
  });

  it('drops a filled honeypot silently and limits submissions per IP', async () => {
    const bot = feedbackBody({ website: 'http://spam.example' });
    assert.equal((await submit(bot)).statusCode, 201);
    assert.equal((await server.ctx.db.all('SELECT 1 FROM feedback_cases WHERE id = ?', [bot.id])).length, 0);
    const limited = await testApp({ rateLimitPerMinute: 2 });
    try {
      const send = () => limited.app.inject({ method: 'POST', url: '/v1/feedback', payload: feedbackBody() });
      assert.equal((await send()).statusCode, 201);
      assert.equal((await send()).statusCode, 201);
      const third = await send();
      assert.equal(third.statusCode, 429);
      assert.ok(third.headers['retry-after']);
    } finally {
      await limited.dispose();
    }
  });

  it('looks a case up with the secret or the last four phone digits, and nothing else', async () => {
    const { trackingCode } = (await submit(feedbackBody())).json();
    const bySecret = await server.app.inject(`/v1/feedback/${trackingCode}?secret=ABCD2345`);
    assert.equal(bySecret.statusCode, 200);
    const lookup = bySecret.json();
    assert.equal(lookup.status, 'received');
    assert.deepEqual(lookup.timeline.map((e: { status: string }) => e.status), ['received']);
    assert.ok(!JSON.stringify(lookup).includes('Vũ Thị Mai'));
    assert.ok(!JSON.stringify(lookup).includes('0977'));
    assert.equal((await server.app.inject(`/v1/feedback/${trackingCode.toLowerCase().replace('-', '')}?phone=8999`)).statusCode, 200);
    assert.equal((await server.app.inject(`/v1/feedback/${trackingCode}?secret=WRONG2345`)).statusCode, 404);
    assert.equal((await server.app.inject(`/v1/feedback/${trackingCode}?phone=1234`)).statusCode, 404);
    assert.equal((await server.app.inject(`/v1/feedback/${trackingCode}`)).statusCode, 400);
  });

  it('refuses every staff route without a valid session, and staff of another unit', async () => {
    const { trackingCode } = (await submit(feedbackBody())).json();
    const urls: [string, 'GET' | 'POST'][] = [
      ['/v1/staff/units/phuong-a/feedback', 'GET'],
      [`/v1/staff/units/phuong-a/feedback/${trackingCode}`, 'GET'],
      [`/v1/staff/units/phuong-a/feedback/${trackingCode}/actions`, 'POST'],
      ['/v1/staff/units/phuong-a/feedback-export?from=2026-01-01&to=2026-12-31', 'GET'],
    ];
    for (const [url, method] of urls) {
      for (const headers of [{}, { authorization: 'Bearer st_invented' }]) {
        const response = await server.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: { action: 'start' } } : {}) });
        assert.equal(response.statusCode, 401, `${method} ${url}`);
        assert.ok(!response.body.includes('Vũ Thị Mai'));
      }
      const other = await server.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${otherToken}` },
        ...(method === 'POST' ? { payload: { action: 'start' } } : {}),
      });
      assert.equal(other.statusCode, 403, `${method} ${url} by another unit`);
    }
  });

  it('routes, answers and publishes with an audit trail, emails the sender, and lists only the redacted public version', async () => {
    const body = feedbackBody({
      title: 'Thủ tục chứng thực chậm',
      content: 'Tôi là Vũ Thị Mai, số điện thoại 0977 888 999, chờ chứng thực bản sao quá lâu tại quầy số 2.',
    });
    const { trackingCode } = (await submit(body)).json();

    const inbox = (await staff('/v1/staff/units/phuong-a/feedback?status=received')).json();
    const listed = inbox.cases.find((c: { trackingCode: string }) => c.trackingCode === trackingCode);
    assert.equal(listed.senderName, 'Vũ Thị Mai');
    assert.equal(listed.overdue, false);

    assert.equal((await act(trackingCode, { action: 'publish', title: 'xxxxx', content: 'xxxxxxxxxxxx', answer: 'xxxxxxxxxxxx' })).statusCode, 409);
    assert.equal((await act(trackingCode, { action: 'route', routedTo: 'Công chức Tư pháp' })).statusCode, 200);
    assert.equal((await act(trackingCode, { action: 'start', note: 'Đang kiểm tra' })).statusCode, 200);
    const answer = 'Phường đã bố trí thêm một công chức chứng thực vào buổi sáng. Xin cảm ơn bà Vũ Thị Mai.';
    assert.equal((await act(trackingCode, { action: 'answer', answer })).statusCode, 200);

    const leaky = await act(trackingCode, { action: 'publish', title: body.title, content: body.content, answer });
    assert.equal(leaky.statusCode, 400);
    assert.ok(leaky.json().errors.some((e: { code: string }) => e.code === 'personal_data'));
    assert.equal(mail.received.length, 0);

    const published = await act(trackingCode, {
      action: 'publish',
      title: body.title,
      content: 'Công dân chờ chứng thực bản sao quá lâu tại quầy số 2.',
      answer: 'Phường đã bố trí thêm một công chức chứng thực vào buổi sáng. Xin cảm ơn.',
    });
    assert.equal(published.statusCode, 200);
    const full = published.json();
    assert.equal(full.status, 'published');
    assert.equal(full.sender.phone, '0977 888 999');
    assert.deepEqual(
      full.audit.map((e: { action: string }) => e.action),
      ['received', 'route', 'start', 'answer', 'publish', 'email_sent'],
    );
    assert.equal(full.audit[1].actor, 'Nguyễn Thị Lan');
    assert.equal(full.audit[1].toStatus, 'routed');
    assert.ok(full.emailedAt);

    assert.equal(mail.received.length, 1);
    assert.deepEqual(mail.received[0]!.to, ['mai@example.com']);
    assert.match(mail.received[0]!.raw, new RegExp(trackingCode));

    const lookup = (await server.app.inject(`/v1/feedback/${trackingCode}?secret=ABCD2345`)).json();
    assert.equal(lookup.answer, answer);
    assert.deepEqual(lookup.timeline.map((e: { status: string }) => e.status), ['received', 'routed', 'in_progress', 'answered', 'published']);

    const list = await server.app.inject('/v1/units/phuong-a/feedback?q=chung thuc');
    assert.equal(list.statusCode, 200);
    const item = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode);
    assert.ok(item);
    for (const secret of ['Vũ Thị Mai', '0977', 'mai@example.com', 'Số 3 ngõ 7']) assert.ok(!list.body.includes(secret), secret);
    assert.equal((await server.app.inject('/v1/units/phuong-a/feedback?q=khong-co-tu-nay')).json().total, 0);
  });

  it('shows only published cases in public', async () => {
    const { trackingCode } = (await submit(feedbackBody({ title: 'Chưa trả lời gì cả' }))).json();
    const list = (await server.app.inject('/v1/units/phuong-a/feedback?limit=50')).json();
    assert.ok(list.items.every((i: { trackingCode: string }) => i.trackingCode !== trackingCode));
  });

  it('flags overdue cases and puts them first in the inbox', async () => {
    const { trackingCode } = (await submit(feedbackBody({ title: 'Phản ánh đã quá hạn' }))).json();
    await server.ctx.db.run("UPDATE feedback_cases SET due_on = '2020-01-02' WHERE tracking_code = ?", [trackingCode]);
    const inbox = (await staff('/v1/staff/units/phuong-a/feedback')).json();
    assert.equal(inbox.cases[0].trackingCode, trackingCode);
    assert.equal(inbox.cases[0].overdue, true);
    const onlyOverdue = (await staff('/v1/staff/units/phuong-a/feedback?overdue=true')).json();
    assert.ok(onlyOverdue.cases.every((c: { overdue: boolean }) => c.overdue));
  });

  it('exports a period to CSV with formulas defused', async () => {
    await submit(feedbackBody({ title: '=HYPERLINK("http://evil")', content: '+cmd|calc chờ quá lâu, đề nghị xem xét giúp.' }));
    const today = vietnamDate();
    const response = await staff(`/v1/staff/units/phuong-a/feedback-export?from=${today}&to=${today}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/csv/);
    assert.ok(response.body.startsWith('\uFEFF"Mã theo dõi"'));
    assert.ok(response.body.includes(`"'=HYPERLINK(""http://evil"")"`));
    assert.ok(response.body.includes('Vũ Thị Mai'));
    assert.equal(csvCell('-1'), `"'-1"`);
    assert.equal(csvCell(-1), '-1', 'a number stays a number');
  });

  it('says at start how senders learn of answers', async () => {
    assert.match(await smtpStatusLine(server.ctx), /SMTP server/);
    const bare = await testApp();
    try {
      assert.match(await smtpStatusLine(bare.ctx), /no SMTP server configured.*lookup view/);
    } finally {
      await bare.dispose();
    }
  });

  it('describes its routes in the OpenAPI document, staff routes secured', async () => {
    const doc = (await server.app.inject('/openapi.json')).json();
    assert.ok(doc.paths['/v1/feedback'].post);
    assert.ok(doc.paths['/v1/feedback/{code}'].get);
    assert.deepEqual(doc.paths['/v1/staff/units/{unit}/feedback'].get.security, [{ staffToken: [] }]);
  });
});
