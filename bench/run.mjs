// `npm run bench`: builds, then runs every bench/*.bench.mjs in turn (`npm run bench -- render`
// runs the ones whose name starts so). Each prints its own table and writes
// bench/results/<name>.json; at the end a summary puts every figure beside its peer or ceiling.
// Figures are measurements of this machine, in this run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { printTable } from './lib.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const started = Date.now();
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failures = 0;
for (const file of readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only.length && !only.some((name) => file.startsWith(name))) continue;
  console.log(`\n━━ ${file}`);
  const benchStarted = Date.now();
  const run = spawnSync('node', [`bench/${file}`], { cwd: root, stdio: 'inherit' });
  console.log(`(${file}: ${((Date.now() - benchStarted) / 1000).toFixed(0)} s${run.status === 0 ? '' : `, FAILED (${run.status ?? run.signal})`})`);
  if (run.status !== 0) failures += 1;
}

/** The results written by this run (older files are left out of the summary). */
function fresh(name) {
  const file = new URL(`./results/${name}.json`, import.meta.url);
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  return Date.parse(data.measuredAt) >= started ? data : undefined;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n).toLocaleString('en')} ms`;
const rows = [];
const payload = fresh('payload');
if (payload) {
  rows.push({ benchmark: 'Script for a survey page, gzip (loader + core + survey)', ours: kb(payload.perElement['sipas-survey'].gzip), 'peer / ceiling': `target 18.0 KB; SurveyJS ${kb(payload.surveyJs.bundleWithCss.gzip)}`, ratio: `${payload.ratios.surveyJsOverSurveyGzip.toFixed(1)}× smaller than SurveyJS` });
  for (const [tag, size] of Object.entries(payload.perElement).slice(1))
    rows.push({ benchmark: `Script for a <${tag}> page, gzip`, ours: kb(size.gzip), 'peer / ceiling': 'budget 18.0 KB', ratio: `${((size.gzip / (18 * 1024)) * 100).toFixed(0)} % of it` });
  rows.push({ benchmark: 'Script for a page with all four, gzip', ours: kb(payload.all.gzip), 'peer / ceiling': `SurveyJS ${kb(payload.surveyJs.bundleWithCss.gzip)}`, ratio: `${payload.ratios.surveyJsOverAllGzip.toFixed(1)}× smaller` });
}
const render = fresh('render');
if (render) {
  rows.push({ benchmark: `Survey ready ÷ bare Lit form (median of ${render.runs})`, ours: ms(render.ours.interactiveMs), 'peer / ceiling': `floor ${ms(render.floor.interactiveMs)}; target ≤ 1.25×`, ratio: `${render.ratios.oursOverFloor.toFixed(2)}× the floor` });
  rows.push({ benchmark: `Render to interactive vs SurveyJS (median of ${render.runs})`, ours: ms(render.ours.interactiveMs), 'peer / ceiling': `SurveyJS ${ms(render.surveyJs.interactiveMs)}`, ratio: `${render.ratios.interactive.toFixed(1)}× faster` });
  rows.push({ benchmark: 'Script on the wire, survey page (incl. headers)', ours: kb(render.ours.scriptBytes), 'peer / ceiling': `floor ${kb(render.floor.scriptBytes)}, SurveyJS ${kb(render.surveyJs.scriptBytes)}`, ratio: `${(render.ours.scriptBytes / render.floor.scriptBytes).toFixed(1)}× the floor` });
  rows.push({ benchmark: 'JS heap after render', ours: `${(render.ours.heapBytes / 2 ** 20).toFixed(1)} MB`, 'peer / ceiling': `SurveyJS ${(render.surveyJs.heapBytes / 2 ** 20).toFixed(1)} MB`, ratio: `${render.ratios.heap.toFixed(1)}× less` });
}
const search = fresh('search');
if (search) {
  rows.push({ benchmark: `Search ${search.procedures.toLocaleString('en')} procedures, keystroke → paint`, ours: `p50 ${ms(search.p50Ms)}, p95 ${ms(search.p95Ms)}`, 'peer / ceiling': 'target p95 ≤ 16 ms (a frame)', ratio: `p95 = ${(search.p95Ms / 16).toFixed(1)}× a frame` });
}
const ingest = fresh('ingest');
if (ingest) {
  rows.push({ benchmark: `Ingest POST /v1/surveys (${ingest.connections} conn.)`, ours: `${Math.round(ingest.ours.rps).toLocaleString('en')} req/s, p99 ${ms(ingest.ours.p99)}`, 'peer / ceiling': `bare Fastify ${Math.round(ingest.bare.rps).toLocaleString('en')} req/s, p99 ${ms(ingest.bare.p99)}`, ratio: `${(ingest.ratio * 100).toFixed(0)} % of ceiling` });
}
const results = fresh('results');
if (results) {
  rows.push({ benchmark: `Results, a year of ${results.responses.toLocaleString('en')} responses`, ours: `${ms(results.incremental.medianMs)} (HTTP ${ms(results.http.medianMs)})`, 'peer / ceiling': `full scan ${ms(results.fullScan.medianMs)}`, ratio: `${Math.round(results.ratio)}× faster` });
}
printTable(`Summary — ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${((Date.now() - started) / 60000).toFixed(1)} min in all (build included)`, rows);
process.exit(failures ? 1 : 0);
