import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serverAsset } from '../assets.js';

/** The site folder shipped in this package (copied from the repository's demo/ at build time). */
const DEMO_DIR = serverAsset('site');

/** The only files served under /cau-hinh/, with their types (nothing else of demo/ is exposed). */
const FILES: Record<string, { path: string; type: string }> = {
  '': { path: 'cau-hinh.html', type: 'text/html; charset=utf-8' },
  'cau-hinh.css': { path: 'cau-hinh.css', type: 'text/css; charset=utf-8' },
  'site.css': { path: 'site.css', type: 'text/css; charset=utf-8' },
  'cau-hinh-xem-truoc.js': { path: 'cau-hinh-xem-truoc.js', type: 'text/javascript; charset=utf-8' },
  'dist/cau-hinh.js': { path: 'dist/cau-hinh.js', type: 'text/javascript; charset=utf-8' },
};

/**
 * The embed configurator at /cau-hinh/ on every server (not only the demo): editors of a
 * province's portal choose an element, unit and colours and copy the snippet for that server.
 * Registered only when the site folder with the built script is in the package (after `npm run build`).
 */
export async function registerConfiguratorRoutes(app: FastifyInstance, dir = DEMO_DIR): Promise<void> {
  if (!existsSync(join(dir, 'cau-hinh.html')) || !existsSync(join(dir, 'dist/cau-hinh.js'))) return;
  app.get('/cau-hinh', async (_request, reply) => reply.redirect('/cau-hinh/', 301));
  app.get('/cau-hinh/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (!file) return reply.callNotFound();
    const body = await readFile(join(dir, file.path));
    return reply.type(file.type).header('cache-control', 'public, max-age=300').send(body);
  });
}
