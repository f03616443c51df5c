/**
 * Working days for feedback deadlines. Saturdays and Sundays are not working days, nor are the
 * public holidays: the fixed solar ones every year (Bộ luật Lao động 2019, Điều 112: 1/1, 30/4,
 * 1/5, 2/9) plus a configured list of dates, which must carry the lunar holidays (Tết Nguyên đán,
 * Giỗ Tổ Hùng Vương), the adjacent day of Quốc khánh and any compensatory days the government
 * announces each year. Dates are calendar dates in Vietnam (UTC+7, no daylight saving).
 */

/** Month-day of the solar public holidays, every year. */
export const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'] as const;

/** Default period for answering a case, in working days; a unit may set its own. */
export const DEFAULT_FEEDBACK_WORKING_DAYS = 10;

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) in Vietnam of an instant: the schema's one implementation. */
export { vietnamDate } from '@sipas/schema';

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export class WorkingCalendar {
  private readonly holidays: Set<string>;

  /** @param holidays extra non-working dates (YYYY-MM-DD), on top of weekends and the fixed holidays */
  constructor(holidays: Iterable<string> = []) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(date: string): boolean {
    const weekday = new Date(toTime(date)).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    if (this.holidays.has(date)) return false;
    return !(FIXED_HOLIDAYS as readonly string[]).includes(date.slice(5));
  }

  /**
   * The `days`-th working day after `date`: the day of receipt does not count, whatever its
   * kind. A case received on Friday with 1 working day is due on Monday (if Monday works).
   */
  addWorkingDays(date: string, days: number): string {
    let time = toTime(date);
    let left = days;
    while (left > 0) {
      time += DAY_MS;
      if (this.isWorkingDay(fromTime(time))) left -= 1;
    }
    return fromTime(time);
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let time = toTime(from) + DAY_MS; time <= toTime(to); time += DAY_MS) {
      if (this.isWorkingDay(fromTime(time))) count += 1;
    }
    return count;
  }
}
