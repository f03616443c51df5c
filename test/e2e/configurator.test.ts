import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '#support/test-server.mjs';
import { startE2E, type E2E } from './harness.js';

/**
 * The embed configurator as a portal editor who never saw the code uses it: choose, look, copy,
 * paste into a plain page and into a page whose CMS stripped module scripts, print the poster.
 * Set SIPAS_SCREENSHOTS=<dir> to keep pictures of the configurator and the printed poster.
 */
const shots = process.env.SIPAS_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

/** Answers every shown question "Hài lòng" step by step, then sends. */
async function answerAndSend(target: Page | Frame) {
  for (let step = 0; step < 10; step++) {
    if (await target.getByRole('heading', { name: 'Xem lại trước khi gửi' }).isVisible()) break;
    for (const radio of await target.locator('sipas-survey input[value="4"]').all()) await radio.check();
    await target.getByRole('button', { name: 'Tiếp tục' }).click();
  }
  await target.getByRole('button', { name: 'Gửi phiếu' }).click();
  return (await target.locator('sipas-survey [part=receipt] strong').first().textContent({ timeout: 20_000 }))!.trim();
}

/** What a CMS that allows only HTML blocks does: drops module scripts, strips `type` and `defer`. */
const stripLikeACms = (html: string) =>
  html.replace(/<script[^>]*type="module"[^>]*>[\s\S]*?<\/script>/g, '').replace(/<script([^>]*)>/g, (_m, attrs: string) => `<script${attrs.replace(/\s(type="[^"]*"|defer|async)/g, '')}>`);

describe('the embed configurator', () => {
  let e2e: E2E;
  const rows = async (sql: string, params: (string | number)[] = []) => e2e.server.ctx!.db.all<Record<string, unknown>>(sql, params);

  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  it('an editor configures a survey, copies the snippet, and it works pasted into a plain page and into a CMS that strips module scripts', async () => {
    const context = await e2e.context({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url });
    const page = await e2e.open(context, '/cau-hinh.html');
    // The demo site's menu leads here, and the page is the demo site's.
    assert.equal(await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Cấu hình nhúng' }).getAttribute('aria-current'), 'page');

    await page.getByLabel(/Phiếu khảo sát sự hài lòng/).check();
    await page.getByLabel(/^Mã đơn vị/).fill('phuong-tan-hoa');
    await page.getByRole('status').filter({ hasText: 'UBND phường Tân Hòa' }).waitFor();
    await page.getByLabel(/^Bộ câu hỏi/).selectOption('bnv-2023');
    await page.getByRole('button', { name: 'Xanh cổng tỉnh' }).click();
    await page.getByLabel(/^Phông chữ/).selectOption({ label: 'Arial' });
    assert.match(await page.locator('#contrast').textContent() ?? '', /đạt/);

    // The live preview is the real element from the chosen endpoint, themed as chosen.
    await page.waitForFunction(() => (document.querySelector<HTMLIFrameElement>('#preview')!.dataset['snippet'] ?? '').includes('Arial'));
    const frame = (await (await page.$('#preview'))!.contentFrame())!;
    await frame.getByRole('heading', { name: /Bước 1\/6 · Tiếp cận dịch vụ/ }).waitFor({ timeout: 20_000 });
    const colour = await frame.evaluate(() => getComputedStyle(document.querySelector('sipas-survey')!).getPropertyValue('--sipas-color-primary').trim());
    assert.equal(colour, '#005baa');
    if (shots) await page.screenshot({ path: `${shots}/configurator.png`, fullPage: true });

    // Nothing typed into the preview reaches the server.
    const before = Number((await rows('SELECT COUNT(*) AS n FROM survey_responses'))[0]!.n);
    assert.equal(await answerAndSend(frame), 'XEM-THU');
    assert.equal(Number((await rows('SELECT COUNT(*) AS n FROM survey_responses'))[0]!.n), before);

    await page.getByRole('button', { name: /Sao chép đoạn mã/ }).click();
    await page.getByText('Đã sao chép').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.locator('#snippet').inputValue());
    assert.match(copied, new RegExp(`<script src="${e2e.server.url}/sipas/sipas.js" data-endpoint="${e2e.server.url}/" data-unit="phuong-tan-hoa" defer></script>`));
    assert.match(copied, /<sipas-survey questionnaire="bnv-2023"><\/sipas-survey>/);
    // What sipas.js would ask for once it runs starts with the page: the survey's code under its stable name, its questionnaire.
    assert.ok(
      copied.includes(
        `<link rel="modulepreload" href="${e2e.server.url}/sipas/chunks/sipas-survey.js" crossorigin>\n` +
          `<link rel="preload" href="${e2e.server.url}/v1/questionnaires/bnv-2023" as="fetch" crossorigin>\n<script src=`,
      ),
      copied,
    );
    assert.match(copied, /--sipas-color-primary: #005baa;/);
    await context.close();

    // Pasted into two host pages on the server's origin (the origin the demo unit allows).
    const plain = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang của phường</title></head><body><h1>Khảo sát</h1>\n${copied}\n</body></html>`;
    const stripped = stripLikeACms(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng tỉnh</title><script type="module">window.moduleRan = true;</script></head><body><div class="cms-block">${copied.replace('<sipas-survey', '<p>Khối HTML</p><sipas-survey')}</div></body></html>`,
    );
    assert.doesNotMatch(stripped, /type="module"|defer/);
    for (const [name, html] of [['trang-thuong', plain], ['cms-loc-module', stripped]] as const) {
      const host = await e2e.context();
      await host.route(`${e2e.server.url}/cms/${name}.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      const asked: string[] = [];
      host.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (request.resourceType() === 'script' || path.startsWith('/v1/questionnaires/')) asked.push(path);
      });
      const hostPage = await e2e.open(host, `/cms/${name}.html`);
      await hostPage.getByRole('heading', { name: /Bước 1\/6 · Tiếp cận dịch vụ/ }).waitFor({ timeout: 20_000 });
      // The loader took the hinted downloads: two scripts, the questionnaire once.
      assert.deepEqual(asked.sort(), ['/sipas/chunks/sipas-survey.js', '/sipas/sipas.js', '/v1/questionnaires/bnv-2023'], name);
      const receipt = await answerAndSend(hostPage);
      assert.match(receipt, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/, name);
      assert.deepEqual(await rows('SELECT unit, questionnaire FROM survey_responses WHERE receipt = ?', [receipt]), [
        { unit: 'phuong-tan-hoa', questionnaire: 'bnv-2023' },
      ]);
      await host.close();
    }
  });

  it('the A4 poster prints on one page, and its QR code opens the unit survey counted as a QR response', async () => {
    const context = await e2e.context({ viewport: { width: 1280, height: 900 } });
    const page = await e2e.open(context, '/cau-hinh.html');
    // Only the unit's list is offered (the demo ward lists its departments).
    await page.getByLabel(/^Lĩnh vực, bộ phận/).selectOption('Tư pháp – Hộ tịch');
    await page.locator('#poster-unit').filter({ hasText: 'UBND phường Tân Hòa' }).waitFor();
    const url = await page.locator('#poster-qr svg').getAttribute('data-text');
    assert.equal(url, `${e2e.server.url}/khao-sat.html?channel=qr&field=T%C6%B0+ph%C3%A1p+%E2%80%93+H%E1%BB%99+t%E1%BB%8Bch`);
    assert.equal(await page.locator('#poster-url').textContent(), `${e2e.server.url}/khao-sat.html?channel=qr&field=Tư pháp – Hộ tịch`);
    assert.ok((await page.locator('#poster-qr svg path').getAttribute('d'))!.length > 1000, 'the code has modules');

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 1, 'one page');
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
    assert.deepEqual([Math.round(Number(box![1])), Math.round(Number(box![2]))], [595, 842], 'A4 portrait in points');
    if (shots) {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: `${shots}/poster-print.png`, fullPage: false });
    }

    const citizen = await e2e.context();
    const phone = await citizen.newPage();
    await phone.goto(url!);
    await phone.getByRole('heading', { name: /Bước 1\/6/ }).waitFor();
    const receipt = await answerAndSend(phone);
    assert.deepEqual(await rows('SELECT channel, field FROM survey_responses WHERE receipt = ?', [receipt]), [{ channel: 'qr', field: 'Tư pháp – Hộ tịch' }]);
    await citizen.close();
    await context.close();
  });

  it('the receipt guidance describes signed dossier tokens, with the URL template and a sample QR of real length', async () => {
    const context = await e2e.context({ viewport: { width: 1280, height: 900 } });
    const page = await e2e.open(context, '/cau-hinh.html');
    assert.equal(await page.locator('#receipt-template').textContent(), `${e2e.server.url}/khao-sat.html?token={MÃ_QR_HỒ_SƠ}&channel=qr`);
    assert.match((await page.locator('section[aria-labelledby=receipt-title]').textContent()) ?? '', /mã hồ sơ trần \(không chữ ký\) bị từ chối/);
    const sample = new URL((await page.locator('#receipt-qr svg').getAttribute('data-text'))!);
    assert.ok(sample.searchParams.get('token')!.length >= 140);
    assert.equal(await page.locator('#dossier').count(), 0, 'no bare dossier code to type');
    await context.close();
  });
});

describe('the configurator on a server without the demo site (plain `start`)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.dispose());

  it('is served at /cau-hinh/ with its own files only', async () => {
    const page = await fetch(`${server.url}/cau-hinh/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /Cấu hình nhúng SIPAS/);
    for (const file of ['dist/cau-hinh.js', 'cau-hinh.css', 'site.css', 'cau-hinh-xem-truoc.js']) assert.equal((await fetch(`${server.url}/cau-hinh/${file}`)).status, 200, file);
    for (const file of ['index.html', 'cau-hinh.ts', '../package.json', 'dist/cau-hinh.js.map']) assert.equal((await fetch(`${server.url}/cau-hinh/${file}`)).status, 404, file);
    const redirect = await fetch(`${server.url}/cau-hinh`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/cau-hinh/');
  });
});
