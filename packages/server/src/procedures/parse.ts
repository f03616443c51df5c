import { Procedure } from '@sipas/schema';
import type { SourceRow } from './read.js';
import {
  isNationalRecord,
  parseChannels,
  parseDocuments,
  parseLegalBasis,
  parseResult,
  parseSteps,
  splitList,
  text,
  type NationalRecord,
} from './national.js';

export { parseCsv, type SourceRow } from './read.js';

export interface RowIssue {
  position: string;
  code: string | undefined;
  name: string | undefined;
  problems: string[];
}

export interface ParsedRow {
  position: string;
  procedure: Procedure | undefined;
  problems: string[];
  /** What was taken apart imperfectly but still imported (flattened national fields). */
  warnings: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** A cell that holds a list: a JSON array as such, else one item per line (CSV). */
function listCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return trimmed.split('\n').map((item) => item.trim()).filter(Boolean);
}

/** Our own schema, from JSON or from CSV cells (lists as JSON or one item per line; empty cells dropped). */
function fromOwn(record: Record<string, unknown>, date: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '' || value === null) continue;
    out[key] = ['applicants', 'steps', 'channels', 'documents', 'legalBasis'].includes(key) ? listCell(value) : value;
  }
  for (const key of ['applicants', 'steps', 'channels', 'documents', 'legalBasis']) out[key] ??= [];
  out.agency ??= '';
  out.result ??= '';
  out.updatedAt ??= date;
  return out;
}

/** The national database's field names → our schema. */
export function fromNational(record: NationalRecord, date: string, warnings: string[]): Record<string, unknown> {
  const channels = parseChannels(text(record.cach_thuc_thuc_hien), warnings);
  const url = text(record.detail_url);
  const conditions = text(record.yeu_cau_dieu_kien);
  const decision = text(record.so_quyet_dinh);
  const online = channels.some((c) => c.kind === 'online');
  return {
    code: text(record.ma_thu_tuc),
    name: text(record.ten_thu_tuc).replace(/\s+/g, ' '),
    level: text(record.cap_thuc_hien),
    field: text(record.linh_vuc),
    applicants: splitList(text(record.doi_tuong_thuc_hien)),
    agency: text(record.co_quan_thuc_hien) || text(record.co_quan_co_tham_quyen),
    steps: parseSteps(text(record.trinh_tu_thuc_hien)),
    channels,
    documents: parseDocuments(text(record.thanh_phan_ho_so), warnings),
    legalBasis: parseLegalBasis(text(record.can_cu_phap_ly), warnings),
    result: parseResult(text(record.ket_qua_xu_ly)).slice(0, 2000),
    ...(conditions ? { conditions: conditions.slice(0, 4000) } : {}),
    ...(decision ? { decision } : {}),
    // The portal page of the procedure is where it is submitted online.
    ...(url ? { sourceUrl: url, ...(online ? { onlineUrl: url } : {}) } : {}),
    updatedAt: text(record.ngay_cap_nhat) || date,
  };
}

/** Which national field each of ours is taken from, to name the column of a problem. */
const NATIONAL_SOURCE: Record<string, string> = {
  code: 'ma_thu_tuc',
  name: 'ten_thu_tuc',
  level: 'cap_thuc_hien',
  field: 'linh_vuc',
  applicants: 'doi_tuong_thuc_hien',
  agency: 'co_quan_thuc_hien',
  steps: 'trinh_tu_thuc_hien',
  channels: 'cach_thuc_thuc_hien',
  documents: 'thanh_phan_ho_so',
  legalBasis: 'can_cu_phap_ly',
  result: 'ket_qua_xu_ly',
  conditions: 'yeu_cau_dieu_kien',
  decision: 'so_quyet_dinh',
  sourceUrl: 'detail_url',
  onlineUrl: 'detail_url',
  updatedAt: 'ngay_cap_nhat',
};

/** What is wrong with a value, in the words an office clerk reads (the schema's own words when it has them). */
function vietnameseIssue(issue: { code: string; message: string; input?: unknown; maximum?: unknown }): string {
  const empty = issue.input === undefined || issue.input === null || (typeof issue.input === 'string' && issue.input.trim() === '');
  if (empty) return 'ô trống, cần điền';
  if (issue.message && issue.message !== 'Invalid input' && /[à-ỹđ]/i.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? `quá dài (tối đa ${issue.maximum} ký tự)` : 'quá dài';
    case 'too_small':
      return 'quá ngắn';
    case 'invalid_format':
      return 'sai định dạng';
    case 'invalid_value':
      return 'giá trị không có trong danh sách được phép';
    case 'invalid_type':
      return 'sai kiểu dữ liệu';
    default:
      return 'giá trị không hợp lệ';
  }
}

/** Maps and validates one record of an import file. */
export function parseRow(row: SourceRow, date = today()): ParsedRow {
  const warnings: string[] = [];
  const candidate = isNationalRecord(row.record) ? fromNational(row.record, date, warnings) : fromOwn(row.record, date);
  const result = Procedure.safeParse(candidate);
  if (result.success) return { position: row.position, procedure: result.data, problems: [], warnings };
  const national = isNationalRecord(row.record);
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(bản ghi)';
    const top = String(issue.path[0] ?? '');
    const column = row.columns?.[national ? (NATIONAL_SOURCE[top] ?? top) : top];
    const value = issue.path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), candidate);
    return `${field}: ${vietnameseIssue({ ...issue, input: value })}${column ? ` — ${column}` : ''}`;
  });
  return { position: row.position, procedure: undefined, problems, warnings };
}

/** Parses every row and adds a problem to each repeat of a code already seen in the file. */
export function parseRows(rows: SourceRow[], date = today()): ParsedRow[] {
  const seen = new Map<string, string>();
  return rows.map((row) => {
    const parsed = parseRow(row, date);
    const code = parsed.procedure?.code;
    if (code) {
      const first = seen.get(code);
      if (first) parsed.problems.push(`code: ${code} repeats ${first} (mã thủ tục trùng với ${first})`);
      else seen.set(code, row.position);
    }
    if (parsed.problems.length) parsed.procedure = undefined;
    return parsed;
  });
}

export function issueOf(row: ParsedRow, source: SourceRow): RowIssue {
  const code = source.record.code ?? source.record.ma_thu_tuc;
  const name = source.record.name ?? source.record.ten_thu_tuc;
  return {
    position: row.position,
    code: typeof code === 'string' && code ? code : undefined,
    name: typeof name === 'string' && name ? name : undefined,
    problems: row.problems,
  };
}

