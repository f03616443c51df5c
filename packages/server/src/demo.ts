import type { ServerContext } from './context.js';
import { StaffStore } from './staff/store.js';
import { seedDemoFeedback } from './feedback/demo.js';
import { seedDemoProcedures } from './procedures/demo.js';
import { DEMO_DEPARTMENTS, seedDemoResponses } from './surveys/demo.js';
import type { SurveySettingsUpdate } from '@sipas/schema';
import { updateSurveySettings } from './surveys/settings.js';

export const DEMO_PROVINCE = 'tinh-mau';
export const DEMO_UNIT = 'phuong-tan-hoa';

/** Demo staff accounts. Demo only: a real unit creates its own with `sipas-server staff-add`. */
export const DEMO_STAFF = [
  { username: 'canbo', name: 'Nguyễn Thị Lan', role: 'staff' as const, password: 'tanhoa-canbo-demo' },
  { username: 'quantri', name: 'Trần Văn Minh', role: 'admin' as const, password: 'tanhoa-quantri-demo' },
];

/**
 * The demo ward: a fictional "Phường Tân Hòa" under a fictional province, with real procedures,
 * a season of survey responses and some feedback. Idempotent: running it twice changes nothing.
 */
export async function seedDemo(ctx: ServerContext, origins: string[], options: { surveyUrl?: string } = {}): Promise<void> {
  const existing = await ctx.units.get(DEMO_UNIT);
  await ctx.units.upsert({
    id: DEMO_PROVINCE,
    name: 'Tỉnh Mẫu',
    parent: null,
    questionnaire: 'bnv-2023',
    allowedOrigins: [],
  });
  await ctx.units.upsert({
    id: DEMO_UNIT,
    name: 'UBND phường Tân Hòa',
    parent: DEMO_PROVINCE,
    questionnaire: 'bnv-2023',
    allowedOrigins: [...new Set([...(existing?.allowedOrigins ?? []), ...origins])],
    address: 'Số 1 đường Trung tâm, phường Tân Hòa, Tỉnh Mẫu',
  });
  // The demo ward lists its departments and, when it serves the demo site, names that site's
  // survey page so the clerk's QR labels print at once (as an admin would with survey-settings).
  const unit = await ctx.units.get(DEMO_UNIT);
  const update: SurveySettingsUpdate = {};
  if (unit && !Array.isArray(unit.settings.fields)) update.fields = DEMO_DEPARTMENTS;
  if (unit && !unit.settings.surveyUrl && options.surveyUrl) update.surveyUrl = options.surveyUrl;
  if (unit && Object.keys(update).length > 0) await updateSurveySettings(ctx.db, ctx.units, unit, update, { id: null, name: 'Dữ liệu mẫu (demo)' });
  const staff = new StaffStore(ctx.db);
  for (const account of DEMO_STAFF) {
    if (!(await staff.findUser(DEMO_UNIT, account.username))) await staff.addUser({ unit: DEMO_UNIT, ...account });
  }
  await seedDemoProcedures(ctx, DEMO_UNIT);
  await seedDemoResponses(ctx, DEMO_UNIT);
  await seedDemoFeedback(ctx, DEMO_UNIT);
}
