import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { ProblemError } from './problem.js';

/** The server's own origin as the browser sees it (behind a proxy: with `trustProxy`). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.host}`;
}

/**
 * The refusal a page on a site the unit has not allowed gets: readable by that page (the CORS
 * headers stay on it), without any data, so the element can tell the citizen the service is not
 * set up on this page yet and the webmaster exactly which address to add, and where. It is final:
 * clients must not queue the request for a retry.
 */
export function originRefusal(request: FastifyRequest, origin: string, unit: string | undefined): ProblemError {
  const desk = `${ownOrigin(request)}/desk/`;
  const list = unit ? `danh sách "Trang web được phép" của đơn vị ${unit}` : 'danh sách "Trang web được phép" của đơn vị';
  return new ProblemError(403, 'Dịch vụ này chưa được thiết lập trên trang web này.', {
    code: 'origin_not_allowed',
    detail:
      `Trang ${origin} chưa có trong ${list}. Quản trị viên của đơn vị thêm đúng địa chỉ ${origin} ` +
      `tại Bàn làm việc cán bộ ${desk}, thẻ "Trang web được phép"; có hiệu lực ngay, không cần khởi động lại máy chủ.`,
  });
}

/** The unit a request names before its handler runs: in the path, else in the JSON body. */
function requestedUnit(request: FastifyRequest): string | undefined {
  const fromPath = (request.params as { unit?: unknown } | undefined)?.unit;
  if (typeof fromPath === 'string') return fromPath;
  const fromBody = (request.body as { unit?: unknown } | undefined)?.unit;
  return typeof fromBody === 'string' && fromBody.length <= 64 ? fromBody : undefined;
}

/**
 * API calls from a browser on a site no unit allows are refused before any handler runs, so the
 * open preflight (answered for every origin, so that this refusal is readable) lets nothing
 * through: nothing is read, nothing is stored. A site allowed by some unit reaches the routes,
 * which check the unit's own list (`handle` in route.ts).
 */
export function registerOriginGuard(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('preHandler', async (request) => {
    const origin = request.headers.origin;
    if (!origin || !request.url.startsWith('/v1/')) return;
    if (origin === ownOrigin(request)) return;
    if ((await ctx.units.allOrigins()).has(origin)) return;
    throw originRefusal(request, origin, requestedUnit(request));
  });
}
