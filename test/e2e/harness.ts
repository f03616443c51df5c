import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '#scripts/browser.mjs';
import { startTestServer, type TestServer } from '#support/test-server.mjs';

/**
 * End-to-end tests: the real server (demo site, built sipas.js, SQLite) and a real Chromium
 * driven by Playwright, as a citizen's phone would use them.
 */
export interface E2E {
  server: TestServer;
  browser: Browser;
  /** A new browser context (a fresh profile); phone-sized unless told otherwise. */
  context(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<BrowserContext>;
  /** Opens `path` of the demo site in a new page of `context`. */
  open(context: BrowserContext, path: string): Promise<Page>;
  close(): Promise<void>;
}

export const PHONE = { width: 360, height: 740 };

export async function startE2E(options: { env?: Record<string, string> } = {}): Promise<E2E> {
  const server = await startTestServer({ site: true, ...(options.env ? { env: options.env } : {}) });
  const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    context: (contextOptions = {}) =>
      browser.newContext({ viewport: contextOptions.viewport ?? PHONE, locale: contextOptions.locale ?? 'vi-VN', serviceWorkers: 'block' }),
    async open(context, path) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      await page.goto(new URL(path, server.url).href);
      return page;
    },
    async close() {
      await browser.close();
      await server.dispose();
    },
  };
}
