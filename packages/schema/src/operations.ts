import * as z from 'zod/mini';
import { CalendarDate, Instant, Slug } from './common.js';

/** One day off: a public holiday, a Tết day, or a compensatory day. */
export const HolidayDay = z.object({ date: CalendarDate, name: z.string().check(z.minLength(1), z.maxLength(200)) });

/** What an admin enters for a year: the decision's days off, all of them, and the weekend days made working. */
export const HolidayYearInput = z.object({
  /** The act it comes from, e.g. "Thông báo 6150/TB-BNV ngày 01/11/2026 của Bộ Nội vụ". */
  decision: z.string().check(z.minLength(3), z.maxLength(500)),
  days: z.array(HolidayDay).check(z.minLength(1), z.maxLength(60)),
  workingDays: z.optional(z.array(CalendarDate).check(z.maxLength(20))),
});
export type HolidayYearInput = z.infer<typeof HolidayYearInput>;

/** A year's days off as they apply to a unit, and whether someone confirmed them. */
export const HolidayYear = z.object({
  year: z.number(),
  /** True when an admin entered the year's decision (this unit's or an ancestor's). */
  confirmed: z.boolean(),
  /** Deadlines are being counted in this year now (this year; next year from October). */
  inUse: z.boolean(),
  days: z.array(HolidayDay),
  workingDays: z.array(CalendarDate),
  decision: z.optional(z.string()),
  decidedBy: z.optional(Slug),
  updatedBy: z.optional(z.string()),
  updatedAt: z.optional(Instant),
  /** Shown in the desk: a year in use without a confirmed list (Vietnamese). */
  warning: z.optional(z.string()),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

export const HolidayCalendar = z.object({ unit: Slug, years: z.array(HolidayYear) });
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

/** An office file sent from the desk: its name and its bytes in base64 (XLSX, CSV, JSON). */
export const ProcedureImportRequest = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  content: z.string().check(z.minLength(1), z.regex(/^[A-Za-z0-9+/=\r\n]+$/)),
  /** Remove the unit's procedures that are not in the file. */
  replace: z.optional(z.boolean()),
  /** Import the valid rows and leave the others out. */
  skipInvalid: z.optional(z.boolean()),
});
export type ProcedureImportRequest = z.infer<typeof ProcedureImportRequest>;

export const ImportRowProblem = z.object({
  /** "dòng 4" (CSV/XLSX line) or "bản ghi 3" (JSON record). */
  position: z.string(),
  code: z.optional(z.string()),
  name: z.optional(z.string()),
  problems: z.array(z.string()),
});

/** What confirming would change; nothing is written until it is confirmed. */
export const ProcedureImportPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  /** Detected format and text encoding, e.g. "xlsx", "csv ; windows-1258". */
  format: z.string(),
  total: z.number(),
  valid: z.number(),
  invalid: z.array(ImportRowProblem),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  unchanged: z.number(),
  removed: z.array(z.string()),
  /** False when invalid rows block it (without skipInvalid) or nothing would change. */
  canConfirm: z.boolean(),
});
export type ProcedureImportPreview = z.infer<typeof ProcedureImportPreview>;

export const ProcedureImportResult = z.object({ added: z.number(), changed: z.number(), unchanged: z.number(), removed: z.number() });
export type ProcedureImportResult = z.infer<typeof ProcedureImportResult>;

export const Readiness = z.object({ status: z.literal('ready'), database: z.string(), migrations: z.string() });
