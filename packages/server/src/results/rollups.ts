/**
 * Roll-ups: the per-day result aggregates summed per month (`2026-03`), quarter (`2026-Q1`) and
 * year (`2026`), so that reading a period costs a few rows whatever the number of responses.
 * A period is read as the largest whole years, quarters and months it contains, from the roll-up
 * tables, and the days at its edges from the per-day tables (periodCover).
 */

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const DAY_MS = 86_400_000;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The roll-up periods a day (YYYY-MM-DD) counts in: its year, its quarter and its month. */
export function rollupPeriods(day: string): [year: string, quarter: string, month: string] {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return [year, `${year}-Q${Math.floor((month - 1) / 3) + 1}`, day.slice(0, 7)];
}

/** What to read for the days `from`…`to` (inclusive): roll-up periods, and day ranges at the edges. */
export interface PeriodCover {
  periods: string[];
  days: Array<[from: string, to: string]>;
}

/** The fewest roll-ups (years, then quarters, then months) and edge days that make up `from`…`to`. */
export function periodCover(from: string, to: string): PeriodCover {
  const cover: PeriodCover = { periods: [], days: [] };
  for (let cursor = from; cursor <= to; ) {
    const year = Number(cursor.slice(0, 4));
    const month = Number(cursor.slice(5, 7));
    const monthEnd = `${cursor.slice(0, 7)}-${pad(lastDayOf(year, month))}`;
    if (cursor.endsWith('-01')) {
      const quarterEndMonth = Math.ceil(month / 3) * 3;
      if (month === 1 && `${year}-12-31` <= to) {
        cover.periods.push(String(year));
        cursor = `${year + 1}-01-01`;
        continue;
      }
      if (month % 3 === 1 && `${year}-${pad(quarterEndMonth)}-${pad(lastDayOf(year, quarterEndMonth))}` <= to) {
        cover.periods.push(`${year}-Q${quarterEndMonth / 3}`);
        cursor = nextDay(`${year}-${pad(quarterEndMonth)}-${pad(lastDayOf(year, quarterEndMonth))}`);
        continue;
      }
      if (monthEnd <= to) {
        cover.periods.push(cursor.slice(0, 7));
        cursor = nextDay(monthEnd);
        continue;
      }
    }
    const end = monthEnd < to ? monthEnd : to;
    const last = cover.days.at(-1);
    // Two partial months side by side (the 20th of one to the 10th of the next) are one range.
    if (last && nextDay(last[1]) === cursor) last[1] = end;
    else cover.days.push([cursor, end]);
    cursor = nextDay(end);
  }
  return cover;
}

/** How the audit names a row's period: a day, or a month, quarter or year roll-up. */
export function periodWords(period: string): string {
  if (/^\d{4}$/.test(period)) return `cả năm ${period} (số liệu cộng dồn)`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `quý ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]} năm ${quarter[1]} (số liệu cộng dồn)`;
  if (/^\d{4}-\d{2}$/.test(period)) return `tháng ${period.slice(5, 7)}/${period.slice(0, 4)} (số liệu cộng dồn)`;
  return `ngày ${period.split('-').reverse().join('/')}`;
}
