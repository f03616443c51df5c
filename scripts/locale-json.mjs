// Writes each generated locale module (src/generated/locales/<locale>.ts) as dist/sipas.<locale>.json,
// the file the script-tag build fetches when a page asks for that language. The generated module is
// plain data: string templates, and str`…${0}…` templates that become { strTag, strings, values }.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const widgets = new URL('../packages/widgets/', import.meta.url);
const str = (strings, ...values) => ({ strTag: true, strings: [...strings], values });
mkdirSync(new URL('dist/', widgets), { recursive: true });
for (const file of readdirSync(new URL('src/generated/locales/', widgets))) {
  const locale = file.replace(/\.ts$/, '');
  const source = readFileSync(new URL(`src/generated/locales/${file}`, widgets), 'utf8')
    .replace(/^\s*import .*$/gm, '')
    .replace('export const templates =', 'return');
  const templates = new Function('str', source)(str);
  writeFileSync(new URL(`dist/sipas.${locale}.json`, widgets), JSON.stringify(templates));
  console.log(`sipas.${locale}.json: ${Object.keys(templates).length} messages`);
}
