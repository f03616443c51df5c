// Shared helpers for benchmarks: percentiles, tables, results files, the page probes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../scripts/browser.mjs';

/**
 * Chromium for page benchmarks: loopback only, refused by the resolver at once (SurveyJS's CSS
 * names web fonts on fonts.gstatic.com; the peer is spared their download). Not Playwright's
 * request routing, which stops every request of every page for a round trip to this process.
 */
export const BENCH_BROWSER_ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * Installed before a page's own scripts (addInitScript): notes first-contentful-paint and the first
 * frame in which the first answer radio of <sipas-survey>, the floor's <floor-form> or SurveyJS is
 * in the document with a laid-out label (checked each animation frame, timed after that frame is
 * presented), and then says so on the console — see `interactive`.
 */
export const INTERACTIVE_PROBE = () => {
  const w = window;
  w.__bench = { interactive: 0, fcp: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') w.__bench.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const ready = () => {
    const host = document.querySelector('sipas-survey, floor-form');
    const radio = host ? host.shadowRoot?.querySelector('input[type=radio]') : document.querySelector('#surveyContainer input[type=radio]');
    if (!radio || radio.disabled) return false;
    const box = (radio.closest('label') ?? radio).getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const done = () => {
    w.__bench.interactive = performance.now();
    console.debug('sipas-bench:interactive');
  };
  const poll = () => (ready() ? requestAnimationFrame(() => setTimeout(done)) : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
};

/** The slow phone network of the page benchmarks: DevTools' ×0.9 for packet overhead. */
export const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/**
 * A cold phone in `browser`: a fresh context (360×740, touch, vi-VN), a tab with INTERACTIVE_PROBE
 * installed, and a CDP session that slows its network (PHONE_NETWORK) and CPU (`throttle`×).
 */
export async function openPhone(browser, throttle = 4) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const tab = await context.newPage();
  await tab.addInitScript(INTERACTIVE_PROBE);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, tab, cdp };
}

/**
 * Loads `url` in `tab` (with INTERACTIVE_PROBE installed) and resolves once the probe has seen it
 * interactive (its figures are then in `window.__bench`). It waits for the probe's console message rather than polling
 * with Playwright's waitForFunction: that injects Playwright's own script into the page during
 * the load, ~180 ms of main thread at 4× CPU that no phone pays and that delayed a page's second
 * script (the loader's chunk) more than a one-file page.
 */
export async function loadUntilInteractive(tab, url) {
  const signal = tab.waitForEvent('console', { predicate: (message) => message.text() === 'sipas-bench:interactive', timeout: 60_000 });
  await tab.goto(url, { waitUntil: 'commit' });
  await signal;
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values) => percentile(values, 50);

/** Prints rows (objects with the same keys) as an aligned table. */
export function printTable(title, rows) {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(keys.map((key) => row[key])));
}

export function writeResults(name, data) {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${name}.json`, dir), JSON.stringify({ measuredAt: new Date().toISOString(), ...data }, null, 2));
}

/**
 * Reads a built file, waiting up to a minute if it is missing: in a shared working tree another
 * `npm run build` empties packages/widgets/dist for a few seconds.
 */
export async function readBuilt(url) {
  const { existsSync, readFileSync } = await import('node:fs');
  for (let waited = 0; !existsSync(url) && waited < 60_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
  return readFileSync(url);
}

/**
 * Answers a request for the widgets' built files (sipas.js, its chunks, sipas.en.json) from
 * packages/widgets/dist, under `prefix`, as a web server ships them: gzip -9 when the browser
 * accepts it (the reference server's compression may not be in this build; the bench does not
 * depend on it). Returns false when the URL is not one of those files.
 */
export async function serveWidgets(request, response, { prefix = '/', gzip = true } = {}) {
  const { gzipSync } = await import('node:zlib');
  const path = new URL(request.url, 'http://x').pathname;
  if (!path.startsWith(prefix)) return false;
  const name = path.slice(prefix.length);
  if (!/^(sipas\.js|sipas\.[a-z]+\.json|chunks\/[\w-]+\.js)$/.test(name)) return false;
  const bytes = await readBuilt(new URL(`../packages/widgets/dist/${name}`, import.meta.url));
  const compress = gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const body = compress ? gzipSync(bytes, { level: 9 }) : bytes;
  response.writeHead(200, {
    'content-type': name.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8',
    ...(compress ? { 'content-encoding': 'gzip' } : {}),
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(body);
  return true;
}

/**
 * Cold runs of several pages, alternating so the machine's load falls on each alike: one warm-up
 * run of each (not counted), then `runs` rounds. `once(page)` measures one run; `cleanup` always runs.
 */
export async function alternate(pages, runs, once, cleanup) {
  const results = Object.fromEntries(pages.map((page) => [page, []]));
  try {
    for (const page of pages) await once(page);
    for (let i = 0; i < runs; i++) for (const page of pages) results[page].push(await once(page));
  } finally {
    await cleanup();
  }
  return results;
}
