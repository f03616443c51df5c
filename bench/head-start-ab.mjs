// A/B of the loader's survey head start (not part of `npm run bench`): in one run, interleaved, cold,
// with render.bench.mjs's CPU and network model, <sipas-survey questionnaire="bnv-2023"> through
// the built sipas.js as is (`newpc`: its questionnaire asked for beside the chunks, and the
// configurator's preconnect hint on the page), through the same loader with the head start cut out
// of its minified text (`old`: no hint either), and the floor. `RUNS=16 node bench/head-start-ab.mjs`.
// The loader and chunks come from this harness (gzip -9), the API from a real server on another port.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs';
import { startTestServer } from '../test/support/test-server.mjs';
import { buildFloorBundle } from './floor.mjs';
import { alternate, median } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const dist = new URL('../packages/widgets/dist/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'sipas-ab-'));
const floor = readFileSync(await buildFloorBundle(dir));
const loader = readFileSync(new URL('sipas.js', dist), 'utf8');
const oldLoader = loader.replace(/[\w$]+===`sipas-survey`&&[\w$]+\([\w$]+\),/, '');
if (oldLoader === loader) throw new Error('prefetch call not found');
const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
const pages = {};
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  let body, type = 'text/javascript; charset=utf-8';
  const m = path.match(/^\/(old|new)\/(sipas\.js|chunks\/[\w-]+\.js)$/);
  if (m) body = m[2] === 'sipas.js' ? (m[1] === 'old' ? oldLoader : loader) : readFileSync(new URL(m[2], dist));
  else if (path === '/floor.js') body = floor;
  else if (pages[path]) [body, type] = [pages[path], 'text/html; charset=utf-8'];
  else return response.writeHead(404).end();
  const gz = gzipSync(body, { level: 9 });
  response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  response.end(gz);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const api = await startTestServer({ origins: [origin], site: true });
const ours = (variant, hint) => `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title>
${hint ? `<link rel="preconnect" href="${new URL(api.url).origin}" crossorigin>` : ''}
<script src="/${variant}/sipas.js" data-endpoint="${api.url}/" data-unit="${api.unit}" defer></script></head>
<body><main><sipas-survey questionnaire="bnv-2023"></sipas-survey></main></body></html>`;
pages['/old.html'] = ours('old', false);
pages['/new.html'] = ours('new', false);
pages['/newpc.html'] = ours('new', true);
pages['/floor.html'] = `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title><script src="/floor.js" defer></script></head><body><main><floor-form></floor-form></main></body></html>`;
const PROBE = () => {
  const w = window;
  w.__bench = { interactive: 0 };
  const ready = () => {
    const host = document.querySelector('sipas-survey, floor-form');
    const radio = host?.shadowRoot?.querySelector('input[type=radio]');
    if (!radio) return false;
    const box = (radio.closest('label') ?? radio).getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const poll = () => (ready() ? requestAnimationFrame(() => setTimeout(() => (w.__bench.interactive = performance.now()))) : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
};
const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: CHROMIUM_ARGS });
async function once(page) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const tab = await context.newPage();
  await tab.addInitScript(PROBE);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await tab.goto(`${origin}/${page}.html`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__bench.interactive > 0, null, { timeout: 60_000, polling: 100 });
    return await tab.evaluate(() => window.__bench.interactive);
  } finally {
    await context.close();
  }
}
const runs = await alternate(['old', 'newpc', 'floor'], RUNS, once, async () => {
  await browser.close();
  server.close();
  await api.dispose();
});
for (const [page, list] of Object.entries(runs)) console.log(page.padEnd(6), Math.round(median(list)), 'ms', (median(list) / median(runs.floor)).toFixed(2), list.map(Math.round).join(' '));
