import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { deskSectionNames, openDeskSection } from './desk.js';
import { startE2E, type E2E } from './harness.js';

/**
 * axe with zero violations on every page a person meets, not only on the four elements: the demo
 * ward's pages, the configurator, the desk (signed out, and every section an admin sees), the counter
 * kiosk page. The pages are checked whole, as served, at phone and desktop widths.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility of every page (axe)', () => {
  let e2e: E2E;
  let context: BrowserContext;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => e2e?.close());

  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ]) {
    describe(`at ${viewport.width} px`, () => {
      before(async () => {
        // axe is injected by the test: the desk's strict CSP would refuse it, not a user's page.
        context = await e2e.browser.newContext({ viewport, locale: 'vi-VN', bypassCSP: true, serviceWorkers: 'block' });
      });
      after(async () => context?.close());

      for (const [path, ready] of [
        ['/', 'sipas-badge'],
        ['/khao-sat.html', 'sipas-survey'],
        ['/thu-tuc.html', 'sipas-procedures'],
        ['/gop-y.html', 'sipas-feedback'],
        ['/ket-qua.html', 'sipas-badge'],
        ['/kiosk.html', 'sipas-survey'],
        ['/cau-hinh/', '#snippet'],
        ['/kiosk/', '#kiosk-status'],
        ['/desk/', 'sipas-desk'],
      ] as const) {
        it(`${path} has no violation`, async () => {
          const page = await context.newPage();
          await page.goto(new URL(path, e2e.server.url).href);
          await page.locator(ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          assert.deepEqual(await violations(page), [], path);
          await page.close();
        });
      }

      it('the desk signed in as an admin: every section has no violation', async () => {
        const page = await context.newPage();
        await page.goto(new URL('/desk/', e2e.server.url).href);
        await page.locator('sipas-desk #unit').fill('phuong-tan-hoa');
        await page.locator('sipas-desk #username').fill('quantri');
        await page.locator('sipas-desk #password').fill('tanhoa-quantri-demo');
        await page.locator('sipas-desk button[type=submit]').click();
        const names = await deskSectionNames(page);
        assert.ok(names.length >= 8, names.join(', '));
        for (const name of names) {
          await openDeskSection(page, name);
          await page.waitForLoadState('networkidle');
          await page.locator('sipas-desk #panel').getByText('Đang tải').first().waitFor({ state: 'detached' }).catch(() => undefined);
          assert.deepEqual(await violations(page), [], name);
        }
        await page.close();
      });
    });
  }
});
