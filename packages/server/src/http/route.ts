import {
  findRoute,
  PERMISSION_LABELS,
  PERMISSIONS,
  permits,
  type ApiPath,
  type ApiRoute,
  type HttpMethod,
  type Permission,
  type RouteContract,
} from '@sipas/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { ServerContext, StaffPrincipal } from '../context.js';
import type { StoredUnit } from '../units/store.js';
import { ownOrigin, originRefusal } from './origin.js';
import { notFound, ProblemError } from './problem.js';
import { parseOr400 } from './validate.js';

// A handler's input, read off its route in the contract: what the schemas give after validation.
type Parsed<R, K extends 'params' | 'query' | 'body', Otherwise> = R extends { readonly [key in K]: infer S extends z.ZodMiniType }
  ? z.output<S>
  : Otherwise;
type NamesUnit<R> = Parsed<R, 'params', object> extends { unit: string } ? true : Parsed<R, 'body', object> extends { unit: string } ? true : false;

export interface RouteInput<R> {
  params: Parsed<R, 'params', Record<string, never>>;
  query: Parsed<R, 'query', Record<string, never>>;
  body: Parsed<R, 'body', undefined>;
  /** The unit named by `:unit` or `body.unit`, already checked to exist and to allow the caller's origin. */
  unit: NamesUnit<R> extends true ? StoredUnit : undefined;
  /** The signed-in staff member on `auth: 'staff'` routes. */
  staff: R extends { readonly auth: 'staff' } ? StaffPrincipal : undefined;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Refuses a signed-in staff member whose role lacks `permission` (the matrix in @sipas/schema's
 * PERMISSIONS), with a 403 that says what was refused and which role it needs.
 */
export function assertPermitted(staff: StaffPrincipal, permission: Permission): void {
  if (permits(staff.role, permission)) return;
  throw new ProblemError(403, `Chỉ quản trị viên của đơn vị được ${PERMISSION_LABELS[permission]}.`, {
    code: 'forbidden_role',
    detail: `Việc này cần vai trò "${PERMISSIONS[permission]}"; tài khoản ${staff.name} có vai trò "${staff.role}". Hãy nhờ quản trị viên của đơn vị.`,
  });
}

/** A cross-origin caller must be on the unit's list; same-origin and non-browser callers pass. */
function assertOriginAllowed(request: FastifyRequest, unit: StoredUnit): void {
  const origin = request.headers.origin;
  if (!origin) return;
  if (origin === ownOrigin(request) || unit.allowedOrigins.includes(origin)) return;
  throw originRefusal(request, origin, unit.id);
}

/**
 * Registers a handler for a route of the contract, named by its method and path (a route not in
 * the contract is a type error). Params, query and body are validated against the contract's
 * schemas (400 problem naming the fields) and typed from them, the unit is resolved and its allowed
 * origins enforced, staff routes authenticated. The handler returns the body to send.
 */
export function handle<M extends HttpMethod, P extends ApiPath<M>>(
  app: FastifyInstance,
  ctx: ServerContext,
  method: M,
  path: P,
  handler: (input: RouteInput<ApiRoute<M, P>>) => Promise<unknown>,
): RouteContract {
  const contract = findRoute(method, path);
  app.route({
    method,
    url: path,
    handler: async (request, reply) => {
      // Who is asking comes first: an anonymous caller learns nothing, not even which fields are wrong.
      let staff: StaffPrincipal | undefined;
      if (contract.auth === 'staff') {
        staff = await ctx.authenticateStaff(request);
        if (!staff) {
          throw new ProblemError(401, 'Cần đăng nhập bằng tài khoản cán bộ.', {
            code: 'unauthenticated',
            headers: { 'www-authenticate': 'Bearer' },
          });
        }
        if (contract.permission) assertPermitted(staff, contract.permission);
      }
      const params = (contract.params ? parseOr400(contract.params, request.params) : request.params) as Record<string, unknown>;
      const query = contract.query ? parseOr400(contract.query, request.query ?? {}) : {};
      const body = contract.body ? parseOr400(contract.body, request.body) : request.body;
      const unitId = params.unit ?? (body as { unit?: unknown } | undefined)?.unit;
      let unit: StoredUnit | undefined;
      if (typeof unitId === 'string') {
        unit = await ctx.units.get(unitId);
        if (!unit) throw notFound(`Không tìm thấy đơn vị "${unitId}".`, 'unit_not_found');
        if (!staff) assertOriginAllowed(request, unit);
        else if (staff.unit !== unit.id && !(await ctx.units.descendants(staff.unit)).includes(unit.id)) {
          throw new ProblemError(403, 'Tài khoản này không thuộc đơn vị được yêu cầu.', { code: 'wrong_unit' });
        }
      }
      // The checks above make the input what RouteInput says; the cast is the one place that trusts them.
      return handler({ params, query, body, unit, staff, request, reply } as RouteInput<ApiRoute<M, P>>);
    },
  });
  return contract;
}
