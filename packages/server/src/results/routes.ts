import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The results routes of the contract (@sipas/schema api/results.ts). */
export async function registerResultsRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
