// `npm test`: build, check the budget, run the node tests (schema, server, end to end) and the
// browser tests, then print one summary line. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './browser.mjs';
import { testPostgresUrl } from './postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = [];
let passed = 0;
let failed = 0;

function run(label, command, args, options = {}) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${label}`);
    const started = Date.now();
    let output = '';
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const relay = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => {
      results.push({ label, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      resolve({ code, output });
    });
  });
}

function testFiles(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true })
    .filter((file) => String(file).endsWith('.test.js'))
    .map((file) => join(dir, String(file)))
    .sort();
}

const only = process.argv.slice(2); // e.g. `npm test -- node`, `npm test -- browser` or `npm test -- storybook`
const wants = (step) => only.length === 0 || only.includes(step);

const build = await run('build (locales, TypeScript, widgets)', 'npm', ['run', 'build', '--silent']);
if (build.code !== 0) {
  console.error('\nThe build failed; no tests were run.');
  console.log('\ntests: 0 passed, 1 failed');
  process.exit(1);
}
await run('script-tag budget', 'node', ['scripts/budget.mjs']);
await run('engines and lockfile (Node versions, Linux/macOS/Windows binaries)', 'node', ['scripts/engines.mjs']);
await run('docs/api.md matches the OpenAPI document', 'node', ['scripts/openapi-docs.mjs', '--check']);
await run('OpenAPI lint (Redocly, recommended-strict + redocly.yaml)', 'node', ['scripts/openapi-lint.mjs']);
// The catalogue builds offline (telemetry off); `npm test -- storybook` runs only this step.
if (wants('storybook')) await run('Storybook build', 'npm', ['run', 'build-storybook', '--silent']);

if (wants('node')) {
  const files = [...testFiles('packages/schema/dist/test'), ...testFiles('packages/server/dist/test'), ...testFiles('test/dist/e2e')];
  const tap = join(mkdtempSync(join(tmpdir(), 'sipas-tap-')), 'node.tap');
  await run('node tests (schema, server, end to end)', 'node', [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  countTap(tap);

  // The server suite again on a real PostgreSQL, when this machine has one (CI installs it).
  const postgres = testPostgresUrl();
  if (postgres) {
    const pgTap = join(mkdtempSync(join(tmpdir(), 'sipas-tap-')), 'postgres.tap');
    await run('server tests on PostgreSQL', 'node', [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${pgTap}`,
      ...testFiles('packages/server/dist/test'),
    ], { env: { SIPAS_TEST_DATABASE: 'postgres', SIPAS_TEST_POSTGRES_URL: postgres } });
    countTap(pgTap);
  } else {
    console.log('\n(no PostgreSQL on this machine: the server suite ran on SQLite only; set SIPAS_TEST_POSTGRES_URL to add it)');
    if (process.env.CI) failed += 1; // CI installs PostgreSQL, so its absence there is a failure
  }
}

function countTap(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  passed += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)/m.exec(text)?.[1] ?? (text ? 0 : 1));
}

if (wants('browser')) {
  try {
    await findChromium();
    const browser = await run('browser tests (Chromium)', 'npx', ['web-test-runner']);
    const counts = [...browser.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
    passed += Number(counts?.[1] ?? 0);
    failed += Number(counts?.[2] ?? 1);
    if (browser.code !== 0 && Number(counts?.[2] ?? 0) === 0) failed += 1;
  } catch (error) {
    console.error(`\n${error.message}`);
    results.push({ label: 'browser tests (Chromium)', ok: false, seconds: '0' });
    failed += 1;
  }
}

console.log('\nSummary');
for (const step of results) console.log(`  ${step.ok ? '✔' : '✘'} ${step.label} (${step.seconds} s)`);
const stepFailures = results.filter((step) => !step.ok).length;
if (stepFailures > 0 && failed === 0) failed = stepFailures;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stepFailures > 0 ? 1 : 0);
