/**
 * Vietnam time, once. Vietnam is UTC+7 all year (no daylight saving), so a calendar day there is
 * [D 00:00, D+1 00:00) at +07:00. Dates (`YYYY-MM-DD`) are calendar dates in Vietnam; instants are
 * ISO strings in UTC. Shown times use the `Asia/Ho_Chi_Minh` zone whatever the viewer's clock says.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const millis = (instant: string | Date | number) =>
  typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

/** `2026-03-31T17:30:00Z` → `2026-04-01`: the calendar date in Vietnam of an instant (now by default). */
export function vietnamDate(instant: string | Date | number = new Date()): string {
  return new Date(millis(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-04-01` → `2026-03-31T17:00:00.000Z`: the instant the day starts in Vietnam. */
export function vietnamDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the quarter an instant falls in, in Vietnam: `2026-10-01`. */
export function quarterStartDate(instant: string | Date | number = new Date()): string {
  const date = vietnamDate(instant);
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** The quarter an instant falls in, in Vietnam: `2026-Q4`. */
export function quarterOf(instant: string | Date | number = new Date()): string {
  const date = vietnamDate(instant);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * A date or an instant as a Date to format with `timeZone: VIETNAM_TIME_ZONE`: a calendar date
 * becomes its noon in Vietnam, so no time zone moves it to the day before or after.
 */
export function vietnamMoment(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
}

/** `Intl.DateTimeFormat` options in Vietnam time: `formatVietnam(value, 'vi-VN', { dateStyle: 'short' })`. */
export function formatVietnam(value: string | Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: VIETNAM_TIME_ZONE }).format(typeof value === 'string' ? vietnamMoment(value) : value);
}
