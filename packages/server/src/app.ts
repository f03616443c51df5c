import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { buildOpenApi } from '@sipas/schema/openapi';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import type { Database } from './db/database.js';
import { ProblemError, sendProblem } from './http/problem.js';
import { registerOriginGuard } from './http/origin.js';
import { rateLimiterFor } from './http/rate-limit.js';
import { registerAdminRoutes } from './admin/routes.js';
import { registerConfiguratorRoutes } from './configurator/routes.js';
import { DossierKeys } from './dossiers/keys.js';
import { registerDossierRoutes } from './dossiers/routes.js';
import { registerFeedbackRoutes } from './feedback/routes.js';
import { registerLogRoutes } from './log/routes.js';
import { registerProcedureRoutes } from './procedures/routes.js';
import { registerResultsRoutes } from './results/routes.js';
import { authenticateStaff, registerStaffRoutes } from './staff/routes.js';
import { registerSurveyRoutes } from './surveys/routes.js';
import { registerUnitRoutes } from './units/routes.js';
import { UnitStore } from './units/store.js';
import { VERSION } from './version.js';
import { registerCompression, STATIC_ASSET_OPTIONS } from './http/compress.js';
import { instrumentDatabase, Metrics, registerMetrics } from './ops/metrics.js';
import { listMigrations, pendingMigrations } from './db/migrate.js';
import { registerHolidayRoutes } from './holidays/routes.js';
import { registerProcedureImportRoutes } from './procedures/import-routes.js';

export interface App {
  app: FastifyInstance;
  ctx: ServerContext;
}

/** Headers for the server's own pages and answers: nothing may frame, sniff or leak referrers. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'cross-origin',
};

/** Added to the server's own HTML pages: no framing by other sites (clickjacking). */
const PAGE_HEADERS = {
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

/** Builds the Fastify application over an open, migrated database. */
export async function buildApp(config: ServerConfig, rawDb: Database): Promise<App> {
  const metrics = new Metrics();
  const db = instrumentDatabase(rawDb, metrics);
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    // A hop count is accepted by Fastify (proxy-addr) though its types list only boolean, string and function.
    trustProxy: config.trustProxy as boolean | string,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Client UUIDs are long; keep room in the URL but refuse absurd ones.
    routerOptions: { maxParamLength: 200 },
  });
  const units = new UnitStore(db);
  const ctx: ServerContext = {
    config,
    db,
    units,
    rateLimiter: rateLimiterFor(db),
    log: app.log,
    dossierKeys: DossierKeys.open(config, (message) => app.log.warn(message)),
    authenticateStaff: (request) => authenticateStaff(ctx, request),
  };

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error, request.url);
    const fastifyError = error as { statusCode?: number; code?: string; message: string };
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, new ProblemError(500, 'Lỗi máy chủ. Vui lòng thử lại sau.', { code: 'internal' }), request.url);
    }
    const title =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Nội dung gửi lên quá lớn.'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Chỉ nhận nội dung JSON (application/json).'
          : 'Yêu cầu không hợp lệ.';
    return sendProblem(
      reply,
      new ProblemError(status, title, {
        code: (fastifyError.code ?? 'bad_request').toLowerCase(),
        detail: fastifyError.message,
        errors: status === 400 ? [{ path: '(body)', code: 'invalid_json', message: fastifyError.message }] : undefined,
      }),
      request.url,
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new ProblemError(404, 'Không tìm thấy địa chỉ này.', { code: 'not_found' }), request.url),
  );
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // The server's own HTML pages (demo site, configurator, printable reports) may be framed only
    // by themselves; a page with its own policy (the desk) keeps it. /sipas/*.js is not HTML and
    // stays loadable from any site.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.headers(PAGE_HEADERS);
    }
  });

  await app.register(cors, {
    // Every origin gets its preflight and CORS headers, so that a page on a site the unit has not
    // allowed can read why it is refused (registerOriginGuard answers it before any handler runs,
    // and each route checks its own unit's list): a truthful message, not a "network error".
    // Never `*`, never credentials; Vary: Origin on every answer.
    origin: (origin, callback) => callback(null, Boolean(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization', 'if-none-match', 'x-sipas-kiosk-key'],
    exposedHeaders: ['etag', 'retry-after', 'location'],
    maxAge: 600,
  });
  registerOriginGuard(app, ctx);

  registerCompression(app);
  registerMetrics(app, metrics, db);

  const openApi = buildOpenApi({ version: VERSION });
  app.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(openApi));
  app.get('/healthz', async (_request, reply) => {
    try {
      await db.get('SELECT 1 AS ok');
      return { status: 'ok', version: VERSION, database: db.dialect };
    } catch {
      return sendProblem(reply, new ProblemError(503, 'Cơ sở dữ liệu không phản hồi.', { code: 'database_unavailable' }));
    }
  });

  app.get('/readyz', async (_request, reply) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending.length) {
        return sendProblem(reply, new ProblemError(503, 'Cơ sở dữ liệu chưa được cập nhật cấu trúc.', { code: 'migrations_pending', detail: pending.join(', ') }));
      }
      const latest = listMigrations(db.dialect).at(-1)?.version ?? '';
      return reply.header('cache-control', 'no-store').send({ status: 'ready', database: db.dialect, migrations: latest });
    } catch {
      return sendProblem(reply, new ProblemError(503, 'Cơ sở dữ liệu không phản hồi.', { code: 'database_unavailable' }));
    }
  });

  await registerUnitRoutes(app, ctx);
  await registerSurveyRoutes(app, ctx);
  await registerDossierRoutes(app, ctx);
  await registerProcedureRoutes(app, ctx);
  await registerFeedbackRoutes(app, ctx);
  await registerResultsRoutes(app, ctx);
  await registerLogRoutes(app, ctx);
  await registerStaffRoutes(app, ctx);
  await registerHolidayRoutes(app, ctx);
  await registerProcedureImportRoutes(app, ctx);
  await registerAdminRoutes(app, ctx);
  await registerConfiguratorRoutes(app);

  // Static files: pre-compressed, hashed names immutable, stable names revalidated (http/compress.ts).
  const staticOptions = STATIC_ASSET_OPTIONS;
  if (config.widgetsDir && existsSync(config.widgetsDir)) {
    /** Each served file's source map name, '' for none (the folder does not change while the server runs). */
    const sourceMaps = new Map<string, string>();
    await app.register(fastifyStatic, {
      ...staticOptions,
      root: config.widgetsDir,
      prefix: '/sipas/',
      // sipas.js imports its chunks as ES modules, which browsers fetch with CORS: any site that
      // pastes the script may read this public code (no credentials are involved).
      setHeaders: (reply: Parameters<typeof staticOptions.setHeaders>[0], path: string) => {
        staticOptions.setHeaders(reply, path);
        if (/[\/]chunks[\/]/.test(path)) reply.header('access-control-allow-origin', '*');
        // The script tag's files carry no sourceMappingURL comment (bytes on every page): developer
        // tools find each one's map (`x.js.map`, beside it) through this header instead.
        // Looked up once per file (a sync stat on every request of a page's scripts otherwise).
        const file = path.replace(/\.(br|gz)$/, '');
        let map = sourceMaps.get(file);
        if (map === undefined) sourceMaps.set(file, (map = file.endsWith('.js') && existsSync(`${file}.map`) ? `${basename(file)}.map` : ''));
        if (map) reply.header('sourcemap', map);
      },
    });
  }
  if (config.siteDir && existsSync(config.siteDir)) {
    await app.register(fastifyStatic, { ...staticOptions, root: config.siteDir, prefix: '/', index: ['index.html'] });
  }
  return { app, ctx };
}
