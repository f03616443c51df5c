import { parsePeriod, quarterOf, type ReportFormat, type Results } from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { conditional, entityTag } from '../http/conditional.js';
import { invalid } from '../http/problem.js';
import { handle } from '../http/route.js';
import { reportCsv, reportHtml, reportXlsx } from './report.js';
import { ResultsStore } from './store.js';

/**
 * Results move as responses arrive, but a badge on a busy portal must not cost a query per page
 * view: caches may keep them a minute, then revalidate with If-None-Match (304 while unchanged).
 */
export const RESULTS_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';

/** The entity tag of a result: everything but the time it was computed. */
export function resultsEtag(results: Results): string {
  const { computedAt: _time, ...figures } = results;
  return entityTag(figures);
}

function periodOf(query: Record<string, string | undefined>): string {
  const id = query.period ?? quarterOf(new Date());
  if (!parsePeriod(id)) {
    throw invalid([{ path: 'period', code: 'invalid_period', message: 'Kỳ báo cáo không hợp lệ (ví dụ 2026-Q3, 2026-H1, 2026-9M, 2026).' }]);
  }
  return id;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** The results routes of the contract (@sipas/schema api/results.ts). */
export async function registerResultsRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new ResultsStore(ctx.db, ctx.units);

  handle(app, ctx, 'GET', '/v1/units/:unit/results', async ({ unit, query, request, reply }) => {
    const results = (await store.results(unit, periodOf(query), { audience: 'public', defaultMinimum: ctx.config.minimumForms }))!;
    if (conditional(request, reply, resultsEtag(results), RESULTS_CACHE_CONTROL)) return reply;
    return results;
  });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/report', async ({ unit, query, reply }) => {
    const period = periodOf(query);
    const format = (query.format ?? 'html') as ReportFormat;
    const results = (await store.results(unit, period, { audience: 'staff', defaultMinimum: ctx.config.minimumForms }))!;
    const filename = `bao-cao-sipas-${unit.id}-${period.replace('..', '_')}.${format}`;
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${filename}"`);
    if (format === 'csv') return reportCsv(results);
    if (format === 'xlsx') return reportXlsx(results);
    return reportHtml(results);
  });
}
