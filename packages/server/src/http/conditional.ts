import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/** RFC 9110 If-None-Match: a list of entity tags (weak compare) or `*`. */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** A strong entity tag for a JSON answer: changes exactly when its text does. */
export const entityTag = (value: unknown): string => `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`;

/**
 * Sets the answer's ETag and caching, and answers 304 without a body when the client already holds
 * it (If-None-Match). True when the 304 was sent: the handler then returns `reply`.
 */
export function conditional(request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string): boolean {
  reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'origin');
  if (!etagMatches(request.headers['if-none-match'], etag)) return false;
  reply.status(304).send();
  return true;
}
