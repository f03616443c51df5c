// Payload: the bytes a site's visitors download before an element can work — raw, gzip -9 and
// brotli — for the script-tag file with all four elements (packages/widgets/dist/sipas.js, what
// sites load) and for a bundle of the shared core plus one element (built here with vite and
// the same config as sipas.js, into a temp dir), against SurveyJS rendering the same bnv-2023
// questionnaire: survey-core + survey-js-ui + the model, bundled by vite (what the render
// benchmark loads), plus its CSS and its Vietnamese dictionary; and as the CDN's UMD files.
// Deterministic: bytes, not time (the budget in npm test checks the same file).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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
  const { build } = await import('vite');
  const perElement = {};
  for (const [tag, folder] of Object.entries(ELEMENTS)) {
    // The shared core (config, localization, the offline outbox) plus one element, as all.ts does.
    const entry = join(dir, `${folder}.ts`);
    writeFileSync(
      entry,
      `import { resolveSetting } from '${widgets}/src/shared/config.js';
import { applyLocale } from '${widgets}/src/shared/localize.js';
import { startOutbox } from '${widgets}/src/shared/outbox.js';
import '${widgets}/src/${folder}/define.js';
applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
startOutbox();
`,
    );
    await build({
      configFile: join(root, 'vite.config.ts'),
      mode: 'iife',
      logLevel: 'silent',
      build: { outDir: dir, emptyOutDir: false, sourcemap: false, lib: { entry, formats: ['iife'], name: 'SipasWidgets', fileName: () => `${folder}.js` } },
    });
    perElement[tag] = sizes(readFileSync(join(dir, `${folder}.js`)));
  }
  const sipas = await readBuilt(join(widgets, 'dist/sipas.js'));
  const all = sizes(sipas);
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
    ...Object.entries(perElement).map(([tag, s]) => row(`core + <${tag}>`, s)),
    row('sipas.js: all four elements', all),
    row(`SurveyJS ${SURVEYJS_VERSION}: vite bundle + CSS (incl. vi)`, peer),
    row(`SurveyJS ${SURVEYJS_VERSION}: CDN UMD files + CSS + vi`, peerCdn),
  ];
  printTable(`Payload — bytes before the questionnaire can render (gzip -9, brotli default; peer: SurveyJS with model, CSS and Vietnamese)`, rows);
  console.log(`sipas.en.json (fetched only for English pages): ${kb(english.raw)} KB raw, ${kb(english.gzip)} KB gzip`);
  console.log(`ratio (SurveyJS bundle ÷ sipas.js, gzip): ${(peer.gzip / all.gzip).toFixed(1)}×; for the survey alone: ${(peer.gzip / perElement['sipas-survey'].gzip).toFixed(1)}×`);
  writeResults('payload', {
    units: 'bytes',
    perElement,
    all,
    englishOnDemand: english,
    surveyJs: { version: SURVEYJS_VERSION, bundleWithCss: peer, cdnFiles: peerCdn, cdnFileNames: Object.keys(surveyJsCdnFiles()) },
    ratios: { surveyJsOverAllGzip: peer.gzip / all.gzip, surveyJsOverSurveyGzip: peer.gzip / perElement['sipas-survey'].gzip },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
