import type { HolidayCalendar, HolidayYearInput } from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import { recordChange } from '../admin/changes.js';
import type { ServerContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import { requireAdmin } from '../procedures/import-routes.js';
import { HolidayStore } from './store.js';

/** The desk's holiday calendar: any staff member reads it (and its warning); admins amend a year. */
export async function registerHolidayRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new HolidayStore(ctx.db, ctx.units);
  const view = async (unit: string, year?: number): Promise<HolidayCalendar> => ({ unit, years: await store.view(unit, year ? [year] : []) });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/holidays', async ({ unit, query, reply }) => {
    reply.header('cache-control', 'no-store');
    return view(unit.id, query.year ? Number(query.year) : undefined);
  });

  handle(app, ctx, 'PUT', '/v1/staff/units/:unit/holidays/:year', async ({ unit, params, body, staff }) => {
    requireAdmin(staff);
    const year = Number(params.year);
    const wrong = [...body.days.map((d) => d.date), ...(body.workingDays ?? [])].filter((d) => !d.startsWith(`${year}-`) && !d.startsWith(`${year - 1}-12-`));
    if (wrong.length) {
      throw new ProblemError(400, `Các ngày phải thuộc năm ${year}.`, {
        code: 'date_outside_year',
        errors: wrong.map((d) => ({ path: 'days', code: 'date_outside_year', message: `${d} không thuộc năm ${year}` })),
      });
    }
    await ctx.db.transaction(async (tx) => {
      await store.save(unit.id, year, body, staff!.name, tx);
      await recordChange(tx, unit.id, { id: staff!.id, name: staff!.name }, 'holidays.confirmed', String(year), {
        decision: body.decision,
        days: body.days.length,
        workingDays: body.workingDays?.length ?? 0,
      });
    });
    return view(unit.id, year);
  });

  handle(app, ctx, 'DELETE', '/v1/staff/units/:unit/holidays/:year', async ({ unit, params, staff }) => {
    requireAdmin(staff);
    await ctx.db.transaction(async (tx) => {
      if (await store.remove(unit.id, Number(params.year), tx)) {
        await recordChange(tx, unit.id, { id: staff!.id, name: staff!.name }, 'holidays.removed', params.year!);
      }
    });
    return view(unit.id, Number(params.year));
  });
}
