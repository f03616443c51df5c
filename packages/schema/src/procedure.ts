import * as z from 'zod/mini';
import { line, text, webUrl } from './strings.js';
import { CalendarDate } from './common.js';

/** Procedure code of the national database, e.g. "1.001193" or "2.000635". */
export const ProcedureCode = line(z.minLength(1), z.maxLength(32), z.regex(/^[A-Za-z0-9.\-_]+$/));

export const SUBMISSION_KINDS = ['direct', 'post', 'online'] as const;

/** One way to submit (trực tiếp, bưu chính công ích, trực tuyến) with its own time limit and fee. */
export const SubmissionChannel = z.object({
  kind: z.enum(SUBMISSION_KINDS),
  /** As published: "5 ngày làm việc", "Trong ngày". */
  timeLimit: text(z.maxLength(300)),
  /** As published: "Miễn phí", "Lệ phí: 8.000 đồng/bản". */
  fee: text(z.maxLength(500)),
  description: z.optional(text(z.maxLength(2000))),
});
export type SubmissionChannel = z.infer<typeof SubmissionChannel>;

export const ProcedureDocument = z.object({
  name: text(z.minLength(1), z.maxLength(1000)),
  /** Link to the form template (mẫu đơn, tờ khai), when there is one. */
  template: z.optional(text(z.maxLength(500))),
  /** "1 bản chính", "2 bản sao". */
  copies: z.optional(text(z.maxLength(100))),
  /** The case the document belongs to, when the list differs by case ("Trường hợp đăng ký lại"). */
  group: z.optional(text(z.maxLength(500))),
});
export type ProcedureDocument = z.infer<typeof ProcedureDocument>;

export const LegalBasis = z.object({
  /** Số hiệu: "60/2014/QH13". */
  number: text(z.minLength(1), z.maxLength(100)),
  /** Trích yếu. */
  title: text(z.maxLength(1000)),
  issuedOn: z.optional(CalendarDate),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const ONLINE_LEVELS = ['full', 'partial'] as const;

export const Procedure = z.object({
  code: ProcedureCode,
  name: text(z.minLength(1), z.maxLength(1000)),
  /** Cấp thực hiện: "Cấp xã", "Cấp tỉnh" … */
  level: text(z.minLength(1), z.maxLength(100)),
  /** Lĩnh vực: "Hộ tịch", "Chứng thực" … */
  field: text(z.minLength(1), z.maxLength(200)),
  /** Đối tượng thực hiện. */
  applicants: z.array(text(z.maxLength(200))),
  /** Cơ quan thực hiện. */
  agency: text(z.maxLength(2000)),
  /** Trình tự thực hiện, one entry per step. */
  steps: z.array(text(z.maxLength(4000))),
  channels: z.array(SubmissionChannel),
  documents: z.array(ProcedureDocument),
  legalBasis: z.array(LegalBasis),
  /** Kết quả. */
  result: text(z.maxLength(2000)),
  /** Yêu cầu, điều kiện. */
  conditions: z.optional(text(z.maxLength(4000))),
  /** Link to the online public service, when the procedure is offered online. */
  onlineUrl: z.optional(webUrl(z.maxLength(500))),
  /** full = trực tuyến toàn trình, partial = một phần. */
  onlineLevel: z.optional(z.enum(ONLINE_LEVELS)),
  /** Số quyết định công bố. */
  decision: z.optional(text(z.maxLength(200))),
  /** The procedure's page in the national database (dichvucong.gov.vn), when known. */
  sourceUrl: z.optional(webUrl(z.maxLength(500))),
  updatedAt: CalendarDate,
});
export type Procedure = z.infer<typeof Procedure>;

/** What a list and its search need; the detail is fetched on demand. */
export const ProcedureSummary = z.object({
  code: ProcedureCode,
  name: z.string(),
  level: z.string(),
  field: z.string(),
  onlineLevel: z.optional(z.enum(ONLINE_LEVELS)),
  /** Can be submitted online: an online channel, an online level or an online-service link. */
  online: z.boolean(),
  updatedAt: CalendarDate,
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureList = z.object({
  unit: z.string(),
  /** Newest `updatedAt` in the list. */
  updatedAt: z.nullable(CalendarDate),
  procedures: z.array(ProcedureSummary),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

/**
 * The static catalogue a webmaster without a server publishes as a JSON file and points the
 * element's `src` attribute at; also the format `import-procedures` reads and the demo data uses.
 */
export const ProcedureCatalogue = z.object({
  unit: z.optional(z.string()),
  updatedAt: z.optional(z.nullable(CalendarDate)),
  procedures: z.array(Procedure),
});
export type ProcedureCatalogue = z.infer<typeof ProcedureCatalogue>;

