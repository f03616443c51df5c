import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { basename } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this many bytes compression costs more than it saves (a TCP packet holds ~1,400). */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * The encoding a request accepts that we prefer: br, else gzip, else none. `q=0` refuses one;
 * an `Accept-Encoding` without either yields none.
 */
export function negotiateEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript|xml)|text\/|image\/svg\+xml)/;

/**
 * Compresses the server's own dynamic answers (JSON lists of procedures, reports, the OpenAPI
 * document) above the threshold. Static files are compressed ahead of time and served as such
 * by @fastify/static (`preCompressed`); a reply that already has an encoding is left alone.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.hasHeader('content-encoding') || request.method === 'HEAD') return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams: files, handled ahead of time
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    reply.header('vary', appendVary(reply.getHeader('vary'), 'accept-encoding'));
    if (body.length < COMPRESS_THRESHOLD_BYTES) return payload;
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    // Brotli at quality 5: most of the gain of 11 at a small fraction of its time, per response.
    const compressed =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.header('content-length', compressed.length);
    return compressed;
  });
}

function appendVary(current: unknown, name: string): string {
  const list = String(current ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  return list.some((v) => v.toLowerCase() === name || v === '*') ? list.join(', ') : [...list, name].join(', ');
}

/**
 * Cache policy of a static asset: names that carry a content hash never change — the script tag's
 * build id (a digit, then 5 base64url characters: `survey-4u3W8d.js`) or 8+ base64url characters
 * with a digit or a capital, which `-` may split (`define-f5XEsJ9c.js`, `feedback-DSb2Cz-I.js`);
 * others (`sipas.js`, the stable `chunks/sipas-survey.js`, `BeVietnam-Regular.woff2`) are revalidated.
 */
export function assetCacheControl(fileName: string): string {
  return /(?:-[0-9][\w-]{5}|[.-](?=[\w-]*[0-9A-Z])[\w-]{8,})\.(js|mjs|css|json|wasm|svg|woff2?)$/.test(fileName)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=300';
}

/**
 * @fastify/static options for every folder of built assets: the .br/.gz siblings built ahead of
 * time are chosen by Accept-Encoding; hashed names are immutable, stable ones revalidated by ETag.
 */
export const STATIC_ASSET_OPTIONS = {
  decorateReply: false,
  preCompressed: true,
  cacheControl: false,
  etag: true,
  setHeaders: (reply: FastifyReply, path: string) => {
    reply.header('cache-control', assetCacheControl(basename(path)));
  },
};
