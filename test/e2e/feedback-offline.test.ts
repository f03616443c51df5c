import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

/** Fills the feedback form as a citizen would. */
async function fill(form: Locator, title: string): Promise<void> {
  await form.locator('#topic-other').check();
  await form.locator('#title').fill(title);
  await form.locator('#content').fill(`${title}: đèn hành lang bộ phận một cửa hỏng từ tuần trước.`);
  await form.locator('#name').fill('Lê Văn Bình');
  await form.locator('#address').fill('Số 5 ngõ 2, phường Tân Hòa');
  await form.locator('#phone').fill('0988 111 222');
  await form.locator('#consent').check();
}

/** Waits, as a person would, until `check` holds (the outbox works on its own schedule). */
async function until(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await check()); waited += 200) {
    if (waited > 30_000) throw new Error(`never happened: ${what}`);
    await page.waitForTimeout(200);
  }
}

describe('feedback sent offline: the tracking code is not lost', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await e2e?.close();
  });

  const cases = async (title: string) =>
    (await e2e.server.ctx!.db.all<{ tracking_code: string }>('SELECT tracking_code FROM feedback_cases WHERE title = ?', [title])).map((r) => r.tracking_code);

  it('offline → send → close → online on another page → reopen: the code and secret are shown, and the lookup finds the case', async () => {
    const title = `Đèn hỏng ${Date.now()}`;
    const context = await e2e.context();
    const page = await e2e.open(context, '/gop-y.html');
    const form = page.locator('sipas-feedback');
    await form.locator('#title').waitFor();
    await fill(form, title);
    await context.setOffline(true);
    await form.locator('button[type=submit]').click();
    await form.getByText('Chưa gửi được do mất mạng hoặc máy chủ bận.').waitFor();
    assert.match((await form.locator('[role=status]').textContent()) ?? '', /mã theo dõi sẽ hiện ở đây/);
    await page.close();
    assert.deepEqual(await cases(title), [], 'nothing reached the server while offline');

    // Back online, the citizen reads another page of the ward's site: its script delivers the case.
    await context.setOffline(false);
    const home = await e2e.open(context, '/index.html');
    await until(home, async () => (await cases(title)).length === 1, 'the case delivered from the home page');
    await home.close();

    // The feedback page, opened again, shows what the server answered.
    const again = await e2e.open(context, '/gop-y.html');
    const receipt = again.locator('sipas-feedback .receipt');
    await receipt.waitFor();
    const [code, secret] = await receipt.locator('.code').allTextContents();
    assert.deepEqual(await cases(title), [code]);
    assert.match(secret ?? '', /^[2-9A-HJKMNP-TW-Z]{8}$/);

    // And the citizen can look the case up with them.
    const feedback = again.locator('sipas-feedback');
    await feedback.getByRole('button', { name: 'Tra cứu' }).first().click();
    await feedback.locator('#code').fill(code!);
    await feedback.locator('#proof').fill(secret!);
    await feedback.locator('form button[type=submit]').click();
    await feedback.locator('.case h3', { hasText: title }).waitFor();
    assert.match((await feedback.locator('.timeline [aria-current=step]').textContent()) ?? '', /Đã tiếp nhận/);

    // Seen once and acknowledged, it does not come back.
    await feedback.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await feedback.getByRole('button', { name: 'Gửi phản ánh khác' }).click();
    const third = await e2e.open(context, '/gop-y.html');
    await third.locator('sipas-feedback #title').waitFor();
    assert.equal(await third.locator('sipas-feedback .receipt').count(), 0);
    await context.close();
  });
});

describe('feedback over the rate limit waits as long as the server asks (Retry-After)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E({ env: { SIPAS_RATE_LIMIT: '1' } });
  });
  after(async () => {
    await e2e?.close();
  });

  it('a 429 queues the case with its next attempt no earlier than Retry-After', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/gop-y.html');
    const form = page.locator('sipas-feedback');
    await form.locator('#title').waitFor();
    await fill(form, 'Lần gửi thứ nhất');
    await form.locator('button[type=submit]').click();
    await form.locator('.receipt').waitFor();
    await form.getByRole('button', { name: 'Gửi phản ánh khác' }).click();
    await fill(form, 'Lần gửi thứ hai');
    const sentAt = Date.now();
    await form.locator('button[type=submit]').click();
    await form.getByText('Chưa gửi được do mất mạng hoặc máy chủ bận.').waitFor();
    const next = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('sipas-outbox');
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => resolve(Math.min(...all.result.map((entry: { nextAttemptAt: number }) => entry.nextAttemptAt)));
          };
        }),
    );
    // The window is a minute: the server asks for the rest of it, far more than the first backoff (≤ 2 s).
    assert.ok(next - sentAt >= 10_000, `next attempt in ${next - sentAt} ms`);
    await context.close();
  });
});
