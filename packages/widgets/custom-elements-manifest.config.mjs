// `npm run analyze` (run by `npm run build`, in this package's folder): custom-elements.json, shipped
// in the @sipas/widgets tarball and named by its `customElements` field, with paths relative to the
// package. Storybook's controls and docs pages and the editors' data (scripts/editor-data.mjs) are
// generated from it. Read from the elements' JSDoc (@fires, @slot, @csspart, @cssprop) and their
// static properties.
import { readFileSync } from 'node:fs';

const ELEMENTS = ['survey', 'procedures', 'feedback', 'badge'];

/**
 * The elements are registered through `defineElement('sipas-x', Class)` (shared/define.ts, safe
 * when the script is included twice), which the analyzer does not know: read each folder's
 * define.ts and mark its class as the custom element of that tag.
 */
function sipasDefinitions() {
  const tags = new Map();
  /** Properties declared `state: true` or `attribute: false` in a class's `static properties`: no attribute. */
  const internal = new Map();
  for (const name of ELEMENTS) {
    const source = readFileSync(new URL(`./src/${name}/${name}.ts`, import.meta.url), 'utf8');
    const className = /export class (\w+)/.exec(source)?.[1];
    const props = new Set([...source.matchAll(/^\s+(\w+): \{[^}]*\b(?:state: true|attribute: false)[^}]*\}/gm)].map(([, prop]) => prop));
    internal.set(className, props);
  }
  for (const name of ELEMENTS) {
    const source = readFileSync(new URL(`./src/${name}/define.ts`, import.meta.url), 'utf8');
    for (const [, tag, className] of source.matchAll(/defineElement\(\s*'([a-z-]+)'\s*,\s*(\w+)\s*\)/g)) tags.set(className, tag);
  }
  return {
    name: 'sipas-define-element',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          // A Lit class without a tag (the shared base class) is no element: it stays only as the
          // class the elements inherit `endpoint` and `unit` from, out of element lists and docs.
          if (!tag) {
            delete declaration.customElement;
            continue;
          }
          declaration.customElement = true;
          declaration.tagName = tag;
          // Internal state and property-only inputs are not attributes; events are the documented sipas-* ones.
          declaration.attributes = (declaration.attributes ?? []).filter((a) => !a.name.startsWith('_') && !internal.get(declaration.name)?.has(a.fieldName ?? a.name));
          declaration.events = (declaration.events ?? []).filter((e) => e.name?.startsWith('sipas-'));
          mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: mod.path } }];
        }
      }
    },
  };
}

export default {
  globs: ['src/{survey,procedures,feedback,badge}/*.ts', 'src/shared/element.ts'],
  exclude: ['**/*.styles.ts', '**/define.ts', '**/search.ts', '**/questions.ts', '**/views.ts', '**/messages.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [sipasDefinitions()],
};
