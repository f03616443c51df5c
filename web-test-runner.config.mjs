// Browser tests: real Chromium through Playwright, against a real SIPAS server on SQLite that
// this process starts. Tests reach the server through `window.SIPAS_TEST` and can stop/start
// it, go offline, or query the database through the commands below (test/support/commands.ts).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';
import { freePort, startTestServer } from './test/support/test-server.mjs';

const executablePath = await findChromium();
const port = await freePort();
const pageOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
const server = await startTestServer({ origins: pageOrigins });

const zoomSessions = new WeakMap();

/** Commands the tests call with `executeServerCommand` (see test/support/commands.ts). */
const sipasCommands = {
  name: 'sipas-commands',
  async executeCommand({ command, payload, session }) {
    if (command === 'sipas-server') {
      if (payload.action === 'stop') await server.stop();
      else if (payload.action === 'start') await server.start();
      return true;
    }
    if (command === 'sipas-offline') {
      const page = session.browser.getPage(session.id);
      await page.context().setOffline(Boolean(payload.offline));
      return true;
    }
    if (command === 'sipas-zoom') {
      // Browser zoom as Chromium does it: the zoom multiplies the device scale factor, so at 200 %
      // a 640 px window lays the page out in 320 CSS px with devicePixelRatio 2 (media queries,
      // innerWidth and container queries all see 320). CSS `zoom` or a pinch (page scale) would not:
      // the first leaves media queries at 640, the second does not reflow at all.
      // The override lives as long as its CDP session: kept per page until `reset` clears it.
      const page = session.browser.getPage(session.id);
      let cdp = zoomSessions.get(page);
      if (payload.reset) {
        zoomSessions.delete(page);
        if (cdp) await cdp.send('Emulation.clearDeviceMetricsOverride').finally(() => cdp.detach());
        return true;
      }
      if (!cdp) zoomSessions.set(page, (cdp = await page.context().newCDPSession(page)));
      const { width, height = 800, zoom = 1 } = payload;
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: Math.round(width / zoom), height: Math.round(height / zoom), deviceScaleFactor: zoom, mobile: false });
      return true;
    }
    if (command === 'sipas-screenshot') {
      // Only when asked for (SIPAS_SCREENSHOTS=dir): pictures for a person to look at, not a test.
      const dir = process.env.SIPAS_SCREENSHOTS;
      if (!dir) return false;
      const page = session.browser.getPage(session.id);
      // Through the zoom's own session: Playwright's full-page screenshot would lay the page out
      // again at its own viewport width.
      const cdp = zoomSessions.get(page) ?? (await page.context().newCDPSession(page));
      const { width, height } = await page.evaluate(() => ({ width: innerWidth, height: document.documentElement.scrollHeight }));
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height: Math.min(height, 1100), scale: 1 } });
      const { writeFile } = await import('node:fs/promises');
      await writeFile(`${dir}/${payload.name}.png`, Buffer.from(data, 'base64'));
      return true;
    }
    if (command === 'sipas-dossier-token') {
      // What the desk's "print a QR label" does: the unit signs a token for a dossier.
      if (!server.ctx) throw new Error('the test server is stopped');
      const unit = await server.ctx.units.get(server.unit);
      const { signDossierToken } = await import('./packages/server/dist/src/dossiers/tokens.js');
      const issued = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      return signDossierToken(server.ctx.dossierKeys, unit, { dossier: payload.dossier, procedure: payload.procedure ?? '', issued }).token;
    }
    if (command === 'sipas-sql') {
      if (!server.ctx) throw new Error('the test server is stopped');
      return server.ctx.db.all(payload.sql, payload.params ?? []);
    }
    return undefined;
  },
  async serverStop() {
    await server.dispose();
  },
};

export default {
  rootDir: '.',
  files: ['test/browser/**/*.test.ts'],
  port,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  // A bound for a hung run, not a speed test: a slow CI machine runs every browser file in turn.
  testsFinishTimeout: Number(process.env.SIPAS_TESTS_TIMEOUT ?? 900_000),
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'test/tsconfig.json', target: 'es2021' }), sipasCommands],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>window.SIPAS_TEST = ${JSON.stringify({ endpoint: server.url, unit: server.unit })};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
