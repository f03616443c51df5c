// Checks that each package's `engines.node` tells the truth: every Node version it admits is one
// that all the packages it installs (followed through package-lock.json, as npm resolves them)
// admit too — e.g. better-sqlite3 ships for 20.x and 22–26 only, Vite 8 wants ≥ 20.19. And that
// the lockfile installs on Linux, macOS and Windows: each family of platform binaries (esbuild,
// rolldown, …) is locked for all three. Reads the lockfile only, so it runs on a fresh clone.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = new URL('..', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
const entries = lock.packages;
const problems = [];

/**
 * Packages whose engines field states their maintainers' support policy, not a need: pure JavaScript
 * with no API newer than Node 20, and the whole suite runs on Node 20 in CI. Each is named here with
 * its reason, so a new one is a decision, not a silent pass. Node 20 itself is past its end of life
 * (April 2026): docs/operations.md recommends 22 or 24 LTS.
 */
const POLICY_ONLY = {
  cookie: 'fastify → light-my-request (inject); ">=22" since 2.0 by policy',
  'content-disposition': '@fastify/static (attachment names); ">=22" since 3.0 by policy',
};

/** The lockfile path npm installs `name` at for a package at `from` (nearest node_modules up). */
function resolve(from, name) {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (entries[candidate]) return entries[candidate].link ? entries[candidate].resolved : candidate;
    if (!dir) return undefined;
  }
}

/** Every package `start` installs, with the chain that brings it in. */
function installs(start, withDev) {
  const seen = new Map();
  const queue = [[start, [start || '(root)']]];
  while (queue.length) {
    const [path, chain] = queue.shift();
    const entry = entries[path];
    const names = { ...entry.dependencies, ...(path === start && withDev ? entry.devDependencies : {}), ...entry.optionalDependencies };
    for (const name of Object.keys(names)) {
      const found = resolve(path, name);
      if (!found || seen.has(found)) continue;
      const next = [...chain, name];
      seen.set(found, next);
      queue.push([found, next]);
    }
  }
  return seen;
}

const workspaces = ['', ...Object.keys(entries).filter((path) => path.startsWith('packages/') && !path.includes('/node_modules/'))];
for (const workspace of workspaces) {
  const own = entries[workspace].engines?.node;
  const label = workspace || 'the repository (npm start / npm test)';
  if (!own) {
    problems.push(`${label}: no engines.node`);
    continue;
  }
  // The repository root is the development setup: its dev tools must run on what it admits too.
  for (const [path, chain] of installs(workspace, workspace === '')) {
    const theirs = entries[path].engines?.node;
    if (!theirs || entries[path].optional || path.split('node_modules/').pop() in POLICY_ONLY) continue;
    if (!semver.subset(own, theirs, { includePrerelease: false }))
      problems.push(`${label}: engines.node "${own}" admits versions ${chain.slice(1).join(' → ')} does not ("${theirs}")`);
  }
}

// Platform binaries: families with a linux-x64 build must also lock darwin (x64 and arm64) and win32-x64.
const families = new Map();
for (const path of Object.keys(entries)) {
  const match = /node_modules\/(@[^/]+\/[^/]*?|[^@/][^/]*?)-?(linux|darwin|win32)-(x64|arm64)(?:-(gnu|msvc))?$/.exec(path);
  if (!match) continue;
  const family = match[1];
  if (!families.has(family)) families.set(family, new Set());
  families.get(family).add(`${match[2]}-${match[3]}`);
}
for (const [family, platforms] of families) {
  if (!platforms.has('linux-x64')) continue;
  for (const needed of ['darwin-x64', 'darwin-arm64', 'win32-x64'])
    if (!platforms.has(needed)) problems.push(`package-lock.json: ${family} has no ${needed} build locked (npm install would fail there)`);
}

if (problems.length) {
  console.error(`engines and lockfile: ${problems.length} problem(s)\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `engines and lockfile: ${workspaces.length} packages' engines.node hold for everything they install; ` +
    `${[...families.values()].filter((p) => p.has('linux-x64')).length} families of platform binaries locked for Linux, macOS and Windows`,
);
