// A/B of two builds of the widgets on the survey page (not part of `npm run bench`): in one run,
// interleaved, cold, with render.bench.mjs's CPU and network model and probe, <sipas-survey
// questionnaire="bnv-2023"> through the sipas.js of an earlier build (`a`: the folder in
// BENCH_AB_BEFORE, e.g. a copy of packages/widgets/dist made before a change) and of this one
// (`b`: packages/widgets/dist), each page with the configurator's hints (for a build without
// chunks/sipas-survey.js, the preconnect hint it wrote before), and the floor.
// `BENCH_AB_BEFORE=/tmp/dist-before RUNS=16 node bench/render-ab.mjs`. The widgets come from this
// harness (gzip -9), the API from a real server on another port.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/browser.mjs';
import { startTestServer } from '../test/support/test-server.mjs';
import { buildFloorBundle } from './floor.mjs';
import { alternate, BENCH_BROWSER_ARGS, loadUntilInteractive, median, openPhone } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const builds = { a: process.env.BENCH_AB_BEFORE, b: new URL('../packages/widgets/dist/', import.meta.url).pathname };
if (!builds.a || !existsSync(join(builds.a, 'sipas.js'))) throw new Error('Set BENCH_AB_BEFORE to a folder with an earlier build (its sipas.js and chunks/).');
const dir = mkdtempSync(join(tmpdir(), 'sipas-ab-'));
const floor = readFileSync(await buildFloorBundle(dir));
const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
const pages = {};
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  let body, type = 'text/javascript; charset=utf-8';
  const m = path.match(/^\/(a|b)\/(sipas\.js|chunks\/[\w-]+\.js)$/);
  if (m) body = readFileSync(resolve(builds[m[1]], m[2]));
  else if (path === '/floor.js') body = floor;
  else if (pages[path]) [body, type] = [pages[path], 'text/html; charset=utf-8'];
  else return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  response.end(gzipSync(body, { level: 9 }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const api = await startTestServer({ origins: [origin], site: true });
const hints = (build) =>
  existsSync(join(builds[build], 'chunks/sipas-survey.js'))
    ? `<link rel="modulepreload" href="${origin}/${build}/chunks/sipas-survey.js" crossorigin>\n<link rel="preload" href="${api.url}/v1/questionnaires/bnv-2023" as="fetch" crossorigin>`
    : `<link rel="preconnect" href="${new URL(api.url).origin}" crossorigin>`;
for (const build of ['a', 'b'])
  pages[`/${build}.html`] = `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title>
${hints(build)}
<script src="/${build}/sipas.js" data-endpoint="${api.url}/" data-unit="${api.unit}" defer></script></head>
<body><main><sipas-survey questionnaire="bnv-2023"></sipas-survey></main></body></html>`;
pages['/floor.html'] = `<!doctype html><html lang="vi"><head>${head}<title>Khảo sát</title><script src="/floor.js" defer></script></head><body><main><floor-form></floor-form></main></body></html>`;
const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: BENCH_BROWSER_ARGS });
async function once(page) {
  const { context, tab } = await openPhone(browser);
  try {
    await loadUntilInteractive(tab, `${origin}/${page}.html`);
    return await tab.evaluate(() => window.__bench.interactive);
  } finally {
    await context.close();
  }
}
const runs = await alternate(['a', 'b', 'floor'], RUNS, once, async () => {
  await browser.close();
  server.close();
  await api.dispose();
});
for (const [page, list] of Object.entries(runs)) console.log(page.padEnd(6), Math.round(median(list)), 'ms', (median(list) / median(runs.floor)).toFixed(2), list.map(Math.round).join(' '));
