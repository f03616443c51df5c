import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { conditional, entityTag } from '../http/conditional.js';
import { handle } from '../http/route.js';
import { notFound } from '../http/problem.js';
import { publicUnit } from './store.js';

export async function registerUnitRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  handle(app, ctx, 'GET', '/v1/units/:unit', async ({ unit, request, reply }) => {
    const shown = publicUnit(unit);
    if (conditional(request, reply, entityTag(shown), 'public, max-age=60')) return reply;
    return shown;
  });

  handle(app, ctx, 'GET', '/v1/questionnaires/:id', async ({ params, query, request, reply }) => {
    const questionnaire = await ctx.units.questionnaire(params.id, query.version ? Number(query.version) : undefined);
    if (!questionnaire) throw notFound(`Không tìm thấy phiếu khảo sát "${params.id}".`, 'questionnaire_not_found');
    // A numbered version never changes; the latest may. A survey revalidates its kept copy with the ETag.
    if (conditional(request, reply, entityTag(questionnaire), query.version ? 'public, max-age=31536000, immutable' : 'public, max-age=300')) return reply;
    return questionnaire;
  });
}
