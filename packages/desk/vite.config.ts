import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyLiterals } from '../../scripts/minify-literals.js';

/**
 * `desk.js`: the staff desk page's script, served by the reference server at /desk/desk.js.
 * It bundles the widgets' shared modules it uses; it is not part of the citizen script budget.
 */
const desk = (path: string) => fileURLToPath(new URL(`./${path}`, import.meta.url));

export default defineConfig({
  root: desk('.'),
  logLevel: 'warn',
  plugins: [minifyLiterals()],
  build: {
    outDir: desk('dist'),
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: true,
    minify: true,
    reportCompressedSize: false,
    // desk.js for /desk/, kiosk.js for the counter kiosk page /kiosk/ (no shared code between them).
    lib: { entry: { desk: desk('src/define.ts'), kiosk: desk('src/kiosk/kiosk.ts') }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
  },
});
