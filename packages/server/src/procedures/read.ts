import type { CellValue } from 'exceljs';
import { decodeText } from './decode.js';

/** One record of an import file, where it was ("dòng 4", "bản ghi 3") and where each field came from. */
export interface SourceRow {
  position: string;
  record: Record<string, unknown>;
  /** Field (after renaming) → "cột D (Tên thủ tục)": for messages that name the column. */
  columns?: Record<string, string>;
}

export interface ReadFile {
  rows: SourceRow[];
  /** What was read: "xlsx", "json utf-8", "csv ; windows-1258"… */
  format: string;
}

/** An import file that cannot be read at all (not a row's problem): said in Vietnamese. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/**
 * RFC 4180 CSV with the given separator: quoted fields may hold separators, quotes ("") and line
 * breaks. Returns rows with their first line number.
 */
export function parseCsv(source: string, delimiter = ','): { line: number; cells: string[] }[] {
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
    else if (char === delimiter) {
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

/** The separator of a CSV file: whichever of `,` `;` tab occurs most in its first line, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as ',' | ';' | '\t');
}

/** Our schema's fields: a heading naming one of these (in any case style) is ours. */
const OWN_FIELDS = [
  'code', 'name', 'level', 'field', 'applicants', 'agency', 'steps', 'channels', 'documents', 'legalBasis', 'result',
  'conditions', 'decision', 'sourceUrl', 'onlineUrl', 'onlineLevel', 'updatedAt', 'processingTime', 'fee',
];

/**
 * The national database's field names (CSDL quốc gia về TTHC), with what provincial systems and
 * Vietnamese spreadsheet headings call them. Keys are canonical: no diacritics, snake_case.
 */
const NATIONAL_ALIASES: Record<string, string[]> = {
  ma_thu_tuc: ['ma_tthc', 'ma_thu_tuc_hanh_chinh', 'ma_so', 'ma_so_thu_tuc', 'ma_tt'],
  ten_thu_tuc: ['ten_tthc', 'ten_thu_tuc_hanh_chinh', 'ten_tt'],
  cap_thuc_hien: ['cap', 'cap_giai_quyet'],
  linh_vuc: ['ten_linh_vuc', 'linh_vuc_thuc_hien'],
  doi_tuong_thuc_hien: ['doi_tuong'],
  co_quan_thuc_hien: ['co_quan_giai_quyet', 'don_vi_thuc_hien'],
  co_quan_co_tham_quyen: [],
  trinh_tu_thuc_hien: ['trinh_tu'],
  cach_thuc_thuc_hien: ['cach_thuc', 'hinh_thuc_nop'],
  thanh_phan_ho_so: ['ho_so', 'thanh_phan_so_luong_ho_so'],
  can_cu_phap_ly: ['can_cu', 'can_cu_phap_ly_cua_tthc'],
  ket_qua_xu_ly: ['ket_qua', 'ket_qua_thuc_hien', 'ket_qua_giai_quyet'],
  yeu_cau_dieu_kien: ['yeu_cau', 'dieu_kien', 'yeu_cau_dieu_kien_thuc_hien'],
  so_quyet_dinh: ['quyet_dinh', 'so_quyet_dinh_cong_bo', 'quyet_dinh_cong_bo'],
  detail_url: ['url', 'duong_dan', 'link', 'lien_ket'],
  ngay_cap_nhat: ['thoi_gian_cap_nhat', 'ngay_cong_bo'],
};
const NATIONAL_BY_ALIAS = new Map(Object.entries(NATIONAL_ALIASES).flatMap(([name, aliases]) => [[name, name], ...aliases.map((a) => [a, name] as [string, string])]));

/**
 * A heading or key in canonical form: Vietnamese diacritics removed (đ → d), camelCase and
 * PascalCase split (maThuTuc, MaTTHC), everything else a single `_`: "Mã thủ tục" → ma_thu_tuc.
 */
export function canonicalKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const OWN_BY_CANONICAL = new Map(OWN_FIELDS.map((f) => [canonicalKey(f), f]));

/**
 * Renames a file's keys to ours or to the national names. A file is read as national when some
 * key means a national field that is not also one of ours; unknown keys are kept as they are.
 */
export function renameKeys(keys: string[]): { names: Map<string, string>; national: boolean } {
  const canon = keys.map(canonicalKey);
  const national = canon.some((k) => NATIONAL_BY_ALIAS.has(k) && !OWN_BY_CANONICAL.has(k));
  const names = new Map<string, string>();
  keys.forEach((key, i) => {
    const c = canon[i]!;
    const renamed = national ? NATIONAL_BY_ALIAS.get(c) : OWN_BY_CANONICAL.get(c);
    names.set(key, renamed ?? key);
  });
  return { names, national };
}

/** Rows of a table (CSV or a sheet) under a header row → records renamed, with column labels. */
function fromTable(rows: { line: number; cells: string[] }[], columnLabel: (index: number) => string): SourceRow[] {
  const headerIndex = rows.findIndex((r) => r.cells.filter((c) => c.trim() !== '').length >= 2);
  if (headerIndex < 0) throw new UnreadableFile('Không tìm thấy dòng tiêu đề (cần ít nhất hai cột có tên, ví dụ "Mã thủ tục", "Tên thủ tục").');
  const header = rows[headerIndex]!;
  const headings = header.cells.map((h) => h.trim());
  const { names } = renameKeys(headings.filter(Boolean));
  const columns: Record<string, string> = {};
  headings.forEach((h, i) => {
    if (h) columns[names.get(h)!] = `cột ${columnLabel(i)} "${h}"`;
  });
  return rows.slice(headerIndex + 1).map(({ line, cells }) => ({
    position: `dòng ${line}`,
    record: Object.fromEntries(headings.flatMap((h, i) => (h ? [[names.get(h)!, cells[i] ?? '']] : []))),
    columns,
  }));
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** A cell's text as Excel shows it: rich text joined, links' text, formulas' results, dates as YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<SourceRow[]> {
  // Loaded when a workbook arrives: importing it costs every server start a few hundred ms.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`Không mở được tệp Excel (.xlsx): ${(error as Error).message}. Tệp .xls cũ: mở bằng Excel và lưu lại dạng .xlsx.`);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new UnreadableFile('Tệp Excel không có trang tính nào có dữ liệu.');
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).replace(/\r\n?/g, '\n');
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  return fromTable(rows, columnLetter);
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads an import file's bytes: XLSX, JSON (array, or object with `procedures`) or CSV with a header row. */
export async function readImportBytes(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  if (isZip(bytes)) return { rows: await readXlsx(bytes), format: 'xlsx' };
  if (/\.xlsx?$/i.test(fileName)) {
    throw new UnreadableFile(/\.xls$/i.test(fileName) ? 'Tệp .xls (Excel 97–2003) không đọc được: mở bằng Excel và lưu lại dạng .xlsx hoặc CSV.' : 'Tệp .xlsx này không phải là tệp Excel hợp lệ.');
  }
  const { text, encoding } = decodeText(bytes);
  return readImportText(text, fileName, encoding);
}

/** Reads an import file's text: JSON or CSV. */
export function readImportText(content: string, fileName: string, encoding = 'utf-8'): ReadFile {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new UnreadableFile(`Tệp JSON không hợp lệ: ${(error as Error).message}`);
    }
    const list = Array.isArray(data) ? data : (data as { procedures?: unknown } | null)?.procedures;
    if (!Array.isArray(list)) throw new UnreadableFile('Tệp JSON phải là một danh sách thủ tục, hoặc một đối tượng có "procedures".');
    const keys = [...new Set(list.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r as object) : [])))];
    const { names } = renameKeys(keys);
    return {
      format: `json ${encoding}`,
      rows: list.map((record, index) => ({
        position: `bản ghi ${index + 1}`,
        record:
          record && typeof record === 'object'
            ? Object.fromEntries(Object.entries(record as Record<string, unknown>).map(([k, v]) => [names.get(k) ?? k, v]))
            : { value: record },
        columns: Object.fromEntries(keys.map((k) => [names.get(k) ?? k, `trường "${k}"`])),
      })),
    };
  }
  const delimiter = detectDelimiter(trimmed);
  const rows = parseCsv(trimmed, delimiter);
  return { format: `csv ${delimiter === '\t' ? 'tab' : delimiter} ${encoding}`, rows: rows.length ? fromTable(rows, (i) => String(i + 1)) : [] };
}
