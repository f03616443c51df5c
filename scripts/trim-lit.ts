import type { Plugin } from 'vite';

/**
 * For the script tag's bundles only (npm users get Lit as published): removes from Lit's production
 * files what no SIPAS element can use, 0.3 KB of gzip on every page — a smaller `css-tag.js` (below), and
 * - the hooks for the old web-components polyfills (ShadyDOM/ShadyCSS) and for SSR hydration: a
 *   browser that runs the bundles (ES2022) needs neither, and no page hydrates our elements;
 * - `addInitializer` (a static hook for decorators; the elements call none);
 * - the global lists of loaded Lit versions (read only by Lit's dev mode and devtools) and the
 *   `Symbol.metadata` / `litPropertyMetadata` globals with the code reading them, which only
 *   standard decorators use: the elements declare `static properties`, and the host page's
 *   globals stay untouched (the embedding test proves one Lit per page by the elements' shared
 *   base class instead).
 * Each edit must match exactly once: a Lit upgrade that changes these lines fails the build
 * (update the patterns, or drop the edit), never ships a half-trimmed Lit.
 */
const ID = String.raw`[\w$]+`;
const EDITS: Record<string, [RegExp, string][]> = {
  '@lit/reactive-element/reactive-element.js': [
    [new RegExp(String.raw`,${ID}=${ID}\.reactiveElementPolyfillSupport(?=,)`), ''],
    [new RegExp(String.raw`,${ID}\?\.\(\{ReactiveElement:${ID}\}\),\(${ID}\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)`), ''],
    [new RegExp(String.raw`Symbol\.metadata\?\?=Symbol\("metadata"\),${ID}\.litPropertyMetadata\?\?=new WeakMap;`), ''],
    // `ReactiveElement.addInitializer`, for decorators and the classes' initializers list it fills.
    [new RegExp(String.raw`static addInitializer\((${ID})\)\{this\._\$Ei\(\),\(this\.l\?\?=\[\]\)\.push\(\1\)\}`), ''],
    [new RegExp(String.raw`,void 0!==(${ID})\.l&&\(this\.l=\[\.\.\.\1\.l\]\)`), ''],
    [new RegExp(String.raw`,this\.constructor\.l\?\.forEach\((${ID})=>\1\(this\)\)`), ''],
    [
      new RegExp(
        String.raw`const (${ID})=this\[Symbol\.metadata\];if\(null!==\1\)\{const (${ID})=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[${ID},${ID}\]of \2\)this\.elementProperties\.set\(${ID},${ID}\)\}`,
      ),
      '',
    ],
  ],
  'lit-html/lit-html.js': [
    [new RegExp(String.raw`,(${ID})=(${ID})\.litHtmlPolyfillSupport;\1\?\.\(${ID},${ID}\),\(\2\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\);`), ';'],
  ],
  'lit-element/lit-element.js': [
    [new RegExp(String.raw`,(${ID})\.litElementHydrateSupport\?\.\(\{LitElement:${ID}\}\);const (${ID})=\1\.litElementPolyfillSupport;\2\?\.\(\{LitElement:${ID}\}\);`), ';'],
    [new RegExp(String.raw`\(${ID}\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);`), ''],
  ],
};

/**
 * `cssTag`: the file that takes the place of Lit's `css-tag.js` (packages/widgets/src/loader/css-tag.ts:
 * the same exports, without what only Lit's own `css` tag reaches).
 */
export function trimLit(cssTag: string): Plugin {
  return {
    name: 'sipas-trim-lit',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './css-tag.js' && importer?.replaceAll('\\', '/').endsWith('/node_modules/@lit/reactive-element/reactive-element.js') ? cssTag : null;
    },
    transform(code, id) {
      const file = Object.keys(EDITS).find((name) => id.replaceAll('\\', '/').endsWith(`/node_modules/${name}`));
      if (!file) return null;
      let out = code;
      for (const [pattern, replacement] of EDITS[file]!) {
        const matches = out.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
        if (matches !== 1) this.error(`${file}: expected one match of ${pattern.source}, found ${matches} (scripts/trim-lit.ts)`);
        out = out.replace(pattern, replacement);
      }
      return { code: out, map: null };
    },
  };
}
