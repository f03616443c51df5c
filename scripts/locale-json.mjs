// Writes each generated locale module (src/generated/locales/<locale>.ts) as dist/sipas.<locale>.json,
// the file the script-tag build fetches when a page asks for that language: an array indexed by the
// message numbers the chunks carry (scripts/message-ids.mjs), null where a locale lacks a message.
// String templates stay strings; str`…${0}…` templates become { strTag, strings, values }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { localeTemplates, messageNumbers } from './message-ids.mjs';

const widgets = new URL('../packages/widgets/', import.meta.url);
const numbers = messageNumbers();
mkdirSync(new URL('dist/', widgets), { recursive: true });
for (const [locale, templates] of Object.entries(localeTemplates())) {
  const list = new Array(numbers.size).fill(null);
  for (const [id, template] of Object.entries(templates)) list[numbers.get(id)] = template;
  writeFileSync(new URL(`dist/sipas.${locale}.json`, widgets), JSON.stringify(list));
  console.log(`sipas.${locale}.json: ${Object.keys(templates).length} messages`);
}
