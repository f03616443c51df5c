import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerContext, StaffPrincipal } from '../context.js';
import { notFound, ProblemError } from '../http/problem.js';
import { STATIC_ASSET_OPTIONS } from '../http/compress.js';
import { handle } from '../http/route.js';
import { StaffStore } from './store.js';

/** Sign-in attempts a minute per IP address: enough for a typo or two, not for guessing. */
const SIGN_IN_PER_MINUTE = 10;

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

export async function authenticateStaff(ctx: ServerContext, request: FastifyRequest): Promise<StaffPrincipal | undefined> {
  const token = bearer(request);
  if (!token) return undefined;
  const member = await new StaffStore(ctx.db).fromToken(token);
  return member ? { ...member } : undefined;
}

/** The desk page: strict CSP, nothing inline, no framing. */
const DESK_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export async function registerStaffRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const staff = new StaffStore(ctx.db);

  handle(app, ctx, 'POST', '/v1/staff/sessions', async ({ body, request, reply }) => {
    await ctx.rateLimiter.hit(`sign-in:${request.ip}`, SIGN_IN_PER_MINUTE);
    const outcome = await staff.signIn(body.unit, body.username, body.password);
    if (outcome.kind === 'locked') {
      const wait = outcome.retryAfterSeconds;
      throw new ProblemError(429, 'Tài khoản tạm khoá vì đăng nhập sai nhiều lần.', {
        code: 'sign_in_locked',
        detail: `Thử lại sau ${wait < 120 ? `${wait} giây` : `${Math.ceil(wait / 60)} phút`}; mỗi lần sai tiếp theo, thời gian chờ tăng gấp đôi. Quản trị viên của đơn vị có thể mở khoá ngay.`,
        headers: { 'retry-after': String(wait) },
      });
    }
    if (outcome.kind === 'failed') {
      throw new ProblemError(401, 'Sai đơn vị, tên đăng nhập hoặc mật khẩu.', { code: 'sign_in_failed' });
    }
    return reply.status(201).header('cache-control', 'no-store').send(outcome.session);
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/accounts/:username/unlock', async ({ unit, params, staff: admin, reply }) => {
    if (!(await staff.unlock(unit.id, params.username))) {
      throw notFound(`Đơn vị ${unit.id} không có tài khoản "${params.username}".`, 'staff_not_found');
    }
    ctx.log.info({ unit: unit.id, username: params.username, by: admin!.id }, 'staff account unlocked');
    return reply.status(204).send();
  });

  handle(app, ctx, 'DELETE', '/v1/staff/sessions/current', async ({ request, reply }) => {
    await staff.signOut(bearer(request)!);
    return reply.status(204).send();
  });

  handle(app, ctx, 'GET', '/v1/staff/me', async ({ staff: member, reply }) => {
    reply.header('cache-control', 'no-store');
    return member;
  });

  const deskDir = deskDirectory();
  if (!deskDir) return;
  const deskPage = readFileSync(join(deskDir, 'index.html'), 'utf8');
  app.get('/desk', async (_request, reply) => reply.redirect('/desk/'));
  app.get('/desk/', async (_request, reply) => reply.headers(DESK_HEADERS).type('text/html; charset=utf-8').send(deskPage));
  // The counter kiosk page a tablet opens from the pairing QR code shown in the desk's Kiosk tab.
  if (existsSync(join(deskDir, 'kiosk.html'))) {
    const kioskPage = readFileSync(join(deskDir, 'kiosk.html'), 'utf8');
    app.get('/kiosk', async (_request, reply) => reply.redirect('/kiosk/'));
    app.get('/kiosk/', async (_request, reply) => reply.headers(DESK_HEADERS).type('text/html; charset=utf-8').send(kioskPage));
  }
  if (existsSync(join(deskDir, 'dist'))) {
    await app.register(fastifyStatic, { ...STATIC_ASSET_OPTIONS, root: join(deskDir, 'dist'), prefix: '/desk/', index: false });
  }
}

/** The staff desk package (@sipas/desk: its page and built script), when it is installed beside the server. */
function deskDirectory(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@sipas/desk/package.json'));
  } catch {
    return undefined;
  }
}
