import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { messageKeys } from './scripts/message-keys.js';
import { minifyLiterals } from './scripts/minify-literals.js';

/**
 * The builds of @sipas/widgets:
 * - default: ES modules for npm users (lit, @lit/localize, idb-keyval, @sipas/schema external), one
 *   entry per element (`@sipas/widgets/survey` …) so a bundler keeps only what a page imports;
 * - `--mode chunks`: the script tag's code as content-hashed ES module chunks in `dist/chunks/`
 *   (a shared core and one entry per element, everything bundled), with a manifest;
 * - `--mode iife`: `sipas.js`, the small classic-script loader a webmaster pastes. It knows the
 *   chunk names from that manifest and imports only the elements a page shows (src/loader/loader.ts).
 *   Each page type has a gzip budget (scripts/budget.mjs);
 * - `--mode configurator`: `demo/dist/cau-hinh.js`, the embed configurator's page script (QR
 *   encoder included); it never touches the widgets' dist.
 */
const widgets = (path: string) => fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

/** Elements the loader knows, by tag → loader entry in src/loader/. */
const ELEMENTS = { 'sipas-survey': 'survey', 'sipas-procedures': 'procedures', 'sipas-feedback': 'feedback', 'sipas-badge': 'badge' } as const;
const CHUNKS_MANIFEST = 'dist/.vite/chunks-manifest.json';
/**
 * What every element needs: Lit, localisation, idb-keyval, the client, the cache and its
 * controller. Not the sending code (submission controller, outbox, drafts, error summary):
 * survey and feedback share it in a chunk of their own, so procedures and badge pages never pay
 * for it (nor for @sipas/schema's per-element rules, nor Lit's `live` directive of the forms).
 * Dates formatted in Vietnam time (shared/format.ts) are the badge's and the feedback form's only:
 * the bundler gives them a small chunk of their own.
 */
const CORE_MODULE =
  /\/node_modules\/(?!lit(-html)?\/directive)|\/packages\/widgets\/src\/(generated\/|shared\/(config|localize|element|define|version|styles|client|cache|outbox-queue|controllers\/cached-resource)\.ts$)|\/src\/loader\/(core|localize-runtime)\.ts$/;
/** Sending, shared by survey and feedback only. */
const SEND_MODULE = /\/packages\/widgets\/src\/shared\/(outbox|drafts|error-summary|controllers\/submission)\.ts$|\/node_modules\/lit(-html)?\/directive/;

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** For the loader: each tag → the files to import, relative to sipas.js (entry first, then every static dependency). */
function chunkPlan(): { core: string[]; outbox: string[]; elements: Record<string, string[]> } {
  const manifest = JSON.parse(readFileSync(widgets(CHUNKS_MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): string[] => {
    if (seen.has(key)) return [];
    seen.add(key);
    const chunk = manifest[key]!;
    return [chunk.file, ...(chunk.imports ?? []).flatMap((dependency) => closure(dependency, seen))];
  };
  const entry = (name: string) => Object.keys(manifest).find((key) => manifest[key]!.isEntry && manifest[key]!.name === name)!;
  const elements = Object.fromEntries(Object.entries(ELEMENTS).map(([tag, name]) => [tag, closure(entry(name))]));
  return { core: closure(entry('core')), outbox: closure(entry('outbox')), elements };
}

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  if (mode === 'configurator') {
    const demo = (path: string) => fileURLToPath(new URL(`./demo/${path}`, import.meta.url));
    return {
      root: demo('.'),
      logLevel: 'warn',
      build: {
        outDir: demo('dist'),
        emptyOutDir: true,
        target: 'es2021',
        sourcemap: true,
        minify: true,
        reportCompressedSize: false,
        lib: { entry: demo('cau-hinh.ts'), formats: ['iife'], name: 'SipasConfigurator', fileName: () => 'cau-hinh.js' },
      },
    };
  }
  if (mode === 'chunks') {
    // The script tag's code: ES module chunks with content hashes, imported by sipas.js.
    return {
      root: widgets('.'),
      logLevel: 'warn',
      // Message ids become numbers into sipas.<locale>.json (scripts/message-keys.ts).
      plugins: [minifyLiterals(), messageKeys()],
      // Translations come as JSON beside sipas.js (see shared/localize.ts).
      define: { __SIPAS_SCRIPT_TAG__: 'true' },
      // The used part of @lit/localize's runtime, a kilobyte smaller (src/loader/localize-runtime.ts).
      resolve: { alias: [{ find: /^@lit\/localize$/, replacement: widgets('src/loader/localize-runtime.ts') }] },
      build: {
        outDir: widgets('dist'),
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        minify: true,
        modulePreload: false,
        reportCompressedSize: false,
        copyPublicDir: false,
        manifest: '.vite/chunks-manifest.json',
        rollupOptions: {
          input: {
            core: widgets('src/loader/core.ts'),
            outbox: widgets('src/loader/outbox.ts'),
            ...Object.fromEntries(Object.values(ELEMENTS).map((name) => [name, widgets(`src/loader/${name}.ts`)])),
          },
          preserveEntrySignatures: 'strict',
          output: {
            format: 'es',
            entryFileNames: 'chunks/[name]-[hash].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            // One core chunk (Lit, localisation, client, cache, shared styles) and one sending chunk
            // (survey + feedback) instead of one per combination of elements: fewer requests,
            // better compression, and procedures/badge pages never download the sending code.
            codeSplitting: {
              groups: [
                { debugName: 'core', name: (id: string) => (CORE_MODULE.test(id.replaceAll('\\', '/')) ? 'core' : null) },
                { debugName: 'send', name: (id: string) => (SEND_MODULE.test(id.replaceAll('\\', '/')) ? 'send' : null) },
              ],
            },
          },
        },
      },
    };
  }
  if (iife) {
    // The loader: a classic script (no import/export, no import.meta) that knows the chunk names.
    const plan = chunkPlan();
    return {
      root: widgets('.'),
      logLevel: 'warn',
      define: { __SIPAS_CORE__: JSON.stringify(plan.core), __SIPAS_OUTBOX__: JSON.stringify(plan.outbox), __SIPAS_ELEMENTS__: JSON.stringify(plan.elements) },
      build: {
        outDir: widgets('dist'),
        emptyOutDir: false,
        target: 'es2021',
        sourcemap: true,
        minify: true,
        reportCompressedSize: false,
        copyPublicDir: false,
        lib: { entry: widgets('src/loader/loader.ts'), formats: ['iife'], name: 'SipasLoader', fileName: () => 'sipas.js' },
      },
    };
  }
  return {
    root: widgets('.'),
    logLevel: 'warn',
    plugins: [minifyLiterals()],
    define: { __SIPAS_SCRIPT_TAG__: 'false' },
    build: {
      outDir: widgets('dist'),
      emptyOutDir: true,
      target: 'es2021',
      sourcemap: true,
      minify: false,
      reportCompressedSize: false,
      lib: {
        entry: {
          index: widgets('src/index.ts'),
          define: widgets('src/all.ts'),
          ...Object.fromEntries(Object.values(ELEMENTS).map((name) => [name, widgets(`src/${name}/define.ts`)])),
        },
        formats: ['es'],
      },
      rollupOptions: { external: [/^lit/, /^@lit\//, /^idb-keyval/, /^@sipas\/schema/] },
    },
  };
});
