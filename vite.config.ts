import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';

/**
 * Two library builds of @sipas/widgets:
 * - default: ES modules for npm users (lit, @lit/localize, idb-keyval, @sipas/schema external);
 * - `--mode iife`: `sipas.js`, one self-contained classic script for `<script src>` that
 *   registers every element. It must stay under the 30 KB gzip budget (scripts/budget.mjs).
 * - `--mode configurator`: `demo/dist/cau-hinh.js`, the embed configurator's page script (QR
 *   encoder included); it never touches the widgets' dist.
 */
const widgets = (path: string) => fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

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
  return {
    root: widgets('.'),
    logLevel: 'warn',
    plugins: [minifyLiterals()],
    // The script-tag build fetches translations as JSON beside it (see shared/localize.ts).
    define: { __SIPAS_SCRIPT_TAG__: iife ? 'true' : 'false' },
    build: {
      outDir: widgets('dist'),
      emptyOutDir: !iife,
      target: 'es2021',
      sourcemap: true,
      minify: iife,
      reportCompressedSize: false,
      lib: iife
        ? { entry: widgets('src/all.ts'), formats: ['iife'], name: 'SipasWidgets', fileName: () => 'sipas.js' }
        : { entry: { index: widgets('src/index.ts'), define: widgets('src/all.ts') }, formats: ['es'] },
      rollupOptions: iife ? {} : { external: [/^lit/, /^@lit\//, /^idb-keyval/, /^@sipas\/schema/] },
    },
  };
});
