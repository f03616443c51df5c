// Builds the script tag's bundles (vite.config.ts, modes `first` and `later`) and writes
// dist/.vite/script-tag.json, from which the loader (sipas.js, mode `iife`) learns their names:
// - first, per element: the file a page downloads when that element is the first it shows (the
//   core, the sending code if the element sends, the element), publishing the shared bindings;
// - later, per element: the element alone, for a page that already has a first bundle;
// - send: the sending code alone, for a page whose first bundle has none (procedures, badge).
// Bundles added later read the shared bindings by their place in arrays the first bundle
// publishes; the places (dist/.vite/shared-api.json) are learnt in a first pass that only reads
// which bindings the later bundles import, so that each file is built once, with its final text.
// Every file is named by the build's id (below), and each first bundle is also copied under a
// stable name for the snippet's hint.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

const widgets = new URL('../packages/widgets/', import.meta.url);
const configFile = new URL('../vite.config.ts', import.meta.url).pathname;
// The sending ones first: the loader gives the first bundle to the first of these a page shows
// (so a survey or feedback form brings the sending code in it), in this order.
const ELEMENTS = { 'sipas-survey': 'survey', 'sipas-feedback': 'feedback', 'sipas-procedures': 'procedures', 'sipas-badge': 'badge' };
const api = new URL('dist/.vite/shared-api.json', widgets);

async function run(mode, bundle, collect = false) {
  process.env.SIPAS_BUNDLE = bundle;
  if (collect) process.env.SIPAS_COLLECT = '1';
  else delete process.env.SIPAS_COLLECT;
  await build({ configFile, root: widgets.pathname, mode, logLevel: 'warn' });
  return globalThis.sipasCollected;
}

mkdirSync(new URL('dist/.vite/', widgets), { recursive: true });
// The build's id, a hash of everything its code comes from (sources, dependencies, build scripts),
// names every file (`survey-<id>.js`): the same name is the same content, so each is cached for good,
// and the loader knows them all from the id. A first bundle publishes the shared bindings under a
// key carrying it too, so a bundle of another build (a page holding an older sipas.js from its cache
// beside a newer stable first bundle, in the 5 minutes after an upgrade) finds nothing there and
// fails to load, saying so, rather than binding the wrong functions.
const repository = new URL('../', import.meta.url);
const sources = (folder) => readdirSync(new URL(folder, repository), { recursive: true }).map((name) => `${folder}${name}`);
const inputs = [
  ...sources('packages/widgets/src/'),
  ...sources('packages/schema/src/'),
  ...['build-script-tag.mjs', 'message-keys.ts', 'minify-literals.ts', 'trim-lit.ts'].map((name) => `scripts/${name}`),
  ...['widgets', 'schema'].flatMap((name) => [`packages/${name}/package.json`, `packages/${name}/tsconfig.json`]),
  'packages/widgets/lit-localize.json',
  'tsconfig.base.json',
  // The whole lockfile: a dependency of the server alone renames the files too (a new download
  // after such an upgrade), which is cheaper than a file whose name stayed while its text changed.
  'package-lock.json',
  'vite.config.ts',
];
const hash = createHash('sha256');
for (const file of inputs.sort()) {
  const path = new URL(file, repository);
  if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
}
const digest = hash.digest();
// A digit first: the server tells a hashed name by a digit or a capital in it (http/compress.ts).
const buildId = `${digest[0] % 10}${digest.toString('base64url').slice(1, 6)}`;
process.env.SIPAS_BUILD_ID = buildId;
const sorted = (set) => [...set].sort();
// First pass: what the elements added later import from the core and the sending code…
const [core, send] = await run('later', 'elements', true);
writeFileSync(api, JSON.stringify({ core: sorted(core), send: sorted(send) }));
// …and what the sending code alone (publishing those bindings) imports from the core.
const [sendCore] = await run('later', 'send', true);
writeFileSync(api, JSON.stringify({ core: sorted(new Set([...core, ...sendCore])), send: sorted(send) }, null, 1));

for (const bundle of ['elements', 'send']) await run('later', bundle);
for (const name of Object.values(ELEMENTS)) await run('first', name);

/** Each entry's files: the entry first, then every chunk it imports (the loader imports them at once). */
function files(manifestName, entryName) {
  const manifest = JSON.parse(readFileSync(new URL(`dist/.vite/${manifestName}.json`, widgets), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return [];
    seen.add(key);
    return [manifest[key].file, ...(manifest[key].imports ?? []).flatMap((dependency) => closure(dependency, seen))];
  };
  return closure(Object.keys(manifest).find((key) => manifest[key].isEntry && manifest[key].name === entryName));
}
const plan = {
  build: buildId,
  first: Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, files(`first-${name}`, name)])),
  later: Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, files('later-elements', `${name}-later`)])),
  send: files('later-send', 'send-later'),
};
writeFileSync(new URL('dist/.vite/script-tag.json', widgets), `${JSON.stringify(plan, null, 1)}\n`);

// Each first bundle under a stable name as well (chunks/sipas-survey.js, revalidated rather than
// immutable): the name a page's modulepreload hint can carry across upgrades (docs/embedding.md);
// the loader imports it only when the page holds that hint.
for (const [tag, [file, ...more]] of Object.entries(plan.first)) {
  if (more.length) throw new Error(`${tag}'s first bundle is ${more.length + 1} files; a page's hint can name only one`);
  const stable = `chunks/${tag}.js`;
  copyFileSync(new URL(`dist/${file}`, widgets), new URL(`dist/${stable}`, widgets));
  const map = JSON.parse(readFileSync(new URL(`dist/${file}.map`, widgets), 'utf8'));
  writeFileSync(new URL(`dist/${stable}.map`, widgets), JSON.stringify({ ...map, file: `${tag}.js` }));
}
