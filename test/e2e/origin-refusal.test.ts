import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { freePort } from '#support/test-server.mjs';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

/**
 * The webmaster's day: the README snippet pasted on the ward's own site, another origin than the
 * server, before the unit allows it. Every element tells the citizen the truth (the service is not
 * set up on this page yet), a feedback is refused rather than queued as "offline", the console
 * names the exact address and where to add it; the admin adds it in the desk, and the same page
 * then works, without restarting the server.
 */

describe('a site the unit does not allow yet', () => {
  let e2e: E2E;
  let context: BrowserContext;
  let site: Server;
  let SITE: string;

  before(async () => {
    e2e = await startE2E();
    context = await e2e.context({ viewport: { width: 1024, height: 900 } });
    const endpoint = `${e2e.server.url}/`;
    // The ward's own CMS page, served by its own web server (another origin), with the README's snippet.
    const port = await freePort();
    SITE = `http://127.0.0.1:${port}`;
    const body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phường mới</title>
<script src="${endpoint}sipas/sipas.js" data-endpoint="${endpoint}" data-unit="phuong-tan-hoa" defer></script></head>
<body><main><h1>Cổng thông tin phường</h1><sipas-survey></sipas-survey><sipas-procedures></sipas-procedures>
<sipas-badge></sipas-badge><sipas-feedback></sipas-feedback></main></body></html>`;
    site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
    await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
  });
  after(async () => {
    await context?.close();
    await e2e?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  async function open(): Promise<{ tab: Page; console: string[] }> {
    const tab = await context.newPage();
    const console: string[] = [];
    tab.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    await tab.goto(`${SITE}/trang-chu.html`);
    return { tab, console };
  }

  const TRUTH = 'Dịch vụ này chưa được thiết lập trên trang web này.';

  it('each element says the service is not set up on this page — never "check your network"', async () => {
    const { tab, console } = await open();
    for (const tag of ['sipas-survey', 'sipas-procedures', 'sipas-badge']) {
      await tab.locator(tag).getByText(TRUTH).waitFor({ timeout: 20_000 });
      assert.equal(await tab.locator(tag).getByText(/kiểm tra (kết nối )?mạng/).count(), 0, tag);
    }
    const advice = console.filter((line) => line.startsWith('error: [SIPAS]'));
    assert.equal(advice.length, 1, `one message for the webmaster: ${console.join('\n')}`);
    assert.match(advice[0]!, new RegExp(`${SITE}.*phuong-tan-hoa`));
    assert.match(advice[0]!, new RegExp(`${e2e.server.url}/desk/, thẻ "Trang web được phép"`));
    await tab.close();
  });

  it('a feedback sent there is refused with that message, not kept as "will send when online"', async () => {
    const { tab } = await open();
    const form = tab.locator('sipas-feedback');
    await form.locator('#title').waitFor({ timeout: 20_000 });
    await form.locator('#topic-other').check();
    await form.locator('#title').fill('Đèn đường hỏng trước trụ sở');
    await form.locator('#content').fill('Đèn đường trước trụ sở UBND phường không sáng từ tuần trước.');
    await form.locator('#name').fill('Nguyễn Văn An');
    await form.locator('#address').fill('Số 1 ngõ 2, phường Mới');
    await form.locator('#phone').fill('0912 345 678');
    await form.locator('#consent').check();
    await form.locator('button[type=submit]').click();
    await form.locator('.error-summary').getByText(TRUTH).waitFor({ timeout: 20_000 });
    assert.equal(await form.getByText(/khi có mạng/).count(), 0, 'not queued as offline');
    // Whatever the outbox database is called, nothing is waiting in any store of it.
    const queued = await tab.evaluate(async () => {
      let count = 0;
      for (const { name } of await indexedDB.databases()) {
        if (!name || !/outbox/i.test(name)) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of [...db.objectStoreNames]) {
          count += await new Promise<number>((resolve) => {
            const request = db.transaction(store).objectStore(store).count();
            request.onsuccess = () => resolve(request.result);
          });
        }
        db.close();
      }
      return count;
    });
    assert.equal(queued, 0, 'nothing in the outbox');
    await tab.close();
  });

  it('the admin adds the site in the desk; the same page then works, without a restart', async () => {
    const desk = await context.newPage();
    await desk.goto(`${e2e.server.url}/desk/`);
    await desk.getByLabel('Mã đơn vị').fill('phuong-tan-hoa');
    await desk.getByLabel('Tên đăng nhập').fill('quantri');
    await desk.getByLabel('Mật khẩu').fill('tanhoa-quantri-demo');
    await desk.getByRole('button', { name: 'Đăng nhập' }).click();
    await desk.getByRole('tab', { name: 'Trang web được phép' }).click();
    await desk.getByLabel('Địa chỉ trang web').fill(`${SITE}/trang-chu.html`);
    await desk.getByRole('button', { name: 'Cho phép trang này' }).click();
    // A page address is refused with the origin it meant: the admin types exactly that.
    await desk.getByText(`không kèm đường dẫn: ${SITE}`).first().waitFor();
    await desk.getByLabel('Địa chỉ trang web').fill(SITE);
    await desk.getByRole('button', { name: 'Cho phép trang này' }).click();
    await desk.getByText('không cần khởi động lại máy chủ').waitFor();
    await desk.close();

    const { tab, console } = await open();
    await tab.locator('sipas-survey').getByRole('heading', { name: /Bước 1\/6/ }).waitFor({ timeout: 20_000 });
    await tab.locator('sipas-procedures').getByRole('searchbox').first().waitFor({ timeout: 20_000 });
    assert.equal(await tab.getByText(TRUTH).count(), 0);
    assert.deepEqual(console.filter((line) => line.includes('[SIPAS]')), []);
    await tab.close();
  });
});
