// Builds the script tag's bundles (vite.config.ts, modes `first` and `later`) and writes
// dist/.vite/script-tag.json, from which the loader (sipas.js, mode `iife`) learns their names:
// - first, per element: the file a page downloads when that element is the first it shows (the
//   core, the sending code if the element sends, the element), publishing the shared bindings;
// - later, per element: the element alone, for a page that already has a first bundle;
// - send: the sending code alone, for a page whose first bundle has none (procedures, badge).
// Bundles added later read the shared bindings by their place in arrays the first bundle
// publishes; the places (dist/.vite/shared-api.json) are learnt in a first pass that only reads
// which bindings the later bundles import, so that each file's content hash covers its final text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  first: Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, files(`first-${name}`, name)])),
  later: Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, files('later-elements', `${name}-later`)])),
  send: files('later-send', 'send-later'),
};
writeFileSync(new URL('dist/.vite/script-tag.json', widgets), `${JSON.stringify(plan, null, 1)}\n`);
