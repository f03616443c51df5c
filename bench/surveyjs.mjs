// The peer: SurveyJS (survey-core + survey-js-ui, MIT, bench-only dev dependencies) rendering the
// same bnv-2023 questionnaire as <sipas-survey>, converted from @sipas/schema's BNV_2023: one page
// per factor, one rating question with our five Vietnamese levels per criterion ("Không áp dụng"
// as a sixth choice where the item allows it is not modelled: SurveyJS's rating has no such
// choice, so the peer page is a little smaller than ours), then the optional demographics page.
// Its CSS is survey-core's, its dictionary survey-core's Vietnamese one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BNV_2023, RATING_LEVELS } from '@sipas/schema';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = (name) => join(root, 'node_modules', name);

export function surveyJsModel(questionnaire = BNV_2023) {
  // In our order (5 … 1); `buttons`, because on a phone-width page SurveyJS would otherwise show
  // each rating as a dropdown, not as five choices a citizen taps like ours.
  const rateValues = RATING_LEVELS.map((level) => ({ value: level.value, text: level.label.vi }));
  const pages = questionnaire.factors
    .map((factor) => ({
      name: factor.id,
      title: factor.title.vi,
      elements: questionnaire.items
        .filter((item) => item.factor === factor.id)
        .map((item) => ({ type: 'rating', displayMode: 'buttons', name: item.id, title: `${item.number}. ${item.text.vi}`, isRequired: item.required, rateValues })),
    }))
    .filter((page) => page.elements.length > 0);
  if (questionnaire.demographics?.length) {
    pages.push({
      name: 'about',
      title: 'Thông tin chung (không bắt buộc)',
      elements: questionnaire.demographics.map((item) => ({
        type: 'radiogroup',
        name: item.id,
        title: item.text.vi,
        isRequired: item.required,
        choices: item.options.map((option) => ({ value: option.value, text: option.label.vi })),
      })),
    });
  }
  return { locale: 'vi', title: questionnaire.title.vi, pages, showProgressBar: 'top', completeText: 'Gửi phiếu' };
}

export const SURVEYJS_VERSION = JSON.parse(readFileSync(join(pkg('survey-core'), 'package.json'), 'utf8')).version;
export const SURVEYJS_UI_VERSION = JSON.parse(readFileSync(join(pkg('survey-js-ui'), 'package.json'), 'utf8')).version;
export const surveyJsCss = () => readFileSync(join(pkg('survey-core'), 'survey-core.min.css'));

/** What a site pasting SurveyJS from a CDN loads: the published minified UMD files. */
export const surveyJsCdnFiles = () => ({
  'survey.core.min.js': readFileSync(join(pkg('survey-core'), 'survey.core.min.js')),
  'i18n/vietnamese.min.js': readFileSync(join(pkg('survey-core'), 'i18n', 'vietnamese.min.js')),
  'survey-js-ui.min.js': readFileSync(join(pkg('survey-js-ui'), 'survey-js-ui.min.js')),
  'survey-core.min.css': surveyJsCss(),
});

/**
 * Bundles survey-core + its Vietnamese dictionary + survey-js-ui + the model into one minified
 * IIFE with vite (the same bundler and settings class as sipas.js). Resolves to its path.
 */
export async function buildSurveyJsBundle(outDir) {
  const { build } = await import('vite');
  mkdirSync(outDir, { recursive: true });
  // The entry lives inside the repository so that the packages resolve from node_modules.
  const cache = join(root, 'bench/.cache');
  mkdirSync(cache, { recursive: true });
  const entry = join(cache, 'surveyjs-entry.js');
  writeFileSync(
    entry,
    `import { Model } from 'survey-core';
import 'survey-core/i18n/vietnamese';
import { renderSurvey } from 'survey-js-ui';
const model = new Model(${JSON.stringify(surveyJsModel())});
model.locale = 'vi';
renderSurvey(model, document.getElementById('surveyContainer'));
`,
  );
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2021',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name: 'SurveyBench', fileName: () => 'surveyjs.js' },
    },
  });
  return join(outDir, 'surveyjs.js');
}
