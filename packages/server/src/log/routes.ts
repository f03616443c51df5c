import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The log routes of the contract (@sipas/schema api/log.ts). */
export async function registerLogRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
