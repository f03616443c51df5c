// The script tag's message keys. Its chunks call msg(text, n) with a small number in place of
// msg(text, { id: 'survey.review' }) (scripts/message-keys.ts), and sipas.<locale>.json is an array
// in the same order (scripts/locale-json.mjs): every id costs a citizen's phone a byte or two, not
// twenty. The order: the widgets' ids as their sources name them (survey page first), then the
// rest of the generated locale modules' ids, sorted.
import { readdirSync, readFileSync } from 'node:fs';

const locales = new URL('../packages/widgets/src/generated/locales/', import.meta.url);

/** Each generated locale's templates, keyed by message id. */
export function localeTemplates() {
  const str = (strings, ...values) => ({ strTag: true, strings: [...strings], values });
  return Object.fromEntries(
    readdirSync(locales)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => {
        const source = readFileSync(new URL(file, locales), 'utf8')
          .replace(/^\s*import .*$/gm, '')
          .replace('export const templates =', 'return');
        return [file.replace(/\.ts$/, ''), new Function('str', source)(str)];
      }),
  );
}

/**
 * The folders of the widgets' sources whose messages get the smallest numbers: the survey page's
 * first (the page that matters most), the desk's messages (in the same catalogue) last.
 */
const FIRST = ['shared', 'survey', 'feedback', 'procedures', 'badge'];

/** Ids written in a folder's sources, in the order they appear. */
function idsIn(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .flatMap((file) => [...readFileSync(new URL(file, folder), 'utf8').matchAll(/\bid: '([^']+)'/g)].map((match) => match[1]));
}

const known = () => new Set(Object.values(localeTemplates()).flatMap((templates) => Object.keys(templates)));
const src = new URL('../packages/widgets/src/', import.meta.url);
/** The translated ids the widgets' sources use: the script tag's messages, numbered first. */
const widgetIds = (translated) => [...new Set(FIRST.flatMap((folder) => idsIn(new URL(`${folder}/`, src))))].filter((id) => translated.has(id));

/** Message id → its number, the same for every locale. */
export function messageNumbers() {
  const translated = known();
  const ordered = [...new Set([...widgetIds(translated), ...[...translated].sort()])];
  return new Map(ordered.map((id, index) => [id, index]));
}

/** How many numbers the script tag's catalogues need: the widgets' messages (the desk, which shares the XLIFF, loads its own). */
export function scriptTagMessageCount() {
  return widgetIds(known()).length;
}
