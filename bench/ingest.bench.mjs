// Ingest: POST /v1/surveys on the reference server (SQLite, durable: each group commit synced before its 201)
// against a bare Fastify route answering 201 — the framework's ceiling — in the same run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newId } from '@sipas/schema/rules/ids';
import { runLoad, startProcess } from '../scripts/load.mjs';
import { testPostgresUrl } from '../scripts/postgres.mjs';
import { freePort } from '../test/support/test-server.mjs';
import { printTable, writeResults } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
// BENCH_DATABASE_URL=postgres://… runs the server on that database instead of SQLite (an empty
// one, or one kept for benchmarks: the responses stay in it). Otherwise SQLite, then — when this
// machine has a PostgreSQL (scripts/postgres.mjs; BENCH_POSTGRES=0 skips it) — a fresh PostgreSQL
// database, dropped afterwards, so both figures sit in one table beside the same ceiling.
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
// BENCH_SERVER_DIST=packages/server/dist-before runs another build (a before/after comparison).
const SERVER = `${process.env.BENCH_SERVER_DIST ?? 'packages/server/dist'}/src/cli.js`;
// The V8 flags the server ships with (`npm start`; the Dockerfile and the systemd unit pass the same, a test checks).
const SERVER_FLAGS = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.match(/ node ((?:--\S+ )*)/)?.[1]?.split(' ').filter(Boolean) ?? [];

const items = Array.from({ length: 19 }, (_, i) => `q${i + 15}`);
// Ids as the widgets make them (UUID v7, time first).
const body = () => ({
  id: newId(),
  unit: 'phuong-bench',
  questionnaire: { id: 'bnv-2023', version: 1 },
  answers: Object.fromEntries(items.map((id, i) => [id, i >= 16 ? null : 1 + Math.floor(Math.random() * 5)])),
  context: { channel: 'web' },
});

const dir = mkdtempSync(join(tmpdir(), 'sipas-bench-'));
writeFileSync(
  join(dir, 'config.json'),
  JSON.stringify({ units: [{ id: 'phuong-bench', name: 'Phường Bench', parent: null, questionnaire: 'bnv-2023', allowedOrigins: [] }] }),
);

// The targets take turns: ROUNDS rounds of SECONDS ÷ ROUNDS each, every target once a round, so a
// slow minute of this shared machine falls on all of them rather than on whichever ran then. A
// target's figures are its median round (requests are the sum); each round's ratio is printed too.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function start(label, args, env) {
  const port = await freePort();
  const server = await startProcess(args, { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}/v1/surveys`;
  await runLoad({ url, connections: CONNECTIONS, seconds: Math.min(3, SECONDS), body }); // warm-up
  return { label, server, url, rounds: [] };
}

async function round(target) {
  target.rounds.push(await runLoad({ url: target.url, connections: CONNECTIONS, seconds: SECONDS / ROUNDS, body }));
}

function summary(target) {
  const { rounds } = target;
  const statuses = {};
  for (const r of rounds) for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  const non2xx = Object.entries(statuses).filter(([status]) => !status.startsWith('2')).reduce((n, [, c]) => n + c, 0);
  const sum = (key) => rounds.reduce((n, r) => n + r[key], 0);
  return {
    label: target.label,
    requests: sum('requests'),
    errors: sum('errors'),
    statuses,
    non2xx,
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    roundsRps: rounds.map((r) => Math.round(r.rps)),
  };
}

const serverEnv = (databaseUrl) => ({
  SIPAS_CONFIG: join(dir, 'config.json'),
  SIPAS_DATABASE_URL: databaseUrl,
  SIPAS_RATE_LIMIT: '1000000000',
  SIPAS_LOG_LEVEL: 'warn',
});

/** A fresh PostgreSQL database for the run (its url and how to drop it); undefined when there is none here. */
async function postgresDatabase() {
  const admin = DATABASE_URL || process.env.BENCH_POSTGRES === '0' ? undefined : testPostgresUrl();
  if (!admin) return undefined;
  const name = `sipas_bench_${Date.now().toString(36)}`;
  const query = async (sql) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const targets = [];
const postgresDb = await postgresDatabase();
let ours, postgres, bare;
try {
  targets.push(
    await start(
      DATABASE_URL ? `POST /v1/surveys (SIPAS, ${DATABASE_URL.split(':')[0]})` : 'POST /v1/surveys (SIPAS, SQLite)',
      [...SERVER_FLAGS, SERVER, 'start'],
      serverEnv(DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`),
    ),
  );
  if (postgresDb) targets.push(await start('POST /v1/surveys (SIPAS, PostgreSQL)', [...SERVER_FLAGS, SERVER, 'start'], serverEnv(postgresDb.url)));
  targets.push(await start('bare Fastify route → 201', ['bench/bare-fastify.mjs'], {}));
  for (let i = 0; i < ROUNDS; i++) for (const target of targets) await round(target);
  [ours, postgres, bare] = postgresDb ? targets.map(summary) : [summary(targets[0]), undefined, summary(targets[1])];
} finally {
  for (const target of targets) await target.server.stop();
  await postgresDb?.drop();
}
rmSync(dir, { recursive: true, force: true });

const rows = [ours, ...(postgres ? [postgres] : []), bare].map((r) => ({
  target: r.label,
  requests: r.requests,
  'req/s': Math.round(r.rps),
  'p50 ms': r.p50.toFixed(1),
  'p99 ms': r.p99.toFixed(1),
  errors: r.errors,
  'non-2xx': r.non2xx,
}));
printTable(`Ingest — ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} interleaved rounds (median round shown), same machine, same run`, rows);
const roundRatios = (target) => target.roundsRps.map((rps, i) => (rps / bare.roundsRps[i]).toFixed(2)).join(', ');
console.log(`ratio (SIPAS ÷ bare Fastify): ${(ours.rps / bare.rps).toFixed(2)} of the framework's ceiling (target ≥ 0.5); round by round ${roundRatios(ours)}`);
if (postgres) console.log(`PostgreSQL: ${(postgres.rps / bare.rps).toFixed(2)} of the ceiling; round by round ${roundRatios(postgres)}`);
writeResults('ingest', {
  connections: CONNECTIONS,
  seconds: SECONDS,
  rounds: ROUNDS,
  ours,
  ...(postgres ? { postgres, postgresRatio: postgres.rps / bare.rps } : {}),
  bare,
  ratio: ours.rps / bare.rps,
});
if ([ours, postgres].some((r) => r && (r.errors > 0 || r.non2xx > 0))) process.exitCode = 1;
