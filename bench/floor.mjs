// The floor for the render benchmark: a bare Lit form with the same bnv-2023 questionnaire compiled
// in — what a web-component form costs at the least. One element, no endpoint (nothing to fetch),
// no localisation, drafts, outbox, validation or theming: the first step's questions as native
// radios in fieldsets (with "Không áp dụng" where the item allows it, as <sipas-survey> shows),
// a heading and a "Tiếp tục" button, in a shadow root with a little CSS. Bundled with Lit into one
// minified script by vite, like the other pages of the benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BNV_2023, RATING_LEVELS } from '@sipas/schema';
import { root } from './surveyjs.mjs';

/** The questionnaire as the floor form needs it: steps of items with their choices. */
function floorModel(questionnaire = BNV_2023) {
  const levels = RATING_LEVELS.map((level) => ({ value: String(level.value), label: level.label.vi }));
  return {
    title: questionnaire.title.vi,
    steps: questionnaire.factors
      .map((factor) => ({
        title: factor.title.vi,
        items: questionnaire.items
          .filter((item) => item.factor === factor.id)
          .map((item) => ({
            id: item.id,
            text: `${item.number}. ${item.text.vi}`,
            choices: item.allowNotApplicable ? [...levels, { value: 'na', label: 'Không áp dụng' }] : levels,
          })),
      }))
      .filter((step) => step.items.length > 0),
  };
}

/** Builds the floor page's script into `outDir`; resolves to its path. */
export async function buildFloorBundle(outDir) {
  const { build } = await import('vite');
  mkdirSync(outDir, { recursive: true });
  const cache = join(root, 'bench/.cache');
  mkdirSync(cache, { recursive: true });
  const entry = join(cache, 'floor-entry.js');
  writeFileSync(
    entry,
    `import { LitElement, css, html } from 'lit';
const Q = ${JSON.stringify(floorModel())};
class FloorForm extends LitElement {
  static properties = { step: { state: true } };
  static styles = css\`:host{display:block;font:16px/1.5 system-ui,sans-serif}fieldset{border:0;margin:0 0 1.5em;padding:0}legend{font-weight:600;margin-bottom:.5em}.options{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,7.5em),1fr));gap:.5em}label{display:flex;align-items:center;gap:.6em;min-height:44px;border:1px solid #767676;border-radius:4px;padding:0 .75em}button{min-height:44px;padding:0 1.25em}\`;
  constructor() { super(); this.step = 0; this.answers = {}; }
  render() {
    const step = Q.steps[this.step];
    return html\`<form @change=\${(e) => (this.answers[e.target.name] = e.target.value)} @submit=\${(e) => { e.preventDefault(); this.step = Math.min(this.step + 1, Q.steps.length - 1); }}>
      <h2>\${Q.title}</h2>
      <h3>Bước \${this.step + 1}/\${Q.steps.length} · \${step.title}</h3>
      \${step.items.map((item) => html\`<fieldset><legend>\${item.text}</legend><div class="options">\${item.choices.map((c, i) => html\`<label><input type="radio" id=\${item.id + '-' + i} name=\${item.id} .value=\${c.value} .checked=\${this.answers[item.id] === c.value}><span>\${c.label}</span></label>\`)}</div></fieldset>\`)}
      <button type="submit">Tiếp tục</button>
    </form>\`;
  }
}
customElements.define('floor-form', FloorForm);
`,
  );
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name: 'FloorBench', fileName: () => 'floor.js' },
    },
  });
  return join(outDir, 'floor.js');
}
