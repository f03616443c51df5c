import { Procedure } from '@sipas/schema';
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

/** One record of an import file and where it was: "record 3" in JSON, "line 4" in CSV. */
export interface SourceRow {
  position: string;
  record: Record<string, unknown>;
}

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

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows with their first line number. */
export function parseCsv(source: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const text = source.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

/** Reads a JSON (array, or an object with `procedures`) or CSV (header row) import file. */
export function readImportFile(content: string, fileName: string): SourceRow[] {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const data = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(data) ? data : (data as { procedures?: unknown }).procedures;
    if (!Array.isArray(list)) throw new Error('a JSON import file is an array of procedures or an object with "procedures"');
    return list.map((record, index) => ({
      position: `record ${index + 1}`,
      record: record && typeof record === 'object' ? (record as Record<string, unknown>) : { value: record },
    }));
  }
  const [header, ...rows] = parseCsv(content);
  if (!header) return [];
  const names = header.cells.map((name) => name.trim());
  return rows.map(({ line, cells }) => ({
    position: `line ${line}`,
    record: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])),
  }));
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

/** Maps and validates one record of an import file. */
export function parseRow(row: SourceRow, date = today()): ParsedRow {
  const warnings: string[] = [];
  const candidate = isNationalRecord(row.record) ? fromNational(row.record, date, warnings) : fromOwn(row.record, date);
  const result = Procedure.safeParse(candidate);
  if (result.success) return { position: row.position, procedure: result.data, problems: [], warnings };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
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
      if (first) parsed.problems.push(`code: ${code} repeats ${first}`);
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

