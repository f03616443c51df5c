import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startE2E, type E2E } from './harness.js';

/** The script-tag build is Vietnamese by itself and fetches English beside it on demand. */
describe('languages from the script tag', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  const surveyText = (page: import('playwright-core').Page) =>
    page.evaluate(() => document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? '');

  it('shows Vietnamese without loading any translation', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${e2e.server.url}/khao-sat.html`);
    await page.waitForFunction(() => /Bước 1/.test(document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? ''));
    assert.ok(!requested.some((url) => url.endsWith('.json') && url.includes('sipas.')), 'no translation file fetched');
    await context.close();
  });

  it('switches every element to English with sipas.en.json, and back', async () => {
    const context = await e2e.context({ locale: 'en-GB' });
    const page = await e2e.open(context, '/khao-sat.html');
    await page.waitForFunction(() => /Bước 1/.test(document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? ''));
    await page.evaluate(() => (window as unknown as { SipasWidgets: { setLocale(l: string): Promise<void> } }).SipasWidgets.setLocale('en'));
    await page.waitForFunction(() => /Step 1 of/.test(document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? ''));
    await page.evaluate(() => (window as unknown as { SipasWidgets: { setLocale(l: string): Promise<void> } }).SipasWidgets.setLocale('vi'));
    await page.waitForFunction(() => /Bước 1/.test(document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? ''));
    await context.close();
  });

  it('stays in Vietnamese when the translation cannot be fetched', async () => {
    const context = await e2e.context();
    await context.route('**/sipas.en.json', (route) => route.abort());
    const page = await e2e.open(context, '/khao-sat.html');
    await page.waitForFunction(() => /Bước 1/.test(document.querySelector('sipas-survey')?.shadowRoot?.textContent ?? ''));
    await page
      .evaluate(() => (window as unknown as { SipasWidgets: { setLocale(l: string): Promise<void> } }).SipasWidgets.setLocale('en'))
      .catch(() => undefined);
    assert.match(await surveyText(page), /Bước 1/);
    await context.close();
  });
});
