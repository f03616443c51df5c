import * as z from 'zod/mini';
import { line } from './strings.js';
import { CalendarDate, Instant, LocalizedText, Slug } from './common.js';
import { FactorId } from './questionnaire.js';
import { LEGACY_SOURCE, RESPONSE_SOURCES } from './channels.js';
import { AGGREGATION_RULES } from './scoring.js';

/** Years a period may name: the survey began in 2017; anything far outside is a typo or a probe. */
export const PERIOD_YEARS = { min: 2000, max: 2099 } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A real calendar date (no 31 February) in a year of PERIOD_YEARS. */
function realDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return (
    year >= PERIOD_YEARS.min && year <= PERIOD_YEARS.max && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month)
  );
}

export interface Period {
  id: string;
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
  label: { vi: string; en: string };
}

/** Parses a period id; undefined when it is not one. Dates are calendar dates in Vietnam time. */
export function parsePeriod(id: string): Period | undefined {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (!realDate(from) || !realDate(to) || from > to) return undefined;
    return { id, from, to, label: { vi: `Từ ${from} đến ${to}`, en: `${from} to ${to}` } };
  }
  const match = /^(\d{4})(?:-(Q[1-4]|H1|9M))?$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) return undefined;
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

/**
 * Reporting periods (seed 000): a quarter `2026-Q3`, the cumulative `2026-H1` (6 tháng) and
 * `2026-9M` (9 tháng), the year `2026` (cả năm), or a date range `2026-01-01..2026-02-15`.
 * Only real dates in years PERIOD_YEARS, the range in order: anything else is a 400, never a 500.
 */
export const PeriodId = line(
  z.regex(/^(\d{4}(-Q[1-4]|-H1|-9M)?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/, 'kỳ báo cáo không hợp lệ'),
  z.refine(
    (id) => parsePeriod(id) !== undefined,
    `Kỳ báo cáo không hợp lệ: ngày phải có thật, năm trong khoảng ${PERIOD_YEARS.min}–${PERIOD_YEARS.max}, ngày đầu không sau ngày cuối.`,
  ),
);

/** The kind of a period, for trends: the same kind, earlier. */
export type PeriodKind = 'quarter' | 'half' | 'nine-months' | 'year' | 'range';

export function periodKind(id: string): PeriodKind {
  if (id.includes('..')) return 'range';
  if (/-Q[1-4]$/.test(id)) return 'quarter';
  if (id.endsWith('-H1')) return 'half';
  if (id.endsWith('-9M')) return 'nine-months';
  return 'year';
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The last `count` periods of the same kind, oldest first, ending with `id`: quarters step back
 * a quarter, the cumulative 6- and 9-month periods and the year step back a year, a date range
 * steps back by its own length. [] when `id` is not a period.
 */
export function trendPeriods(id: string, count = 4): string[] {
  const period = parsePeriod(id);
  if (!period) return [];
  const kind = periodKind(id);
  const ids: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    if (kind === 'range') {
      const length = dayNumber(period.to) - dayNumber(period.from) + 1;
      const from = dayNumber(period.from) - back * length;
      ids.push(`${dateOf(from)}..${dateOf(from + length - 1)}`);
    } else if (kind === 'quarter') {
      const [year, quarter] = [Number(id.slice(0, 4)), Number(id.slice(6))];
      const index = year * 4 + (quarter - 1) - back;
      ids.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
    } else {
      ids.push(`${Number(id.slice(0, 4)) - back}${id.slice(4)}`);
    }
  }
  // Earlier periods before the first year a period may name are simply not there.
  return ids.filter((earlier) => parsePeriod(earlier) !== undefined);
}


const Rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));
const Label = z.object({ vi: z.string(), en: z.string() });

export const CriterionResultPayload = z.object({
  item: z.string(),
  /** The questionnaire the criterion belongs to (criteria of two questionnaires are never merged). */
  questionnaire: z.string(),
  factor: FactorId,
  /** Number on the printed form, when it has one. */
  number: z.optional(z.number()),
  text: z.optional(LocalizedText),
  valid: z.number(),
  satisfied: z.number(),
  notApplicable: z.number(),
  /** Answers 4–5 ÷ valid answers; null when nobody answered. */
  rate: Rate,
  points: z.number(),
  maxPoints: z.number(),
});
export type CriterionResultPayload = z.infer<typeof CriterionResultPayload>;

export const FactorResultPayload = z.object({
  factor: FactorId,
  title: z.optional(LocalizedText),
  valid: z.number(),
  /** Mean of the factor's criteria rates. */
  rate: Rate,
  points: z.number(),
  maxPoints: z.number(),
  pointsRate: Rate,
  /** This factor's share of the 30-point commune score (rate × 6, cut to two decimals); null when unscored. */
  score: z.nullable(z.number()),
});
export type FactorResultPayload = z.infer<typeof FactorResultPayload>;

/** A department or field (lĩnh vực) as in seed 002's table: forms, points, maximum, rate. */
export const FieldResultPayload = z.object({
  /** The response context's field; null for responses that named none. */
  field: z.nullable(z.string()),
  forms: z.number(),
  published: z.boolean(),
  points: z.optional(z.number()),
  maxPoints: z.optional(z.number()),
  pointsRate: z.optional(Rate),
});
export type FieldResultPayload = z.infer<typeof FieldResultPayload>;

/** One channel's figures beside the total (channels.ts); `legacy`: responses from before channels. */
export const ChannelResultPayload = z.object({
  channel: z.enum([...RESPONSE_SOURCES, LEGACY_SOURCE]),
  forms: z.number(),
  /** Counted in the unit's published index (its chosen channels; legacy responses always). */
  inIndex: z.boolean(),
  /** In the index and enough forms to publish this channel's own figure. */
  published: z.boolean(),
  /** The channel's own index; public only when published, always for staff and supervisors. */
  index: z.optional(Rate),
});
export type ChannelResultPayload = z.infer<typeof ChannelResultPayload>;

export const TrendPoint = z.object({
  period: z.string(),
  label: Label,
  forms: z.number(),
  published: z.boolean(),
  index: z.optional(Rate),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** Public results of a unit for a period. Below `minimumForms` no rate is published. */
export const Results = z.object({
  unit: Slug,
  unitName: z.string(),
  /** The units whose responses are counted: the unit and every unit below it. */
  units: z.array(Slug),
  period: z.object({ id: z.string(), from: CalendarDate, to: CalendarDate, label: Label }),
  /** The questionnaire most of the period's forms answered. */
  questionnaire: z.nullable(Slug),
  forms: z.number().check(z.int(), z.gte(0)),
  minimumForms: z.number().check(z.int(), z.gte(0)),
  /** False below the minimum: then only `forms` is meaningful ("chưa đủ dữ liệu"). */
  published: z.boolean(),
  aggregation: z.enum(AGGREGATION_RULES),
  /** How figures are cut to two decimals for people (seed 002 truncates). */
  rounding: z.enum(['truncate', 'half-up']),
  index: z.optional(Rate),
  pointsRate: z.optional(Rate),
  points: z.optional(z.number()),
  maxPoints: z.optional(z.number()),
  score: z.optional(z.object({ total: z.number(), max: z.number(), scoredMax: z.number() })),
  factors: z.optional(z.array(FactorResultPayload)),
  criteria: z.optional(z.array(CriterionResultPayload)),
  fields: z.optional(z.array(FieldResultPayload)),
  /** Each channel's figures beside the total; `forms` and `index` above count the published channels only. */
  channels: z.optional(z.array(ChannelResultPayload)),
  /** The channels the unit publishes (default: verified dossiers and kiosks). */
  publishedChannels: z.optional(z.array(z.enum(RESPONSE_SOURCES))),
  /** The last four periods of the same kind, oldest first, ending with this one. */
  trend: z.array(TrendPoint),
  computedAt: Instant,
});
export type Results = z.infer<typeof Results>;

export const REPORT_FORMATS = ['csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
