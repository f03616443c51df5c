import type { ServerConfig } from '../config.js';
import type { ServerContext } from '../context.js';
import { HolidayStore } from '../holidays/store.js';
import type { StoredUnit } from '../units/store.js';
import { WorkingCalendar } from './working-days.js';

/**
 * A unit's feedback settings, in `units.settings.feedback` (set with `sipas-server feedback-settings`):
 * the answering period, its own extra holidays, its SMTP server and the page where the
 * feedback element is (linked from the emails).
 */
export interface FeedbackSettings {
  workingDays?: number;
  holidays?: string[];
  smtp?: { url: string; from?: string };
  lookupUrl?: string;
}

export function feedbackSettings(unit: StoredUnit): FeedbackSettings {
  const value = unit.settings.feedback;
  return value && typeof value === 'object' ? (value as FeedbackSettings) : {};
}

/** The unit's working calendar: the holiday decisions entered for it or its ancestors, and the extra days configured. */
export async function calendarFor(ctx: ServerContext, unit: StoredUnit): Promise<WorkingCalendar> {
  const decisions = await new HolidayStore(ctx.db, ctx.units).decisions(unit.id);
  return new WorkingCalendar([...ctx.config.holidays, ...(feedbackSettings(unit).holidays ?? [])], decisions);
}

export function workingDaysFor(config: ServerConfig, unit: StoredUnit): number {
  return feedbackSettings(unit).workingDays ?? config.feedbackWorkingDays;
}

/** The SMTP server for a unit's notices: its own, else the server-wide one, else none. */
export function smtpFor(config: ServerConfig, unit: StoredUnit): { url: string; from: string } | undefined {
  const own = feedbackSettings(unit).smtp;
  const url = own?.url ?? config.smtpUrl;
  if (!url) return undefined;
  return { url, from: own?.from ?? config.smtpFrom ?? `"${unit.name}" <no-reply@localhost>` };
}
