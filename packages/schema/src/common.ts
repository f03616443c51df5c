import * as z from 'zod/mini';
import { line, text } from './strings.js';

/** Text in Vietnamese (always) and English (when translated). Vietnamese is the source of truth. */
export const LocalizedText = z.object({
  vi: text(z.minLength(1)),
  en: z.optional(text()),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A unit id, procedure code or questionnaire id: short, URL-safe, stable. */
export const Slug = line(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'chỉ dùng chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
);

export const Uuid = z.uuid();

/** ISO 8601 instant with a timezone, as the server stamps it. */
export const Instant = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso.date();
/**
 * A date a caller asks about (a report's or an opening's first or last day): a real calendar date
 * in a year 2000–2099, so date arithmetic never leaves the range a Date can hold.
 */
export const DayInput = z.iso.date().check(
  z.refine((day) => {
    const year = Number(day.slice(0, 4));
    return year >= 2000 && year <= 2099;
  }, 'Năm phải trong khoảng 2000–2099.'),
);

/** RFC 9457 problem details: the body of every error the endpoint answers. */
export const ProblemField = z.object({
  /** Path of the offending field, dot-separated: `answers.q15`, `context.dossier`. */
  path: z.string(),
  /** Machine-readable reason: `required`, `too_big`, `invalid_format`, `unknown_item` … */
  code: z.string(),
  /** Human-readable message, Vietnamese. */
  message: z.string(),
});
export type ProblemField = z.infer<typeof ProblemField>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Stable code a client can switch on, e.g. `dossier_already_rated`. */
  code: z.optional(z.string()),
  /** Invalid fields, for 400 answers. */
  errors: z.optional(z.array(ProblemField)),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Picks the Vietnamese or English text, falling back to Vietnamese. */
export function localize(text: LocalizedText, locale: string): string {
  return locale.startsWith('en') && text.en ? text.en : text.vi;
}

export { canonicalJson } from './canonical.js';

