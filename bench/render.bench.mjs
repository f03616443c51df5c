// Render: from navigation to an interactive questionnaire, and the JS heap, for three pages in the
// same run: <sipas-survey questionnaire="bnv-2023"> through sipas.js; the floor, a bare Lit form
// with the same questionnaire compiled in (bench/floor.mjs); and SurveyJS rendering the same
// questionnaire (bench/surveyjs.mjs). Headless Chromium with the CPU throttled 4×
// (Emulation.setCPUThrottlingRate) and a slow mobile network (Network.emulateNetworkConditions:
// 150 ms latency, 1.6 Mbps down, 750 kbps up). Every run is a cold load in a fresh browser context
// (empty cache); runs alternate between the pages; the table shows medians and the ratio to the
// floor. Script bytes on the wire are counted per page (what the browser received for scripts).
//
// Ours: the snippet the configurator writes (demo/cau-hinh.ts: a modulepreload hint for the survey's
// stable file and a preload of its questionnaire, the script tag, the element) on a
// static page on 127.0.0.1, whose sipas.js (the loader, then its chunks) comes as the
// reference server ships it when that server compresses (/sipas/ on a real SIPAS server), else
// gzip -9 from this harness; the element fetches the questionnaire from the real server (another
// port, CORS) — round trips the floor and SurveyJS, with their questionnaire compiled in, do not pay.
// "Interactive": the first frame in which the first answer radio is in the document with a laid
// out label (checked each animation frame, then timed after that frame is presented; lib.mjs's
// INTERACTIVE_PROBE, which the harness waits for without adding its own script to the page).
// Heap: JSHeapUsedSize (CDP Performance.getMetrics) one second later, after a forced GC.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/browser.mjs';
import { startTestServer } from '../test/support/test-server.mjs';
import { buildFloorBundle } from './floor.mjs';
import { alternate, BENCH_BROWSER_ARGS, loadUntilInteractive, median, openPhone, percentile, PHONE_NETWORK, printTable, readBuilt, serveWidgets, writeResults } from './lib.mjs';
import { buildSurveyJsBundle, root, SURVEYJS_VERSION, surveyJsCss } from './surveyjs.mjs';

const RUNS = Math.max(10, Number(process.env.BENCH_RENDER_RUNS ?? 12));
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);

const dir = mkdtempSync(join(tmpdir(), 'sipas-render-'));
const surveyJs = readFileSync(await buildSurveyJsBundle(dir));
const floor = readFileSync(await buildFloorBundle(dir));
await readBuilt(join(root, 'packages/widgets/dist/sipas.js'));

const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
const files = new Map();
const serve = (path, type, body, compress = true) => files.set(path, { type, body: Buffer.from(body), gzip: compress ? gzipSync(body, { level: 9 }) : undefined });

const server = createServer(async (request, response) => {
  if (!serverShipsCompressed && (await serveWidgets(request, response, { prefix: '/sipas/' }))) return;
  const file = files.get(request.url.split('?')[0]);
  if (!file) return response.writeHead(404).end();
  const gzip = file.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  response.end(gzip ? file.gzip : file.body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
// A real SIPAS server on another port; it must accept the page's origin (CORS is checked per unit).
const api = await startTestServer({ origins: [origin], site: true });
/** Whether the reference server compresses the widgets itself (then the page loads them from it). */
const serverShipsCompressed = await new Promise((resolve) =>
  get(`${api.url}/sipas/sipas.js`, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
    response.resume();
    resolve(Boolean(response.headers['content-encoding']));
  }).on('error', () => resolve(false)),
);
const widgetsBase = serverShipsCompressed ? `${api.url}/sipas` : `${origin}/sipas`;

serve(
  '/ours.html',
  'text/html; charset=utf-8',
  `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title>
<link rel="modulepreload" href="${widgetsBase}/chunks/sipas-survey.js" crossorigin>
<link rel="preload" href="${api.url}/v1/questionnaires/bnv-2023" as="fetch" crossorigin>
<script src="${widgetsBase}/sipas.js" data-endpoint="${api.url}/" data-unit="${api.unit}" defer></script></head>
<body><main><sipas-survey questionnaire="bnv-2023"></sipas-survey></main></body></html>`,
);
serve(
  '/floor.html',
  'text/html; charset=utf-8',
  `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title>
<script src="/floor.js" defer></script></head>
<body><main><floor-form></floor-form></main></body></html>`,
);
serve('/floor.js', 'text/javascript', floor);
serve(
  '/surveyjs.html',
  'text/html; charset=utf-8',
  `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title>
<link rel="stylesheet" href="/survey-core.min.css"><script src="/surveyjs.js" defer></script></head>
<body><main><div id="surveyContainer"></div></main></body></html>`,
);
serve('/surveyjs.js', 'text/javascript', surveyJs);
serve('/survey-core.min.css', 'text/css', surveyJsCss());

const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: BENCH_BROWSER_ARGS });

async function once(page) {
  const { context, tab, cdp } = await openPhone(browser, THROTTLE);
  await cdp.send('Performance.enable');
  let bytes = 0;
  let scriptBytes = 0;
  const scripts = new Set();
  cdp.on('Network.responseReceived', (event) => event.type === 'Script' && scripts.add(event.requestId));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    if (scripts.has(event.requestId)) scriptBytes += event.encodedDataLength;
  });
  try {
    await loadUntilInteractive(tab, `${origin}/${page}.html`);
    await tab.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const { interactive, fcp } = await tab.evaluate(() => window.__bench);
    const radios = await tab.evaluate(() =>
      (document.querySelector('sipas-survey, floor-form')?.shadowRoot ?? document).querySelectorAll('input[type=radio]').length,
    );
    return { interactiveMs: interactive, fcpMs: fcp, heapBytes: metrics.JSHeapUsedSize, nodes: metrics.Nodes, transferredBytes: bytes, scriptBytes, radios };
  } finally {
    await context.close();
  }
}

// The first run of each warms up the browser process and the servers (not counted).
const runs = await alternate(['ours', 'floor', 'surveyjs'], RUNS, once, async () => {
  await browser.close();
  server.close();
  await api.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const summary = (list) => ({
  interactiveMs: median(list.map((r) => r.interactiveMs)),
  interactiveP90Ms: percentile(list.map((r) => r.interactiveMs), 90),
  fcpMs: median(list.map((r) => r.fcpMs)),
  heapBytes: median(list.map((r) => r.heapBytes)),
  transferredBytes: median(list.map((r) => r.transferredBytes)),
  scriptBytes: median(list.map((r) => r.scriptBytes)),
  radiosOnFirstScreen: median(list.map((r) => r.radios)),
});
const ours = summary(runs.ours);
const bare = summary(runs.floor);
const peer = summary(runs.surveyjs);
const mb = (n) => (n / 1024 / 1024).toFixed(2);
const row = (label, s) => ({
  page: label,
  'interactive ms (median)': Math.round(s.interactiveMs),
  'p90 ms': Math.round(s.interactiveP90Ms),
  'first paint ms': Math.round(s.fcpMs),
  'JS heap MB': mb(s.heapBytes),
  'script KB on the wire': (s.scriptBytes / 1024).toFixed(1),
  'all KB on the wire': (s.transferredBytes / 1024).toFixed(1),
  '÷ floor': (s.interactiveMs / bare.interactiveMs).toFixed(2),
  'radios shown': s.radiosOnFirstScreen,
});
printTable(
  `Render — navigation to an interactive bnv-2023 questionnaire; ${RUNS} cold runs each, CPU ${THROTTLE}×, ` +
    `${PHONE_NETWORK.latency} ms latency, 1.6 Mbps down, 750 kbps up`,
  [row(`<sipas-survey> (sipas.js ${serverShipsCompressed ? 'as the server ships it' : 'gzip -9 from the harness'})`, ours), row('floor: bare Lit form, questionnaire compiled in', bare), row(`SurveyJS ${SURVEYJS_VERSION}`, peer)],
);
console.log(
  `ratio: ours ÷ floor ${(ours.interactiveMs / bare.interactiveMs).toFixed(2)}× (target ≤ 1.25×); SurveyJS ÷ ours: interactive ${(peer.interactiveMs / ours.interactiveMs).toFixed(1)}×, JS heap ${(peer.heapBytes / ours.heapBytes).toFixed(1)}×`,
);
writeResults('render', {
  runs: RUNS,
  cpuThrottlingRate: THROTTLE,
  network: { latencyMs: PHONE_NETWORK.latency, downKbps: 1600, upKbps: 750, packetOverhead: 0.9 },
  widgetsServedBy: serverShipsCompressed ? 'reference server' : 'bench harness (gzip -9)',
  ours,
  floor: bare,
  surveyJs: { version: SURVEYJS_VERSION, ...peer },
  ratios: { interactive: peer.interactiveMs / ours.interactiveMs, heap: peer.heapBytes / ours.heapBytes, oursOverFloor: ours.interactiveMs / bare.interactiveMs },
  samples: runs,
});
