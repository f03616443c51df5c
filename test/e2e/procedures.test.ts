import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startE2E, type E2E } from './harness.js';

/**
 * The procedures page of the demo ward as a citizen uses it on a phone: search without
 * diacritics, open a procedure, share its link, go back, and keep going when the network drops.
 */
describe('the demo site: thủ tục hành chính on a phone', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('searches, opens a procedure, follows the back button, and keeps working offline', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/thu-tuc.html');
    const search = page.getByLabel('Tìm thủ tục (có dấu hoặc không dấu)');
    await search.fill('dang ky khai sinh');
    const first = page.locator('sipas-procedures [part=item]').first();
    assert.equal((await first.textContent())?.trim(), 'Đăng ký khai sinh');

    await first.click();
    await page.locator('sipas-procedures h3', { hasText: 'Đăng ký khai sinh' }).waitFor();
    await page.locator('sipas-procedures [part=checklist] input[type=checkbox]').first().waitFor();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('tthc'), '1.001193');
    assert.equal(url.searchParams.get('tim'), 'dang ky khai sinh');
    const rate = await page.getByRole('link', { name: 'Đánh giá sự hài lòng về thủ tục này' }).getAttribute('href');
    assert.equal(new URL(rate!).pathname + new URL(rate!).search, '/khao-sat.html?procedure=1.001193');
    if (process.env.SIPAS_SCREENSHOTS) {
      mkdirSync(process.env.SIPAS_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${process.env.SIPAS_SCREENSHOTS}/procedures-detail.png`, fullPage: true });
    }

    await page.goBack();
    await page.locator('sipas-procedures [part=item]').first().waitFor();
    assert.equal(await search.inputValue(), 'dang ky khai sinh');
    assert.equal(new URL(page.url()).searchParams.get('tthc'), null);

    // A shared link opens the procedure directly, with the search behind it.
    const shared = await e2e.open(context, url.pathname + url.search);
    await shared.locator('sipas-procedures h3', { hasText: 'Đăng ký khai sinh' }).waitFor();
    await shared.close();

    await context.setOffline(true);
    await search.fill('chung thuc');
    assert.ok((await page.locator('sipas-procedures [part=item]').count()) > 3, 'search works offline');
    await search.fill('khai sinh');
    await page.locator('sipas-procedures [part=item]', { hasText: /^Đăng ký khai sinh$/ }).click();
    await page.locator('sipas-procedures [part=checklist]').waitFor();
    await page.getByRole('button', { name: /Danh sách thủ tục/ }).click();
    await search.fill('ket hon');
    await page.locator('sipas-procedures [part=item]').first().click();
    await page.getByText('Chưa xem được chi tiết thủ tục này khi không có mạng').waitFor();
    await context.setOffline(false);
    await context.close();
  });

  it('on a revisit shows the saved catalogue and says when it was updated if the server is gone', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/thu-tuc.html');
    await page.locator('sipas-procedures [part=item]').first().waitFor();
    // The page itself comes from the HTTP cache of a ward's CMS; here the API alone goes away.
    await context.route('**/v1/units/*/procedures**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.locator('sipas-procedures [part=notice]', { hasText: 'Không kết nối được máy chủ' }).waitFor();
    assert.ok((await page.locator('sipas-procedures [part=item]').count()) > 0);
    await context.close();
  });

  it('fits a 360 px screen without horizontal scrolling', async () => {
    const context = await e2e.context();
    const page = await e2e.open(context, '/thu-tuc.html?tthc=2.000815');
    await page.locator('sipas-procedures [part=checklist]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    if (process.env.SIPAS_SCREENSHOTS) await page.screenshot({ path: `${process.env.SIPAS_SCREENSHOTS}/procedures-long.png` });
    await page.goto(new URL('/thu-tuc.html', e2e.server.url).href);
    await page.locator('sipas-procedures [part=item]').first().waitFor();
    if (process.env.SIPAS_SCREENSHOTS) await page.screenshot({ path: `${process.env.SIPAS_SCREENSHOTS}/procedures-list.png` });
    await context.close();
  });
});
