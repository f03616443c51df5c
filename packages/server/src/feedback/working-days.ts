import { lawHolidays } from '../holidays/law.js';
import type { YearDays } from '../holidays/store.js';

/**
 * Working days for feedback deadlines. Saturdays and Sundays are not working days, nor are the
 * public holidays: for each year the decision an admin entered (the Prime Minister's yearly days
 * off, swapped working days included), else the Labour Code's holidays computed for that year
 * (holidays/law.ts: Tết and Giỗ Tổ from the lunar calendar, 1/1, 30/4, 1/5, 2/9 and the day
 * beside it, compensatory days), plus configured extra dates. Dates are calendar dates in
 * Vietnam (UTC+7, no daylight saving).
 */

/** Default period for answering a case, in working days; a unit may set its own. */
export const DEFAULT_FEEDBACK_WORKING_DAYS = 10;

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) in Vietnam of an instant: the schema's one implementation. */
export { vietnamDate } from '@sipas/schema';

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export class WorkingCalendar {
  private readonly extra: Set<string>;
  private readonly years = new Map<number, { off: Set<string>; working: Set<string> }>();

  /**
   * @param holidays extra non-working dates (YYYY-MM-DD), on top of weekends and the year's holidays
   * @param decisions the entered decisions by year; a year without one uses the computed law holidays
   */
  constructor(
    holidays: Iterable<string> = [],
    private readonly decisions: ReadonlyMap<number, YearDays> = new Map(),
  ) {
    this.extra = new Set(holidays);
  }

  private year(year: number): { off: Set<string>; working: Set<string> } {
    let days = this.years.get(year);
    if (!days) {
      const decided = this.decisions.get(year);
      days = {
        off: new Set((decided?.holidays ?? lawHolidays(year)).map((d) => d.date)),
        working: new Set(decided?.workingDays ?? []),
      };
      this.years.set(year, days);
    }
    return days;
  }

  isWorkingDay(date: string): boolean {
    if (this.extra.has(date)) return false;
    const year = Number(date.slice(0, 4));
    // A holiday list may reach into the neighbouring year (a compensatory day, Tết's eve).
    const lists = [this.year(year), this.year(year + 1), this.year(year - 1)];
    if (lists.some((l) => l.working.has(date))) return true;
    const weekday = new Date(toTime(date)).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !lists.some((l) => l.off.has(date));
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
