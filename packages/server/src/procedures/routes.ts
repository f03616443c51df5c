import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { conditional } from '../http/conditional.js';
import { notFound } from '../http/problem.js';
import { handle } from '../http/route.js';
import { ProcedureStore } from './store.js';

/**
 * Catalogues change a few times a year: caches may keep them a minute, then must ask again; the
 * element revalidates with If-None-Match and gets a 304 without a body while nothing changed.
 */
export const PROCEDURES_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

/** The procedures routes of the contract (@sipas/schema api/procedures.ts). */
export async function registerProcedureRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new ProcedureStore(ctx.db);

  handle(app, ctx, 'GET', '/v1/units/:unit/procedures', async ({ unit, request, reply }) => {
    const etag = await store.etag(unit.id);
    if (conditional(request, reply, etag, PROCEDURES_CACHE_CONTROL)) return reply;
    const { list } = await store.list(unit.id);
    return list;
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/procedures/:code', async ({ unit, params, request, reply }) => {
    const found = await store.get(unit.id, params.code);
    if (!found) throw notFound(`Đơn vị này không có thủ tục mã "${params.code}".`, 'procedure_not_found');
    if (conditional(request, reply, found.etag, PROCEDURES_CACHE_CONTROL)) return reply;
    return found.procedure;
  });
}
