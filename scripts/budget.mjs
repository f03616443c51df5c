// The script-tag budget, per page type: what a ward's page downloads (gzip -9, each file compressed
// on its own, as it travels) for the loader alone and for the loader plus the bundle the loader
// imports for the page's one element (the core, the sending code if the element sends, the
// element: one file, scripts/build-script-tag.mjs). Deterministic (bytes, not time), so it may
// fail the build. bench/payload.bench.mjs reports the same figures.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const KB = 1024;
/**
 * Ceilings in bytes of gzip. Issue 17's target is a loader ≤ 4 KB and ≤ 18 KB for any one-element page.
 * Each ceiling sits a little above what the page measured on 2 December 2026, session 7 (loader
 * 1.23, survey 17.99, procedures 16.04, feedback 17.80, badge 12.53, all four 34.60 KB; the first
 * bundles' compile hint, vite.config.ts, is 17 B of each), so a gain
 * stays won: a change that grows a page must pay for it elsewhere. The survey's ceiling is the
 * target itself (18 KB). The survey and feedback pages carry the sending code (submission
 * controller, outbox, drafts). The loader carries the survey's head start (its questionnaire asked
 * for beside its bundle), 0.2 KB on every page, the page's hint for a first bundle, and the names of
 * both kinds of bundle (first on a page, added later), which the build's one id completes.
 */
export const BUDGETS = {
  'sipas.js (loader)': 1.25 * KB,
  'survey page': 18 * KB,
  'procedures page': 16.2 * KB,
  'feedback page': 17.9 * KB,
  'badge page': 12.7 * KB,
  // Rare: the survey's bundle with the other three elements added to it, each its own file.
  'page with all four': 34.7 * KB,
};
export const ELEMENTS = { 'sipas-survey': 'survey', 'sipas-procedures': 'procedures', 'sipas-feedback': 'feedback', 'sipas-badge': 'badge' };

const dist = new URL('../packages/widgets/dist/', import.meta.url);

/**
 * The bundles the loader knows (scripts/build-script-tag.mjs): per tag, the files of its first
 * bundle (core included) and of its bundle when added later; the sending code alone.
 */
export const scriptTagPlan = () => JSON.parse(readFileSync(new URL('.vite/script-tag.json', dist), 'utf8'));

/** Raw, gzip -9 and brotli bytes of files under dist/, each compressed on its own and summed. */
export function measureFiles(files) {
  const total = { raw: 0, gzip: 0, brotli: 0, files };
  for (const file of files) {
    const bytes = readFileSync(new URL(file, dist));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes).length;
  }
  return total;
}

/**
 * Every page type of BUDGETS with its files and sizes. A page with all four: the survey's first
 * bundle (the loader takes the first tag in its order, a sending one), the others added to it.
 */
export function measure() {
  const plan = scriptTagPlan();
  const pages = { 'sipas.js (loader)': measureFiles(['sipas.js']) };
  for (const [tag, name] of Object.entries(ELEMENTS)) pages[`${name} page`] = measureFiles(['sipas.js', ...plan.first[tag]]);
  const others = Object.keys(ELEMENTS).filter((tag) => tag !== 'sipas-survey');
  pages['page with all four'] = measureFiles(['sipas.js', ...new Set([...plan.first['sipas-survey'], ...others.flatMap((tag) => plan.later[tag])])]);
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  let over = 0;
  for (const [page, size] of Object.entries(measure())) {
    const budget = BUDGETS[page];
    const within = size.gzip <= budget;
    if (!within) over++;
    console.log(
      `${page.padEnd(20)} ${kb(size.gzip).padStart(8)} gzip (${kb(size.raw)} raw, ${kb(size.brotli)} brotli, ${size.files.length} file${size.files.length > 1 ? 's' : ''}) — ${within ? 'within' : 'OVER'} its ${kb(budget)} budget`,
    );
  }
  if (over) process.exit(1);
}
