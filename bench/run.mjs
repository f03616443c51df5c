// `npm run bench`: builds, then runs every bench/*.bench.mjs in turn. Each prints its own table
// and writes bench/results/<name>.json. Figures are measurements of this machine, in this run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failures = 0;
for (const file of readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only.length && !only.some((name) => file.startsWith(name))) continue;
  console.log(`\n━━ ${file}`);
  const run = spawnSync('node', [`bench/${file}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failures += 1;
}
process.exit(failures ? 1 : 0);
