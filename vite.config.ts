import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { messageKeys } from './scripts/message-keys.js';
import { minifyLiterals } from './scripts/minify-literals.js';
import { trimLit } from './scripts/trim-lit.js';

/**
 * The builds of @sipas/widgets:
 * - default: ES modules for npm users (lit, @lit/localize, @sipas/schema external), one
 *   entry per element (`@sipas/widgets/survey` …) so a bundler keeps only what a page imports;
 * - `--mode first` / `--mode later`: the script tag's code as content-hashed ES modules in
 *   `dist/chunks/`, one build per bundle (scripts/build-script-tag.mjs runs them all and writes
 *   the manifest the loader is built from; details below);
 * - `--mode iife`: `sipas.js`, the small classic-script loader a webmaster pastes. It knows the
 *   bundles' names from that manifest and imports only the elements a page shows (src/loader/loader.ts).
 *   Each page type has a gzip budget (scripts/budget.mjs);
 * - `--mode configurator`: `demo/dist/cau-hinh.js`, the embed configurator's page script (QR
 *   encoder included); it never touches the widgets' dist.
 */
const widgets = (path: string) => fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

/** Elements the loader knows, by tag → loader entry in src/loader/; the sending ones first (see loader.ts). */
const ELEMENTS = { 'sipas-survey': 'survey', 'sipas-feedback': 'feedback', 'sipas-procedures': 'procedures', 'sipas-badge': 'badge' } as const;
/** Elements that send (the submission controller and the outbox come with them). */
const SENDING: readonly string[] = ['survey', 'feedback'];
/** What the script-tag build (scripts/build-script-tag.mjs) leaves for the loader: the files of each bundle. */
const SCRIPT_TAG_MANIFEST = 'dist/.vite/script-tag.json';
/** The core's and the sending code's bindings that a bundle added later reads from the first one. */
const SHARED_API = 'dist/.vite/shared-api.json';
/**
 * What every element needs: Lit, localisation, IndexedDB, the client, the cache and its
 * controller. Not the sending code (submission controller, outbox, drafts, error summary):
 * survey and feedback bring it, so procedures and badge pages never pay for it (nor for
 * @sipas/schema's per-element rules).
 */
const CORE_MODULE =
  /\/node_modules\/|\/packages\/widgets\/src\/(generated\/|shared\/(config|localize|element|define|version|styles|client|cache|idb|outbox-queue|controllers\/cached-resource)\.ts$)|\/src\/loader\/(core|localize-runtime|lit|css-tag)\.ts$/;
/** Sending, shared by survey and feedback only (with the ids they make, from @sipas/schema). */
const SEND_MODULE = /\/packages\/widgets\/src\/(shared\/(outbox|drafts|error-summary|controllers\/submission)|loader\/send)\.ts$|\/packages\/schema\/dist\/src\/rules\/ids\.js$/;
type Shared = 'core' | 'send';
const sharedOf = (id: string): Shared | undefined => {
  const path = id.replaceAll('\\', '/');
  return CORE_MODULE.test(path) ? 'core' : SEND_MODULE.test(path) ? 'send' : undefined;
};
/**
 * Where a first bundle publishes its shared bindings, as an array in SHARED_API's order: a property
 * of the global object under a registered symbol, which no host page's name can collide with. The
 * symbol carries the build's id (scripts/build-script-tag.mjs): bundles of two builds never mix.
 */
const BUILD = process.env.SIPAS_BUILD_ID ?? '';
/** The registered symbol's key for `shared` in build `build` (the loader checks the core's, see loader.ts). */
const sharedKey = (shared: Shared, build: string) => `sipas.${shared}${build}`;
const GLOBAL: Record<Shared, string> = { core: `globalThis[Symbol.for("${sharedKey('core', BUILD)}")]`, send: `globalThis[Symbol.for("${sharedKey('send', BUILD)}")]` };
const root = fileURLToPath(new URL('.', import.meta.url));
const relative = (id: string) => id.slice(root.length);

/** `module#name` of each shared binding, in the order of the published arrays. */
type SharedApi = Record<Shared, string[]>;
const readApi = (): SharedApi => JSON.parse(readFileSync(widgets(SHARED_API), 'utf8')) as SharedApi;

/**
 * For bundles added to a page after its first one: the core (and, for elements, the sending code)
 * are not bundled but read from the arrays the first bundle published, so an element added later
 * brings only its own code and the page keeps one Lit, one locale, one outbox. With `collect`,
 * only notes which bindings are imported (scripts/build-script-tag.mjs' first pass).
 */
function readShared(external: readonly Shared[], collect?: Set<string>[]): Plugin {
  const api = collect ? undefined : readApi();
  return {
    name: 'sipas-read-shared',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const shared = resolved && !resolved.external ? sharedOf(resolved.id) : undefined;
      return shared && external.includes(shared) ? { id: `sipas-${shared}:${relative(resolved!.id)}`, external: true } : resolved;
    },
    renderChunk(code) {
      const rewritten = code.replace(
        /import\s*(?:\{([^}]*)\}\s*from\s*)?["']sipas-(core|send):([^"']+)["'];?/g,
        (_, names: string | undefined, shared: Shared, module: string) => {
          const bindings = (names ?? '')
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => name.split(/\s+as\s+/));
          if (collect) {
            for (const [name] of bindings) collect[shared === 'core' ? 0 : 1]!.add(`${module}#${name}`);
            return '';
          }
          if (!bindings.length) return '';
          const index = (name: string) => {
            const at = api![shared].indexOf(`${module}#${name}`);
            if (at < 0) this.error(`${module}#${name} is not in ${SHARED_API}: run scripts/build-script-tag.mjs`);
            return at;
          };
          return `const{${bindings.map(([name, local]) => `${index(name!)}:${local ?? name}`).join(',')}}=${GLOBAL[shared]};`;
        }
      );
      if (/sipas-(core|send):/.test(rewritten)) this.error('a shared module is imported in a way the build cannot read from the first bundle');
      return { code: rewritten, map: null };
    },
  };
}

/** A virtual entry: `exports` (module → names) re-exported, and the shared bindings published for bundles added later. */
function entryModule(exports: Record<string, string[]>, publish: readonly Shared[]): Plugin {
  const api = readApi();
  const lines: string[] = [];
  for (const shared of publish) {
    const locals = api[shared].map((binding, index) => {
      const [module, name] = binding.split('#');
      lines.push(`import { ${name} as ${shared}${index} } from ${JSON.stringify(root + module)};`);
      return `${shared}${index}`;
    });
    lines.push(`${GLOBAL[shared]} = [${locals.join(', ')}];`);
  }
  for (const [module, names] of Object.entries(exports)) lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(widgets(module))};`);
  return {
    name: 'sipas-entry',
    resolveId: (id) => (id === 'sipas-entry' ? '\0sipas-entry' : null),
    load: (id) => (id === '\0sipas-entry' ? lines.join('\n') : null),
  };
}

/** Loader settings: each tag's first bundle, each tag's bundle when added later, the sending code alone. */
interface ScriptTagManifest {
  build: string;
  first: Record<string, string[]>;
  later: Record<string, string[]>;
  send: string[];
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
  if (mode === 'first' || mode === 'later') {
    // The script tag's code as content-hashed ES modules in dist/chunks/, one build per bundle
    // (scripts/build-script-tag.mjs runs them; SIPAS_BUNDLE names the bundle):
    // - `first`, one file per element: the core, the sending code if the element sends, and the
    //   element; it publishes the shared bindings for bundles added later;
    // - `later`: every element alone (SIPAS_BUNDLE=elements), and the sending code alone
    //   (SIPAS_BUNDLE=send), reading what they share from the first bundle.
    // One file for the first element: each file is compressed on its own, and the import and
    // export lists between chunks cost bytes too; a page with one survey downloads two files.
    const bundle = process.env.SIPAS_BUNDLE ?? '';
    const collect = process.env.SIPAS_COLLECT ? [new Set<string>(), new Set<string>()] : undefined;
    (globalThis as { sipasCollected?: Set<string>[] }).sipasCollected = collect;
    const first = mode === 'first';
    if (!BUILD) throw new Error('the script tag\'s bundles are built by scripts/build-script-tag.mjs (it sets SIPAS_BUILD_ID)');
    const entry = first
      ? entryModule(
          {
            'src/loader/core.ts': ['start', 'setLocale'],
            [`src/loader/${bundle}.ts`]: ['define'],
            ...(SENDING.includes(bundle) ? { 'src/loader/send.ts': ['startOutbox'] } : {}),
          },
          SENDING.includes(bundle) ? ['core', 'send'] : ['core']
        )
      : bundle === 'send'
      ? entryModule({ 'src/loader/send.ts': ['startOutbox'] }, ['send'])
      : undefined;
    return {
      root: widgets('.'),
      logLevel: 'warn',
      // Message ids become numbers into sipas.<locale>.json (scripts/message-keys.ts).
      plugins: [
        trimLit(widgets('src/loader/css-tag.ts')),
        minifyLiterals(),
        messageKeys(),
        ...(entry ? [entry] : []),
        ...(first ? [] : [readShared(bundle === 'send' ? ['core'] : ['core', 'send'], collect)]),
      ],
      // Translations come as JSON beside sipas.js (see shared/localize.ts). These bundles only ever
      // run in a page: the guards the shared code keeps for npm users' imports outside a browser fold away.
      define: { __SIPAS_SCRIPT_TAG__: 'true', 'typeof document': '"object"', 'typeof window': '"object"' },
      // The used part of @lit/localize's runtime, a kilobyte smaller (src/loader/localize-runtime.ts),
      // and Lit's `css` without the check for interpolations none of the stylesheets has (src/loader/lit.ts).
      resolve: {
        alias: [
          { find: /^@lit\/localize$/, replacement: widgets('src/loader/localize-runtime.ts') },
          { find: /^lit$/, replacement: widgets('src/loader/lit.ts') },
        ],
      },
      build: {
        outDir: widgets('dist'),
        emptyOutDir: false,
        write: !collect,
        target: 'es2022',
        // Maps beside each file, without the comment naming them (~30 B of gzip per file every
        // page downloads): the reference server names each file's map in a `SourceMap` header,
        // which browsers' developer tools follow the same way (packages/server/src/app.ts).
        sourcemap: 'hidden',
        minify: !collect,
        modulePreload: false,
        reportCompressedSize: false,
        copyPublicDir: false,
        manifest: `.vite/${mode}-${bundle}.json`,
        rollupOptions: {
          input:
            bundle === 'elements'
              ? Object.fromEntries(Object.values(ELEMENTS).map((name) => [`${name}-later`, widgets(`src/loader/${name}.ts`)]))
              : { [first ? bundle : 'send-later']: entry ? 'sipas-entry' : widgets('src/loader/send.ts') },
          preserveEntrySignatures: 'strict',
          output: {
            format: 'es',
            // Named by the build's id (scripts/build-script-tag.mjs), which the loader knows.
            entryFileNames: `chunks/[name]-${BUILD}.js`,
            chunkFileNames: `chunks/[name]-later-${BUILD}.js`,
            // Short names for members no page can use (a first bundle is one chunk: the one place this
            // applies, with every use of those names in it): the private members of the elements and
            // controllers, reactive state included, by the convention of a leading `_` and a lower-case
            // letter (`_phase`), and Lit's internal members (`_$AH`, `_$Ei`… — Lit is bundled only into
            // a first bundle). The names Lit instances share across copies and versions (`_$litType$`,
            // `_$cssResult$`…: longer, ending in `$`) stay. Bundles added later keep the names as written.
            ...(first && !collect ? { minify: { compress: true, mangle: true, mangleProps: { include: /^_([a-z][A-Za-z0-9]*|\$[A-Za-z_]{2})$/ } } } : {}),
            // V8's explicit compile hint: every function of a first bundle runs as the element
            // starts, so compile them all while the file streams in, off the main thread, rather
            // than each on its first call on it (docs/performance.md: 1,204 → 1,164 and
            // 1,372 → 1,276 ms to the survey's first question, two A/B runs of 16; +17 B gzip).
            ...(first && !collect ? { postBanner: '//# allFunctionsCalledOnLoad' } : {}),
          },
        },
      },
    };
  }
  if (iife) {
    // The loader: a classic script (no import/export, no import.meta) that knows the bundles' names.
    const plan = JSON.parse(readFileSync(widgets(SCRIPT_TAG_MANIFEST), 'utf8')) as ScriptTagManifest;
    // Names without the folder (chunks/, where the loader imports from) and the build's id (it adds both).
    const names = (files: string[]) => files.map((file) => file.slice('chunks/'.length, -`-${plan.build}.js`.length));
    // Each tag's own files follow the element's name (`survey`, `survey-later`), so the loader derives
    // them from the tag and carries only the chunks a later bundle shares (the date formatting).
    const element = (tag: string) => ELEMENTS[tag as keyof typeof ELEMENTS];
    for (const [tag, files] of Object.entries(plan.first))
      if (names(files).join() !== element(tag) || names(plan.later[tag]!)[0] !== `${element(tag)}-later`)
        throw new Error(`${tag}'s bundles are not named after ${element(tag)} (loader.ts derives their names)`);
    const shared = Object.fromEntries(Object.entries(plan.later).map(([tag, files]) => [tag, names(files).slice(1)]));
    return {
      root: widgets('.'),
      logLevel: 'warn',
      define: {
        __SIPAS_BUILD__: JSON.stringify(plan.build),
        __SIPAS_CORE_KEY__: JSON.stringify(sharedKey('core', plan.build)),
        __SIPAS_TAGS__: JSON.stringify(Object.keys(plan.first)),
        __SIPAS_LATER__: JSON.stringify(shared),
        __SIPAS_SEND__: JSON.stringify(names(plan.send)),
        __SIPAS_SENDING__: JSON.stringify(Object.keys(ELEMENTS).filter((tag) => SENDING.includes(ELEMENTS[tag as keyof typeof ELEMENTS]))),
      },
      build: {
        outDir: widgets('dist'),
        emptyOutDir: false,
        target: 'es2021',
        sourcemap: 'hidden', // as the bundles': named by a `SourceMap` header
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
      rollupOptions: { external: [/^lit/, /^@lit\//, /^@sipas\/schema/] },
    },
  };
});
