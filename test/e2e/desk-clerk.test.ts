import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { deskSections, openDeskSection } from './desk.js';
import { PHONE, startE2E, type E2E } from './harness.js';

/** A clerk's day at the desk: the A4 report opens the browser's print dialog; the inbox reads on a phone. */
describe('the desk for a clerk', () => {
  let e2e: E2E;
  let context: BrowserContext;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await context?.close();
    await e2e?.close();
  });

  async function signIn(viewport: { width: number; height: number }): Promise<Page> {
    context = await e2e.context({ viewport });
    // Headless Chromium has no print dialog to show: record that one was asked for.
    await context.addInitScript(() => {
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    const page = await e2e.open(context, '/desk/');
    await page.locator('sipas-desk #unit').fill('phuong-tan-hoa');
    await page.locator('sipas-desk #username').fill('canbo');
    await page.locator('sipas-desk #password').fill('tanhoa-canbo-demo');
    await page.locator('sipas-desk button[type=submit]').click();
    await deskSections(page);
    return page;
  }

  it('"Bản in A4" opens the report in a print view and the print dialog, no file download', async () => {
    const page = await signIn({ width: 1280, height: 900 });
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /Bản in A4/ }).click()]);
    await popup.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true);
    assert.match((await popup.textContent('body')) ?? '', /BÁO CÁO|Báo cáo/);
    await context.close();
  });

  it('on a phone the inbox rows are cards, with no sideways scrolling', async () => {
    const page = await signIn(PHONE);
    await openDeskSection(page, 'Phản ánh, kiến nghị');
    const row = page.locator('sipas-desk-feedback tbody tr').first();
    await row.waitFor();
    assert.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'block');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal overflow');
    await context.close();
  });
});
