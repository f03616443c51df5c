// Writes each generated locale module (src/generated/locales/<locale>.ts) as dist/sipas.<locale>.json,
// the file the script-tag build fetches when a page asks for that language: an array indexed by the
// message numbers the chunks carry (scripts/message-ids.mjs), null where a locale lacks a message;
// the widgets' messages only.
// String templates stay strings; str`…${0}…` templates become { strTag, strings, values }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { localeTemplates, messageNumbers, scriptTagMessageCount } from './message-ids.mjs';

const widgets = new URL('../packages/widgets/', import.meta.url);
const numbers = messageNumbers();
mkdirSync(new URL('dist/', widgets), { recursive: true });
for (const [locale, templates] of Object.entries(localeTemplates())) {
  // Only the widgets' messages: the desk shares the XLIFF but bundles its own catalogue.
  const list = new Array(scriptTagMessageCount()).fill(null);
  for (const [id, template] of Object.entries(templates)) if (numbers.get(id) < list.length) list[numbers.get(id)] = template;
  writeFileSync(new URL(`dist/sipas.${locale}.json`, widgets), JSON.stringify(list));
  console.log(`sipas.${locale}.json: ${list.filter(Boolean).length} of ${Object.keys(templates).length} messages (the widgets')`);
}
