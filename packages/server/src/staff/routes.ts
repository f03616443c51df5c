import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext, StaffPrincipal } from '../context.js';

/** Staff sign-in and the staff desk. Until staff accounts exist, every staff route refuses. */
export async function registerStaffRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {}

export async function authenticateStaff(_ctx: ServerContext, _request: FastifyRequest): Promise<StaffPrincipal | undefined> {
  return undefined;
}
