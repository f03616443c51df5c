// Results: reading a year of results for a unit with 1,000,000 responses (BENCH_RESPONSES). The
// incremental read — the server's ResultsStore, which reads the year's roll-up rows (and the
// three earlier years' for the trend; a date range adds its edge days from the per-day
// aggregates), and GET /v1/units/:unit/results?period=2025 over HTTP — against a full scan: every response of the unit in the year read from SQLite (directly
// through better-sqlite3, the cheapest way there is), parsed and tallied by @sipas/schema, then
// scored. The two must give the same figures. The database is generated once into bench/.cache/
// (gen-responses.mjs) and reused while the migrations and the generator stay the same.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { addToTally, BNV_2023, emptyTally, scoreTally } from '@sipas/schema';
import { freePort } from '../test/support/test-server.mjs';
import { BENCH_UNIT, cachedDbPath, generateResponsesDb, YEAR } from './gen-responses.mjs';
import { median, printTable, writeResults } from './lib.mjs';

const COUNT = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const READS = 100;
/** Reads before timing: the first ones compile the code paths and warm SQLite's page cache. */
const WARM_UP = 20;
const SCANS = 3;

const file = cachedDbPath(COUNT);
let generation = null;
if (existsSync(file)) console.log(`using the cached database ${file}`);
else {
  console.log(`generating ${COUNT.toLocaleString('en')} responses into ${file} (once; later runs reuse it)…`);
  const started = performance.now();
  generation = await generateResponsesDb(COUNT, file);
  generation.totalMs = performance.now() - started;
  console.log(`generated in ${(generation.totalMs / 1000).toFixed(1)} s`);
}

// BENCH_SERVER_DIST=packages/server/dist-before reads with another build (a before/after comparison).
const dist = new URL(`../${process.env.BENCH_SERVER_DIST ?? 'packages/server/dist'}/src/`, import.meta.url);
const { createServer, loadConfig } = await import(new URL('index.js', dist));
const { ResultsStore } = await import(new URL('results/store.js', dist));
const port = await freePort();
const server = await createServer(loadConfig({}, { databaseUrl: `sqlite:${file}`, logLevel: 'silent', port, host: '127.0.0.1' }));
const unit = await server.ctx.units.get(BENCH_UNIT);
const period = String(YEAR);
const store = new ResultsStore(server.ctx.db, server.ctx.units);
const options = { audience: 'public', defaultMinimum: 30 };

async function timed(n, work) {
  const ms = [];
  let last;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    last = await work();
    ms.push(performance.now() - started);
  }
  return { ms, last };
}

// Incremental, in process: the store function the route calls.
for (let i = 0; i < WARM_UP; i++) await store.results(unit, period, options);
const incremental = await timed(READS, () => store.results(unit, period, options));

// Incremental, over HTTP on loopback: what a badge or a report pays.
await server.app.listen({ port, host: '127.0.0.1' });
const url = `http://127.0.0.1:${port}/v1/units/${BENCH_UNIT}/results?period=${period}`;
for (let i = 0; i < WARM_UP; i++) await (await fetch(url)).arrayBuffer();
const http = await timed(READS, async () => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
});
await server.app.close();

// Full scan: read, parse and tally every response of the unit received in the year, then score.
const db = new Database(file, { readonly: true });
const scanStatement = db
  .prepare('SELECT answers FROM survey_responses WHERE unit = ? AND received_at >= ? AND received_at < ?')
  .pluck();
const fromUtc = new Date(Date.UTC(YEAR, 0, 1) - 7 * 3600_000).toISOString();
const toUtc = new Date(Date.UTC(YEAR + 1, 0, 1) - 7 * 3600_000).toISOString();
const scan = await timed(SCANS, () => {
  const tally = emptyTally(BNV_2023);
  for (const answers of scanStatement.iterate(BENCH_UNIT, fromUtc, toUtc)) addToTally(tally, JSON.parse(answers));
  return { forms: tally.forms, scored: scoreTally(tally, 'mean-of-factors') };
});
const stored = db.prepare('SELECT COUNT(*) FROM survey_responses WHERE unit = ?').pluck().get(BENCH_UNIT);
db.close();

// The same figures both ways.
const a = incremental.last;
const b = scan.last;
const same = a.forms === b.forms && a.index === b.scored.index && a.criteria.every((c, i) => c.valid === b.scored.criteria[i].valid && c.satisfied === b.scored.criteria[i].satisfied);
const round = (n) => Math.round(n * 100) / 100;
const rows = [
  { read: 'incremental: ResultsStore.results() (year + 3-year trend)', forms: a.forms, runs: READS, 'median ms': round(median(incremental.ms)), 'max ms': round(Math.max(...incremental.ms)) },
  { read: `incremental: GET /v1/units/:unit/results?period=${period}`, forms: http.last.forms, runs: READS, 'median ms': round(median(http.ms)), 'max ms': round(Math.max(...http.ms)) },
  { read: 'full scan: read + parse + tally + score every response', forms: b.forms, runs: SCANS, 'median ms': round(median(scan.ms)), 'max ms': round(Math.max(...scan.ms)) },
];
printTable(`Results — a year (${period}) of a unit with ${stored.toLocaleString('en')} stored responses (SQLite, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB)`, rows);
const ratio = median(scan.ms) / median(incremental.ms);
console.log(`ratio (full scan ÷ incremental read): ${Math.round(ratio).toLocaleString('en')}× (over HTTP: ${Math.round(median(scan.ms) / median(http.ms)).toLocaleString('en')}×); same figures both ways: ${same ? 'yes' : 'NO'} (index ${a.index})`);
writeResults('results', {
  responses: stored,
  period,
  generation,
  incremental: { medianMs: median(incremental.ms), samples: incremental.ms },
  http: { medianMs: median(http.ms), samples: http.ms },
  fullScan: { medianMs: median(scan.ms), samples: scan.ms },
  ratio,
  ratioHttp: median(scan.ms) / median(http.ms),
  sameFigures: same,
});
if (!same) {
  console.error('the incremental read and the full scan disagree');
  process.exitCode = 1;
}
