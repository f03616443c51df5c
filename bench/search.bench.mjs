// Search: keystroke to painted results in <sipas-procedures> over 2,000 procedures, in headless
// Chromium with the CPU throttled 4× (a cheap Android phone) through CDP
// Emulation.setCPUThrottlingRate. The built sipas.js (loader and chunks, gzip-served) reads a
// generated catalogue with `src`.
// A keystroke's time runs from its keydown event to the first task after the frame that shows
// its results (rAF → setTimeout), so it includes search, render, style, layout and paint.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs';
import { generateCatalogue } from './gen-procedures.mjs';
import { percentile, printTable, serveWidgets, writeResults } from './lib.mjs';

const COUNT = Number(process.env.BENCH_PROCEDURES ?? 2000);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
const QUERIES = ['dang ky khai sinh', 'chung thuc ban sao', 'DAT DAI', 'giay phep xay dung', 'tro cap xa hoi hang thang', 'khai sinh dang ky'];

const catalogue = JSON.stringify(generateCatalogue(COUNT));
const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><sipas-procedures src="/catalogue.json" no-history></sipas-procedures><script src="/sipas.js"></script></body></html>`;

const server = createServer(async (request, response) => {
  if (await serveWidgets(request, response)) return;
  const [type, body] = request.url === '/catalogue.json' ? ['application/json', catalogue] : ['text/html; charset=utf-8', page];
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await tab.addInitScript(() => {
    const w = window;
    w.__bench = { keys: [], samples: [], longTasks: [], loadedAt: 0 };
    addEventListener('keydown', (event) => w.__bench.keys.push(event.timeStamp), true);
    addEventListener('sipas-procedures-loaded', () => (w.__bench.loadedAt ||= performance.now()));
    addEventListener('sipas-procedures-searched', (event) => {
      const key = w.__bench.keys.at(-1);
      if (key === undefined || w.__bench.keys.length === w.__bench.measured) return;
      w.__bench.measured = w.__bench.keys.length;
      const query = event.detail.query;
      requestAnimationFrame(() => setTimeout(() => w.__bench.samples.push({ query, ms: performance.now() - key })));
    });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__bench.longTasks.push(e.duration))).observe({ entryTypes: ['longtask'] });
  });
  await tab.goto(origin);
  const search = tab.getByLabel('Tìm thủ tục (có dấu hoặc không dấu)');
  await search.waitFor();
  const loadedMs = await tab.evaluate(() => window.__bench.loadedAt);
  await tab.evaluate(() => (window.__bench.longTasks = []));

  for (const query of QUERIES) {
    await search.click();
    await search.fill('');
    // A quick typist on a phone: about 8 characters a second.
    await search.pressSequentially(query, { delay: 120 });
    await tab.waitForTimeout(400);
  }
  const { samples, longTasks } = await tab.evaluate(() => window.__bench);
  const ms = samples.map((s) => s.ms);
  const counts = await tab.evaluate(() => document.querySelector('sipas-procedures').shadowRoot.querySelector('[part=status]').textContent);
  const round = (n) => Math.round(n * 10) / 10;
  const rows = [
    {
      procedures: COUNT,
      cpu: `${THROTTLE}×`,
      keystrokes: ms.length,
      'p50 ms': round(percentile(ms, 50)),
      'p95 ms': round(percentile(ms, 95)),
      'max ms': round(Math.max(...ms)),
      'long tasks': longTasks.length,
      'longest task ms': round(Math.max(0, ...longTasks)),
      'catalogue shown ms': round(loadedMs),
    },
  ];
  printTable(`Search in <sipas-procedures>: keystroke to painted results (last query: ${counts})`, rows);
  writeResults('search', {
    procedures: COUNT,
    cpuThrottlingRate: THROTTLE,
    queries: QUERIES,
    keystrokes: ms.length,
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    maxMs: round(Math.max(...ms)),
    longTasks: longTasks.map(round),
    catalogueShownMs: round(loadedMs),
    samples: samples.map((s) => ({ query: s.query, ms: round(s.ms) })),
  });
  if (ms.length < QUERIES.join('').length * 0.9) {
    console.error(`only ${ms.length} keystrokes measured`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
