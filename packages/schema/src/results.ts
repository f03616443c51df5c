import * as z from 'zod/mini';
import { CalendarDate, Instant, Slug } from './common.js';
import { FactorId } from './questionnaire.js';
import { AGGREGATION_RULES } from './scoring.js';

/**
 * Reporting periods (seed 000): a quarter `2026-Q3`, the cumulative `2026-H1` (6 tháng) and
 * `2026-9M` (9 tháng), the year `2026` (cả năm), or a date range `2026-01-01..2026-02-15`.
 */
export const PeriodId = z.string().check(
  z.regex(/^(\d{4}(-Q[1-4]|-H1|-9M)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/, 'kỳ báo cáo không hợp lệ'),
);

export interface Period {
  id: string;
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
  label: { vi: string; en: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a period id; undefined when it is not one. Dates are calendar dates in Vietnam time. */
export function parsePeriod(id: string): Period | undefined {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to) return undefined;
    return { id, from, to, label: { vi: `Từ ${from} đến ${to}`, en: `${from} to ${to}` } };
  }
  const match = /^(\d{4})(?:-(Q[1-4]|H1|9M))?$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const part = match[2];
  const span = (firstMonth: number, lastMonth: number) => ({
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
  });
  if (!part) return { id, ...span(1, 12), label: { vi: `Cả năm ${year}`, en: `Year ${year}` } };
  if (part === 'H1') return { id, ...span(1, 6), label: { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` } };
  if (part === '9M') return { id, ...span(1, 9), label: { vi: `9 tháng năm ${year}`, en: `First nine months of ${year}` } };
  const quarter = Number(part.slice(1));
  const roman = ['I', 'II', 'III', 'IV'][quarter - 1];
  return {
    id,
    ...span(quarter * 3 - 2, quarter * 3),
    label: { vi: `Quý ${roman} năm ${year}`, en: `Q${quarter} ${year}` },
  };
}

const Rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

export const CriterionResultPayload = z.object({
  item: z.string(),
  factor: FactorId,
  text: z.optional(z.string()),
  valid: z.number(),
  satisfied: z.number(),
  notApplicable: z.number(),
  rate: Rate,
  points: z.number(),
  maxPoints: z.number(),
});

export const FactorResultPayload = z.object({
  factor: FactorId,
  valid: z.number(),
  rate: Rate,
  points: z.number(),
  maxPoints: z.number(),
  pointsRate: Rate,
  /** This factor's share of the 30-point commune score (rate × 6); null when unscored. */
  score: z.nullable(z.number()),
});

/** Public results of a unit for a period. Below `minimumForms` no rate is published. */
export const Results = z.object({
  unit: Slug,
  unitName: z.string(),
  period: z.object({ id: z.string(), from: CalendarDate, to: CalendarDate, label: z.string() }),
  questionnaire: Slug,
  forms: z.number().check(z.int(), z.gte(0)),
  minimumForms: z.number().check(z.int(), z.gte(0)),
  /** False below the minimum: then only `forms` is meaningful ("chưa đủ dữ liệu"). */
  published: z.boolean(),
  aggregation: z.enum(AGGREGATION_RULES),
  index: z.optional(Rate),
  pointsRate: z.optional(Rate),
  points: z.optional(z.number()),
  maxPoints: z.optional(z.number()),
  score: z.optional(z.object({ total: z.number(), max: z.number(), scoredMax: z.number() })),
  factors: z.optional(z.array(FactorResultPayload)),
  criteria: z.optional(z.array(CriterionResultPayload)),
  /** The same figures for earlier periods of the same length, oldest first. */
  trend: z.optional(
    z.array(z.object({ period: z.string(), label: z.string(), forms: z.number(), index: z.optional(Rate) })),
  ),
  computedAt: Instant,
});
export type Results = z.infer<typeof Results>;
