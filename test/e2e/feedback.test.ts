import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { startE2E, type E2E } from './harness.js';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** A real SMTP server on 127.0.0.1 that keeps what arrives. */
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

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: number }).__pwned);

describe('feedback end to end: citizen → staff desk → citizen → public', () => {
  let e2e: E2E;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  before(async () => {
    mail = await mailbox();
    e2e = await startE2E({ env: { SIPAS_SMTP_URL: mail.url, SIPAS_SMTP_FROM: '"UBND phường Tân Hòa" <no-reply@tanhoa.example>' } });
  });
  after(async () => {
    await e2e?.close();
    await mail?.close();
  });

  it('a citizen sends, staff answer and publish, the citizen is emailed and sees the answer, the public sees it redacted', async () => {
    // 1. The citizen, on a phone, from a procedure's link.
    const citizen = await e2e.context();
    const page = await e2e.open(citizen, '/gop-y.html?procedure=1.001193');
    const form = page.locator('sipas-feedback');
    await form.locator('#procedureCode').waitFor();
    assert.equal(await form.locator('#topic-procedure').isChecked(), true);
    assert.equal(await form.locator('#consent').isChecked(), false);
    const title = `Chờ trích lục ${XSS}`.slice(0, 200);
    await form.locator('#title').fill(title);
    await form.locator('#content').fill(`Tôi chờ trích lục khai sinh hai ngày, gọi 0912 000 111 không ai nghe. ${XSS}`);
    await form.locator('#name').fill('Trần Thị Xuân');
    await form.locator('#address').fill(`Số 9 ngõ 4, phường Tân Hòa ${XSS}`.slice(0, 300));
    await form.locator('#phone').fill('0912 000 111');
    await form.locator('#email').fill('xuan@example.com');
    await form.locator('#consent').check();
    await form.locator('button[type=submit]').click();
    const receipt = form.locator('.receipt');
    await receipt.waitFor();
    const [code, secret] = await receipt.locator('.code').allTextContents();
    assert.match(code!, /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    assert.ok(secret);
    assert.equal(await pwned(page), undefined);

    // 2. Staff routes refuse without a session.
    for (const path of ['/v1/staff/units/phuong-tan-hoa/feedback', `/v1/staff/units/phuong-tan-hoa/feedback/${code}`]) {
      const refused = await fetch(`${e2e.server.url}${path}`);
      assert.equal(refused.status, 401);
      assert.ok(!(await refused.text()).includes('Trần Thị Xuân'));
    }

    // 3. Staff sign in on the desk, open the case (markup inert), route, answer, publish.
    const office = await e2e.context({ viewport: { width: 1280, height: 900 } });
    const desk = await e2e.open(office, '/desk/');
    await desk.locator('sipas-desk #unit').fill('phuong-tan-hoa');
    // Publishing is admin-only (the permission matrix, docs/operations.md).
    await desk.locator('sipas-desk #username').fill('quantri');
    await desk.locator('sipas-desk #password').fill('tanhoa-quantri-demo');
    await desk.locator('sipas-desk button[type=submit]').click();
    await desk.locator('sipas-desk [role=tab]', { hasText: 'Phản ánh, kiến nghị' }).click();
    const panel = desk.locator('sipas-desk-feedback');
    await panel.locator('table').first().waitFor();
    // The seeded overdue case comes first.
    assert.match((await panel.locator('tbody tr').first().textContent()) ?? '', /Quá hạn/);
    await panel.locator('button', { hasText: code! }).click();
    await panel.locator('#case-title').waitFor();
    assert.equal(await panel.locator('img').count(), 0);
    assert.ok((await panel.locator('#case-title').textContent())!.includes('<img src=x'));
    assert.ok((await panel.locator('dl').textContent())!.includes('0912 000 111'));
    assert.equal(await pwned(desk), undefined);

    await panel.locator('#route-routedTo').fill('Công chức Tư pháp – Hộ tịch');
    await panel.locator('form', { hasText: 'Chuyển đến' }).locator('button[type=submit]').click();
    await panel.getByText('Đã lưu.').waitFor();
    const answer = 'Phường xin lỗi bà về sự chậm trễ; trích lục đã được trả ngày hôm sau và phiếu hẹn đã được sửa.';
    await panel.locator('#answer-answer').fill(answer);
    await panel.locator('form', { hasText: 'Lưu trả lời' }).locator('button[type=submit]').click();
    await panel.locator('#publish-content').waitFor();
    const publicContent = await panel.locator('#publish-content').inputValue();
    assert.ok(!publicContent.includes('0912 000 111'), 'the phone is redacted in the public draft');
    await panel.locator('#publish-title').fill('Chờ trích lục khai sinh');
    await panel.locator('#publish-content').fill('Công dân chờ trích lục khai sinh hai ngày và không liên hệ được qua điện thoại.');
    await panel.locator('form', { hasText: 'Bản công khai' }).locator('button[type=submit]').click();
    await panel.locator('td', { hasText: 'Đã gửi thư báo' }).first().waitFor();
    assert.equal(await pwned(desk), undefined);

    // 4. The sender was emailed through the unit's SMTP server.
    assert.equal(mail.received.length, 1);
    assert.deepEqual(mail.received[0]!.to, ['xuan@example.com']);
    assert.ok(mail.received[0]!.raw.includes(code!));

    // 5. The citizen's lookup shows the answer and the whole timeline.
    await form.locator('nav button', { hasText: 'Tra cứu' }).click();
    await form.locator('#code').fill(code!);
    await form.locator('#proof').fill(secret!);
    await form.locator('form button[type=submit]').click();
    await form.locator('.case .answer').waitFor();
    assert.ok((await form.locator('.case .answer').textContent())!.includes('xin lỗi bà'));
    assert.equal(await form.locator('.timeline li.done').count(), 5);

    // 6. The public list shows it, without personal data.
    await form.locator('nav button', { hasText: 'Trả lời đã công khai' }).click();
    const article = form.locator('article', { hasText: 'Chờ trích lục khai sinh' });
    await article.waitFor();
    const text = (await form.locator('article').allTextContents()).join(' ');
    for (const personal of ['Trần Thị Xuân', '0912 000 111', 'xuan@example.com', 'Số 9 ngõ 4']) assert.ok(!text.includes(personal), personal);
    assert.equal(await pwned(page), undefined);
    await citizen.close();
    await office.close();
  });
});
