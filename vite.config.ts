import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Two library builds of @sipas/widgets:
 * - default: ES modules for npm users (lit, @lit/localize, idb-keyval, @sipas/schema external);
 * - `--mode iife`: `sipas.js`, one self-contained classic script for `<script src>` that
 *   registers every element. It must stay under the 30 KB gzip budget (scripts/budget.mjs).
 */
const widgets = (path: string) => fileURLToPath(new URL(`./packages/widgets/${path}`, import.meta.url));

export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    root: widgets('.'),
    logLevel: 'warn',
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
