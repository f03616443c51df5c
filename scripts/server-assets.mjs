// After the widgets and the configurator are built: put the demo ward site and the embed
// configurator inside @sipas/server (packages/server/site, shipped in its tarball), and write a
// Brotli and a gzip copy beside every static file the server sends, so that it serves them
// compressed without compressing per request.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const demo = join(root, 'demo');
const site = join(root, 'packages/server/site');

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'dist'), { recursive: true });
for (const name of readdirSync(demo)) {
  if (/\.(html|css|js|svg|png|ico|json)$/.test(name) && statSync(join(demo, name)).isFile()) copyFileSync(join(demo, name), join(site, name));
}
if (existsSync(join(demo, 'dist'))) {
  for (const name of readdirSync(join(demo, 'dist'))) copyFileSync(join(demo, 'dist', name), join(site, 'dist', name));
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|map)$/;
let files = 0;
let raw = 0;
let brotli = 0;
function compressTree(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compressTree(path);
    else if (COMPRESSIBLE.test(entry.name) && !entry.name.endsWith('.map')) {
      const body = readFileSync(path);
      if (body.length < 256) continue; // headers would outweigh the saving
      const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      files += 1;
      raw += body.length;
      brotli += br.length;
    }
  }
}
compressTree(join(root, 'packages/widgets/dist'));
compressTree(join(root, 'packages/desk/dist'));
compressTree(site);
console.log(`server assets: ${files} files pre-compressed, ${(raw / 1024).toFixed(0)} KB → ${(brotli / 1024).toFixed(0)} KB brotli`);
