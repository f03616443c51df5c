// The script-tag budget: the one file a ward's page loads must stay under 30 KB gzip.
// Deterministic (bytes, not time), so it may fail the build.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

export const BUDGET_GZIP_BYTES = 30 * 1024;
const file = new URL('../packages/widgets/dist/sipas.js', import.meta.url);

export function measure() {
  const raw = readFileSync(file);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliCompressSync(raw).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measure();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const verdict = size.gzip <= BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(`sipas.js: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli — ${verdict} the ${kb(BUDGET_GZIP_BYTES)} gzip budget`);
  if (size.gzip > BUDGET_GZIP_BYTES) process.exit(1);
}
