import type { HolidayYear, HolidayYearInput } from '@sipas/schema';
import type { Database, Queryable } from '../db/database.js';
import type { UnitStore } from '../units/store.js';
import { lawHolidays, type Holiday } from './law.js';

interface Row {
  unit: string;
  year: number | string;
  days: string;
  working_days: string;
  decision: string;
  updated_by: string;
  updated_at: string;
}

/** A year's days off as they apply to a unit: a confirmed decision, or the computed law days. */
export interface YearDays {
  year: number;
  holidays: Holiday[];
  workingDays: string[];
  /** The unit whose decision applies (itself or an ancestor), when one was entered. */
  decidedBy?: string;
  decision?: string;
  updatedBy?: string;
  updatedAt?: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The years whose days off matter now: this year in Vietnam, and the next one from October on
 * (deadlines counted from December run into January, and Tết can be in late January).
 */
export function yearsInUse(now = new Date()): number[] {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  return local.getUTCMonth() >= 9 ? [year, year + 1] : [year];
}

export class HolidayStore {
  constructor(
    private readonly db: Database,
    private readonly units: UnitStore,
  ) {}

  /** The unit and its ancestors, nearest first. */
  private async chain(unit: string): Promise<string[]> {
    const chain: string[] = [];
    let current = await this.units.get(unit);
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parent ? await this.units.get(current.parent) : undefined;
    }
    return chain;
  }

  /** Every decision that applies to `unit`, by year (its own over an ancestor's). */
  async decisions(unit: string): Promise<Map<number, YearDays>> {
    const chain = await this.chain(unit);
    if (chain.length === 0) return new Map();
    const rows = await this.db.all<Row>(
      `SELECT unit, year, days, working_days, decision, updated_by, updated_at FROM holiday_years WHERE unit IN (${chain.map(() => '?').join(',')})`,
      chain,
    );
    const byYear = new Map<number, YearDays>();
    for (const row of rows.sort((a, b) => chain.indexOf(b.unit) - chain.indexOf(a.unit))) {
      const year = Number(row.year);
      byYear.set(year, {
        year,
        holidays: JSON.parse(row.days) as Holiday[],
        workingDays: JSON.parse(row.working_days) as string[],
        decidedBy: row.unit,
        decision: row.decision,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      });
    }
    return byYear;
  }

  /** The days off of `years` for `unit`: entered decisions where they exist, else the law's computed days. */
  async years(unit: string, years: number[]): Promise<YearDays[]> {
    const decided = await this.decisions(unit);
    return years.map((year) => decided.get(year) ?? { year, holidays: lawHolidays(year), workingDays: [] });
  }

  async save(unit: string, year: number, input: HolidayYearInput, by: string, db: Queryable = this.db): Promise<void> {
    const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
    const now = new Date().toISOString();
    await db.run(
      `INSERT INTO holiday_years (unit, year, days, working_days, decision, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit, year) DO UPDATE SET days = excluded.days, working_days = excluded.working_days,
         decision = excluded.decision, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [unit, year, JSON.stringify(days), JSON.stringify([...input.workingDays ?? []].sort()), input.decision, by, now],
    );
  }

  async remove(unit: string, year: number, db: Queryable = this.db): Promise<boolean> {
    return (await db.run('DELETE FROM holiday_years WHERE unit = ? AND year = ?', [unit, year])).changes > 0;
  }

  /** The view the desk shows: each year in use (and any asked for), whether confirmed, and the warnings. */
  async view(unit: string, extraYears: number[] = [], now = new Date()): Promise<HolidayYear[]> {
    const years = [...new Set([...yearsInUse(now), ...extraYears])].sort();
    const inUse = new Set(yearsInUse(now));
    return (await this.years(unit, years)).map((y) => ({
      year: y.year,
      confirmed: y.decision !== undefined,
      inUse: inUse.has(y.year),
      days: y.holidays,
      workingDays: y.workingDays,
      ...(y.decision !== undefined
        ? { decision: y.decision, decidedBy: y.decidedBy!, updatedBy: y.updatedBy!, updatedAt: y.updatedAt! }
        : {}),
      ...(y.decision === undefined && inUse.has(y.year)
        ? {
            warning: `Chưa có danh sách ngày nghỉ năm ${y.year} đã xác nhận theo quyết định của Thủ tướng/thông báo của Bộ Nội vụ; hạn trả lời phản ánh đang tính theo ngày nghỉ dự kiến theo Bộ luật Lao động (Tết: ngày cuối năm và mùng 1–4).`,
          }
        : {}),
    }));
  }
}
