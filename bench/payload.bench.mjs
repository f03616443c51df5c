// Payload: the bytes a site's visitors download before an element can work — raw, gzip -9 and
// brotli, each file compressed on its own as it travels — per page type: the sipas.js loader plus
// the one content-hashed bundle of the page's element with the shared core (what the loader
// imports; the same figures as the budget in npm test, scripts/budget.mjs), and a page with all
// four (the survey's bundle and the other three added to it); against
// SurveyJS rendering the same bnv-2023 questionnaire: survey-core + survey-js-ui + the model,
// bundled by vite (what the render benchmark loads), plus its CSS and its Vietnamese dictionary;
// and as the CDN's UMD files. Deterministic: bytes, not time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { measure } from '../scripts/budget.mjs';
import { printTable, readBuilt, writeResults } from './lib.mjs';
import { buildSurveyJsBundle, root, SURVEYJS_VERSION, surveyJsCdnFiles, surveyJsCss } from './surveyjs.mjs';

const sizes = (...buffers) => {
  const all = Buffer.concat(buffers.map((b) => Buffer.from(b)));
  // Each file is compressed on its own, as it travels; the total is their sum.
  const each = buffers.map((b) => ({ raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b).length }));
  return { raw: all.length, gzip: each.reduce((n, s) => n + s.gzip, 0), brotli: each.reduce((n, s) => n + s.brotli, 0) };
};

const widgets = join(root, 'packages/widgets');
const ELEMENTS = { 'sipas-survey': 'survey', 'sipas-procedures': 'procedures', 'sipas-feedback': 'feedback', 'sipas-badge': 'badge' };

const dir = mkdtempSync(join(tmpdir(), 'sipas-payload-'));
try {
  await readBuilt(join(widgets, 'dist/sipas.js'));
  const pages = measure();
  const perElement = Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, pages[`${name} page`]]));
  const loader = pages['sipas.js (loader)'];
  const all = pages['page with all four'];
  const english = sizes(await readBuilt(join(widgets, 'dist/sipas.en.json')));

  const bundle = readFileSync(await buildSurveyJsBundle(dir));
  const peer = sizes(bundle, surveyJsCss());
  const cdn = Object.values(surveyJsCdnFiles());
  const peerCdn = sizes(...cdn);

  const kb = (n) => (n / 1024).toFixed(1);
  const row = (what, s, vs = peer) => ({
    'what a site loads': what,
    'raw KB': kb(s.raw),
    'gzip KB': kb(s.gzip),
    'brotli KB': kb(s.brotli),
    'gzip vs SurveyJS': `${((s.gzip / vs.gzip) * 100).toFixed(1)} %`,
    'SurveyJS ÷ ours (gzip)': `${(vs.gzip / s.gzip).toFixed(1)}×`,
  });
  const rows = [
    row('sipas.js alone (the loader)', loader),
    ...Object.entries(perElement).map(([tag, s]) => row(`page with <${tag}>: loader + its bundle (core included)`, s)),
    row('page with all four elements', all),
    row(`SurveyJS ${SURVEYJS_VERSION}: vite bundle + CSS (incl. vi)`, peer),
    row(`SurveyJS ${SURVEYJS_VERSION}: CDN UMD files + CSS + vi`, peerCdn),
  ];
  printTable(`Payload — bytes before the questionnaire can render (gzip -9, brotli default; peer: SurveyJS with model, CSS and Vietnamese)`, rows);
  console.log(`sipas.en.json (fetched only for English pages): ${kb(english.raw)} KB raw, ${kb(english.gzip)} KB gzip`);
  console.log(`ratio (SurveyJS bundle ÷ ours, gzip): a survey page ${(peer.gzip / perElement['sipas-survey'].gzip).toFixed(1)}×; a page with all four ${(peer.gzip / all.gzip).toFixed(1)}×`);
  writeResults('payload', {
    units: 'bytes',
    perElement,
    loader,
    all,
    englishOnDemand: english,
    surveyJs: { version: SURVEYJS_VERSION, bundleWithCss: peer, cdnFiles: peerCdn, cdnFileNames: Object.keys(surveyJsCdnFiles()) },
    ratios: { surveyJsOverAllGzip: peer.gzip / all.gzip, surveyJsOverSurveyGzip: peer.gzip / perElement['sipas-survey'].gzip },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
