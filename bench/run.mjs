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
const ms1 = (n) => `${n.toFixed(1)} ms`;
/** Issue 17's targets, each judged on this run's figure. */
const met = (ok) => (ok ? 'met' : 'NOT met');
const rows = [];
const payload = fresh('payload');
if (payload) {
  const survey = payload.perElement['sipas-survey'].gzip;
  rows.push({ benchmark: 'Script for a survey page, gzip (loader + its chunks)', ours: kb(survey), 'peer / floor': `SurveyJS ${kb(payload.surveyJs.bundleWithCss.gzip)} (${payload.ratios.surveyJsOverSurveyGzip.toFixed(1)}× ours)`, target: '≤ 18.0 KB', verdict: met(survey <= 18 * 1024) });
  for (const [tag, size] of Object.entries(payload.perElement).slice(1))
    rows.push({ benchmark: `Script for a <${tag}> page, gzip`, ours: kb(size.gzip), 'peer / floor': '—', target: '≤ 18.0 KB', verdict: met(size.gzip <= 18 * 1024) });
  rows.push({ benchmark: 'Script for a page with all four, gzip', ours: kb(payload.all.gzip), 'peer / floor': `SurveyJS ${kb(payload.surveyJs.bundleWithCss.gzip)} (${payload.ratios.surveyJsOverAllGzip.toFixed(1)}× ours)`, target: '—', verdict: '' });
}
const render = fresh('render');
if (render) {
  rows.push({ benchmark: `Survey ready (median of ${render.runs})`, ours: ms(render.ours.interactiveMs), 'peer / floor': `bare Lit form ${ms(render.floor.interactiveMs)}: ours is ${render.ratios.oursOverFloor.toFixed(2)}× it`, target: '≤ 1.25× the floor', verdict: met(render.ratios.oursOverFloor <= 1.25) });
  rows.push({ benchmark: `Survey ready vs SurveyJS (median of ${render.runs})`, ours: ms(render.ours.interactiveMs), 'peer / floor': `SurveyJS ${ms(render.surveyJs.interactiveMs)} (${render.ratios.interactive.toFixed(1)}× ours)`, target: '—', verdict: '' });
  rows.push({ benchmark: 'Script on the wire, survey page (incl. headers)', ours: kb(render.ours.scriptBytes), 'peer / floor': `floor ${kb(render.floor.scriptBytes)}, SurveyJS ${kb(render.surveyJs.scriptBytes)}`, target: '—', verdict: '' });
  rows.push({ benchmark: 'JS heap after render', ours: `${(render.ours.heapBytes / 2 ** 20).toFixed(1)} MB`, 'peer / floor': `SurveyJS ${(render.surveyJs.heapBytes / 2 ** 20).toFixed(1)} MB`, target: '—', verdict: '' });
}
const search = fresh('search');
if (search) {
  rows.push({ benchmark: `Search ${search.procedures.toLocaleString('en')} procedures, keystroke → paint`, ours: `p50 ${ms1(search.p50Ms)}, p95 ${ms1(search.p95Ms)}`, 'peer / floor': `bare input, same run: p50 ${ms1(search.floor.p50Ms)}, p95 ${ms1(search.floor.p95Ms)} (ours is ${(search.p95Ms / search.floor.p95Ms).toFixed(2)}× it at p95); a frame, 16 ms`, target: 'p95 ≤ 16 ms', verdict: met(search.p95Ms <= 16) });
}
const ingest = fresh('ingest');
if (ingest) {
  rows.push({ benchmark: `Ingest POST /v1/surveys, SQLite durable (${ingest.connections} conn.)`, ours: `${Math.round(ingest.ours.rps).toLocaleString('en')} req/s, p99 ${ms(ingest.ours.p99)}`, 'peer / floor': `bare Fastify ${Math.round(ingest.bare.rps).toLocaleString('en')} req/s: ours is ${ingest.ratio.toFixed(2)} of it`, target: '≥ 0.5 of bare', verdict: met(ingest.ratio >= 0.5) });
  if (ingest.postgres)
    rows.push({ benchmark: 'Ingest, same, PostgreSQL', ours: `${Math.round(ingest.postgres.rps).toLocaleString('en')} req/s, p99 ${ms(ingest.postgres.p99)}`, 'peer / floor': `${ingest.postgresRatio.toFixed(2)} of bare`, target: '—', verdict: '' });
}
const results = fresh('results');
if (results) {
  rows.push({ benchmark: `Results, a year of ${results.responses.toLocaleString('en')} responses (store)`, ours: ms1(results.incremental.medianMs), 'peer / floor': `full scan ${ms(results.fullScan.medianMs)} (${Math.round(results.ratio)}× ours)`, target: '≤ 5 ms', verdict: met(results.incremental.medianMs <= 5) });
  rows.push({ benchmark: 'Results, same, over HTTP', ours: ms1(results.http.medianMs), 'peer / floor': '—', target: '≤ 10 ms', verdict: met(results.http.medianMs <= 10) });
}
printTable(`Summary — ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${((Date.now() - started) / 60000).toFixed(1)} min in all (build included)`, rows);
process.exit(failures ? 1 : 0);
