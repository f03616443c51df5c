import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The feedback routes of the contract (@sipas/schema api/feedback.ts). */
export async function registerFeedbackRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}
