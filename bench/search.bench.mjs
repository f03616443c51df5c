// Search: keystroke to painted results in <sipas-procedures> over 2,000 procedures, in headless
// Chromium with the CPU throttled 4× (a cheap Android phone) through CDP
// Emulation.setCPUThrottlingRate. The built sipas.js (loader and chunks, gzip-served) reads a
// generated catalogue with `src`.
// A keystroke's time runs from its keydown event to the first task after the frame that shows
// its results (rAF → setTimeout), so it includes search, render, style, layout and paint.
// The floor, measured the same way in the same run (the queries typed into each page in turn): a
// bare page whose input handler only writes the text into a paragraph — what a keystroke and a
// frame cost the browser on this machine before any search. On a loaded machine both grow; the
// ratio moves less.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs';
import { generateCatalogue } from './gen-procedures.mjs';
import { percentile, printTable, serveWidgets, writeResults } from './lib.mjs';

const COUNT = Number(process.env.BENCH_PROCEDURES ?? 2000);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
const QUERIES = ['dang ky khai sinh', 'chung thuc ban sao', 'DAT DAI', 'giay phep xay dung', 'tro cap xa hoi hang thang', 'khai sinh dang ky'];
const LABEL = 'Tìm thủ tục (có dấu hoặc không dấu)';

const catalogue = JSON.stringify(generateCatalogue(COUNT));
const head = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>';
const pages = {
  '/': `${head}<body><sipas-procedures src="/catalogue.json" no-history></sipas-procedures><script src="/sipas.js"></script></body></html>`,
  '/floor': `${head}<body><label for="q">${LABEL}</label><input id="q" type="search"><p id="echo"></p><script>
    dispatchEvent(new Event('sipas-procedures-loaded'));
    q.oninput = () => { echo.textContent = q.value; dispatchEvent(new CustomEvent('sipas-procedures-searched', { detail: { query: q.value } })); };
  </script></body></html>`,
};

const server = createServer(async (request, response) => {
  if (await serveWidgets(request, response)) return;
  const [type, body] = request.url === '/catalogue.json' ? ['application/json', catalogue] : ['text/html; charset=utf-8', pages[request.url] ?? pages['/']];
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Opens a page in its own context, throttled, with the keystroke probes installed. */
async function open(browser, path) {
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
  await tab.goto(origin + path);
  const search = tab.getByLabel(LABEL);
  await search.waitFor();
  const loadedMs = await tab.evaluate(() => window.__bench.loadedAt);
  await tab.evaluate(() => (window.__bench.longTasks = []));
  // Where the time goes (CDP Performance metrics, summed over the typing): the page's script, style
  // recalculation and layout, and every main-thread task (those plus paint and the compositor commit).
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { tab, search, loadedMs, metrics, before: await metrics() };
}

const round = (n) => Math.round(n * 10) / 10;
const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const ours = await open(browser, '/');
  const floor = await open(browser, '/floor');
  for (const query of QUERIES) {
    for (const page of [ours, floor]) {
      await page.search.click();
      await page.search.fill('');
      // A quick typist on a phone: about 8 characters a second.
      await page.search.pressSequentially(query, { delay: 120 });
      await page.tab.waitForTimeout(400);
    }
  }
  const typed = QUERIES.join('').length;
  const measure = async (page) => {
    const after = await page.metrics();
    const { samples, longTasks } = await page.tab.evaluate(() => window.__bench);
    const ms = samples.map((s) => s.ms);
    const perKey = (name, scale = 1000) => Math.round(((after[name] - page.before[name]) * scale * 10) / typed) / 10;
    return {
      samples,
      longTasks,
      ms,
      row: {
        keystrokes: ms.length,
        'p50 ms': round(percentile(ms, 50)),
        'p95 ms': round(percentile(ms, 95)),
        'max ms': round(Math.max(...ms)),
        'long tasks': longTasks.length,
        'longest task ms': round(Math.max(0, ...longTasks)),
      },
      perKey: {
        'script ms': perKey('ScriptDuration'),
        'style ms': perKey('RecalcStyleDuration'),
        'layout ms': perKey('LayoutDuration'),
        'all tasks ms': perKey('TaskDuration'),
        layouts: perKey('LayoutCount', 1),
        'style recalcs': perKey('RecalcStyleCount', 1),
      },
    };
  };
  const results = await measure(ours);
  const bare = await measure(floor);
  const counts = await ours.tab.evaluate(() => document.querySelector('sipas-procedures').shadowRoot.querySelector('[part=status]').textContent);
  printTable(`Search in <sipas-procedures>: keystroke to painted results, ${COUNT} procedures, CPU ${THROTTLE}× (last query: ${counts})`, [
    { page: '<sipas-procedures>', ...results.row, 'catalogue shown ms': round(ours.loadedMs) },
    { page: 'floor: bare input', ...bare.row, 'catalogue shown ms': '—' },
  ]);
  printTable('Main thread per keystroke (CDP Performance.getMetrics; typing itself and the probes included)', [
    { page: '<sipas-procedures>', ...results.perKey },
    { page: 'floor: bare input', ...bare.perKey },
  ]);
  console.log(`p95 over the floor's p95: ${(percentile(results.ms, 95) / percentile(bare.ms, 95)).toFixed(2)}×; p50 over the floor's p50: ${(percentile(results.ms, 50) / percentile(bare.ms, 50)).toFixed(2)}×`);
  writeResults('search', {
    procedures: COUNT,
    cpuThrottlingRate: THROTTLE,
    queries: QUERIES,
    keystrokes: results.ms.length,
    p50Ms: round(percentile(results.ms, 50)),
    p95Ms: round(percentile(results.ms, 95)),
    maxMs: round(Math.max(...results.ms)),
    longTasks: results.longTasks.map(round),
    catalogueShownMs: round(ours.loadedMs),
    perKeystroke: results.perKey,
    floor: { p50Ms: round(percentile(bare.ms, 50)), p95Ms: round(percentile(bare.ms, 95)), maxMs: round(Math.max(...bare.ms)), perKeystroke: bare.perKey },
    samples: results.samples.map((s) => ({ query: s.query, ms: round(s.ms) })),
  });
  for (const [name, ms] of [['sipas-procedures', results.ms], ['floor', bare.ms]]) {
    if (ms.length < typed * 0.9) {
      console.error(`${name}: only ${ms.length} keystrokes measured`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  server.close();
}
