import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The procedures routes of the contract (@sipas/schema api/procedures.ts). */
export async function registerProcedureRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
