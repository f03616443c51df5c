import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

/** Answers every shown question "Hài lòng" step by step, as a citizen would, up to the review. */
async function fillIn(page: Page, next = 'Tiếp tục', review = 'Xem lại trước khi gửi') {
  for (let step = 0; step < 10; step++) {
    if (await page.getByRole('heading', { name: review }).isVisible()) return;
    for (const radio of await page.locator('sipas-survey input[value="4"]').all()) await radio.check();
    await page.getByRole('button', { name: next }).click();
  }
  assert.fail('never reached the review step');
}

async function submit(page: Page, send = 'Gửi phiếu') {
  await fillIn(page);
  await page.getByRole('button', { name: send }).click();
}

const receiptOf = async (page: Page) => {
  const text = await page.locator('sipas-survey [part=receipt] strong').first().textContent({ timeout: 20_000 });
  return text!.trim();
};

describe('<sipas-survey> end to end', () => {
  let e2e: E2E;
  const rows = async (sql: string, params: (string | number)[] = []) => e2e.server.ctx!.db.all<Record<string, unknown>>(sql, params);
  const total = async () => Number((await rows('SELECT COUNT(*) AS n FROM survey_responses'))[0]!.n);

  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('a citizen on a phone submits the survey of the demo site and gets a receipt stored once', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/khao-sat.html');
    await page.getByRole('heading', { name: /Bước 1\/6 · Tiếp cận dịch vụ/ }).waitFor();
    await submit(page);
    const receipt = await receiptOf(page);
    assert.match(receipt, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const stored = await rows('SELECT channel, questionnaire, questionnaire_version FROM survey_responses WHERE receipt = ?', [receipt]);
    assert.deepEqual(stored, [{ channel: 'web', questionnaire: 'bnv-2023', questionnaire_version: 1 }]);
    await context.close();
  });

  it('offline, three responses are kept; after the tab is closed, any page with the script delivers exactly those three', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/khao-sat.html');
    await page.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    const before = await total();
    await context.setOffline(true);
    for (let i = 0; i < 3; i++) {
      await submit(page);
      await page.getByRole('heading', { name: 'Phiếu đã được lưu trên máy này' }).waitFor();
      assert.match(await page.locator('sipas-survey [part=notice]').textContent() ?? '', /không cần làm lại/);
      await page.getByRole('button', { name: 'Làm phiếu mới' }).click();
    }
    await page.close();
    assert.equal(await total(), before, 'nothing reached the server while offline');

    await context.setOffline(false);
    const home = await e2e.open(context, '/index.html');
    for (let waited = 0; (await total()) < before + 3 && waited < 20_000; waited += 200) await home.waitForTimeout(200);
    await home.waitForTimeout(1000); // and nothing more arrives later
    assert.equal(await total(), before + 3);
    const pending = await home.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('sipas-outbox');
          open.onsuccess = () => {
            const count = open.result.transaction('entries').objectStore('entries').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    assert.equal(pending, 0, 'the outbox is empty');
    await context.close();
  });

  it('with the server stopped the response is queued, and delivered once the server is back', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/khao-sat.html');
    await fillIn(page);
    const before = await total();
    await e2e.server.stop();
    try {
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.getByRole('heading', { name: 'Phiếu đã được lưu trên máy này' }).waitFor();
    } finally {
      await e2e.server.start();
    }
    // The outbox retries with backoff; the page then shows the receipt the server gave.
    const receipt = await receiptOf(page);
    assert.equal(await total(), before + 1);
    assert.equal((await rows('SELECT id FROM survey_responses WHERE receipt = ?', [receipt])).length, 1);
    await context.close();
  });

  it('a token printed at the desk opens the survey for its dossier once; a second scan is refused at once, before any answer', async () => {
    const dossier = `HS-E2E-${Date.now()}`;
    // What the desk (or the one-stop system) does: sign a token for the dossier, print its URL as a QR.
    const session = await fetch(`${e2e.server.url}/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit: 'phuong-tan-hoa', username: 'canbo', password: 'tanhoa-canbo-demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    const signed = await fetch(`${e2e.server.url}/v1/staff/units/phuong-tan-hoa/dossier-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dossier, procedure: '1.001193', surveyUrl: `${e2e.server.url}/khao-sat.html?channel=qr` }),
    });
    assert.equal(signed.status, 201);
    const url = new URL(((await signed.json()) as { url: string }).url);
    const context = await e2e.context();
    const first = await e2e.open(context, `${url.pathname}${url.search}`);
    await first.getByText('Phiếu này đánh giá hồ sơ ghi trên phiếu hẹn').waitFor();
    await submit(first);
    await receiptOf(first);
    const second = await e2e.open(context, `${url.pathname}${url.search}`);
    const notice = second.locator('sipas-survey .refused');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /Hồ sơ này đã được đánh giá\. Mỗi hồ sơ chỉ được đánh giá một lần\./);
    assert.equal(await second.locator('sipas-survey form').count(), 0, 'no question is shown');
    const stored = await rows('SELECT channel, procedure_code, source FROM survey_responses WHERE dossier = ?', [dossier]);
    assert.deepEqual(stored, [{ channel: 'qr', procedure_code: '1.001193', source: 'dossier' }]);
    await context.close();
  });

  it('the kiosk page works in English on a tablet and starts afresh for the next citizen', async () => {
    const context = await e2e.context({ viewport: { width: 1024, height: 768 } });
    await context.addInitScript(() => {
      (window as Window & { SIPAS?: object }).SIPAS = { locale: 'en' };
    });
    const page = await e2e.open(context, '/kiosk.html');
    await page.getByRole('heading', { name: 'Step 1 of 5 · Access to the service' }).waitFor();
    await fillIn(page, 'Continue', 'Check your answers before sending');
    assert.equal(await page.getByText('Sex').count(), 0, 'no personal questions at a kiosk');
    await page.getByRole('button', { name: 'Send' }).click();
    const receipt = await receiptOf(page);
    assert.deepEqual(await rows('SELECT channel FROM survey_responses WHERE receipt = ?', [receipt]), [{ channel: 'kiosk' }]);
    await page.getByText('The screen will start a new form in 15 seconds.').waitFor();
    await page.getByRole('button', { name: 'Start a new form' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 5 · Access to the service' }).waitFor();
    assert.equal(await page.locator('sipas-survey input:checked').count(), 0);
    await context.close();
  });
});
