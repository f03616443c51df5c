import type { LegalBasis, ProcedureDocument, SubmissionChannel } from '@sipas/schema';

/**
 * Records in the national procedure database's field names (CSDL quốc gia về TTHC), as portals
 * and crawlers publish them: `ma_thu_tuc`, `ten_thu_tuc`, `linh_vuc`, `cach_thuc_thuc_hien` …
 * Crawls flatten the portal's tables into strings without separators, e.g.
 * "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phí…"; the parsers below take such
 * strings apart and say (as warnings) what they could not.
 */
export type NationalRecord = Record<string, unknown>;

/** True when a record uses the national field names rather than ours. */
export const isNationalRecord = (record: NationalRecord): boolean => 'ma_thu_tuc' in record || 'ten_thu_tuc' in record;

const NO_INFO = /^\s*(Không có thông tin|Không có|Không quy định|Không)\s*\.?\s*$/i;

/** A string field, trimmed; "Không có thông tin" and friends count as empty. */
export function text(value: unknown): string {
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : '';
  const trimmed = value.replace(/\r\n?/g, '\n').trim();
  return NO_INFO.test(trimmed) ? '' : trimmed;
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

/** Splits on commas outside parentheses: "Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam". */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';' || char === '\n') && depth === 0) {
      if (current.trim()) items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** Steps: a new one at every "Bước N"; other lines belong to the step before. */
export function parseSteps(value: string): string[] {
  const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
  if (!lines.some((line) => /^Bước\s*\d/i.test(line))) return lines.map((line) => clip(line, 4000));
  const steps: string[] = [];
  for (const line of lines) {
    if (/^Bước\s*\d/i.test(line) || steps.length === 0) steps.push(line);
    else steps[steps.length - 1] += `\n${line}`;
  }
  return steps.map((step) => clip(step, 4000));
}

const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const CHANNEL_NAMES: Record<string, SubmissionChannel['kind']> = {
  'Trực tiếp': 'direct',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'post',
};
const TIME = /^(?:(\d+(?:[.,]\d+)?)(?:\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút))?|(Không có thông tin))/;
const FEE = /^(?:Miễn phí|Không có thông tin|(?:(?:Phí|Lệ phí)\s*:?\s*)?\d[\d.,]*\s*(?:VNĐ|Việt Nam [Đđ]ồng|[Đđ]ồng|USD|đ))/;

/** Takes a balanced "(…)" off the front of `rest`, if there is one. */
function parenthetical(rest: string): [string, string] {
  if (!rest.startsWith('(')) return ['', rest];
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '(') depth += 1;
    else if (rest[i] === ')' && --depth === 0) return [rest.slice(0, i + 1), rest.slice(i + 1)];
  }
  return [rest, ''];
}

/**
 * "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 NgàyKhông có thông tinNộp trực tiếp tại…"
 * → [{ kind: 'direct', timeLimit: '7 ngày', fee: '', description: 'Nộp trực tiếp tại…' }].
 */
export function parseChannels(value: string, warnings: string[]): SubmissionChannel[] {
  const body = value.startsWith(CHANNEL_HEADER) ? value.slice(CHANNEL_HEADER.length) : value;
  if (!body.trim()) return [];
  const pieces = body.split(/(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/);
  const channels: SubmissionChannel[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const kind = CHANNEL_NAMES[pieces[i]!]!;
    let rest = pieces[i + 1] ?? '';
    const time = TIME.exec(rest);
    if (!time) {
      // "Trực tiếp" inside a description, not a new row of the table.
      const last = channels.at(-1);
      if (last) last.description = clip(`${last.description ?? ''}${pieces[i]}${rest}`, 2000);
      continue;
    }
    rest = rest.slice(time[0].length);
    let timeLimit = time[3] ? '' : time[2] ? `${time[1]} ${time[2].toLowerCase()}` : time[1]!;
    if (time[1] && !time[2]) {
      // A bare number: "1Miễn phí" (unit lost by the crawl) or the fee's digits ("120 VNĐ").
      if (/^\s*(VNĐ|[Đđ]ồng|Việt Nam [Đđ]ồng|USD)/.test(rest)) {
        rest = time[0] + rest;
        timeLimit = '';
        warnings.push(`channels: "${time[1]}" may be a time limit or a fee`);
      } else {
        // The portal's unit for a bare number is days; say that it was assumed.
        timeLimit = `${time[1]} ngày`;
        warnings.push(`channels: time limit "${time[1]}" has no unit; read as days`);
      }
    }
    const feeMatch = FEE.exec(rest);
    let fee = '';
    if (feeMatch) {
      rest = rest.slice(feeMatch[0].length);
      const [note, after] = parenthetical(rest);
      rest = after;
      fee = /^Không có thông tin$/.test(feeMatch[0]) ? '' : `${feeMatch[0]}${note ? ` ${note}` : ''}`;
    } else if (rest.trim()) warnings.push(`channels: no fee found in "${clip(rest, 40)}"`);
    const description = rest.trim();
    channels.push({ kind, timeLimit: clip(timeLimit, 300), fee: clip(fee.trim(), 500), ...(description ? { description: clip(description, 2000) } : {}) });
  }
  if (channels.length === 0) warnings.push('channels: none recognised');
  return channels;
}

const DOCUMENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const COPIES = /(\d+\s*bản\s*(?:chính|sao)(?:\s*,\s*\d+\s*bản\s*(?:chính|sao))*)/g;
/** A form template's file name: ASCII only, ending in an office or PDF extension. */
const TEMPLATE = /([\x21-\x27\x2a-\x7e][\x20-\x27\x2a-\x7e]*\.(?:docx?|pdf|xlsx?|odt|rtf))$/i;

/** The file name glued to the document's name: it starts where a word ends and a capital begins ("sinhTo khai.doc"). */
function templateOf(name: string): string | undefined {
  const run = TEMPLATE.exec(name)?.[1];
  if (!run || run.length >= name.length) return undefined;
  const glue = /[a-z;:.,][A-Z0-9]/.exec(run);
  if (glue) return run.slice(glue.index + 1);
  return /^[a-z]/.test(run) && !/\s$/.test(name.slice(0, name.length - run.length)) ? undefined : run;
}

/**
 * "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinhTo khai.doc1 bản chính…"
 * → documents with their template file and copies; the text before each table is its case.
 */
export function parseDocuments(value: string, warnings: string[]): ProcedureDocument[] {
  if (!value.trim()) return [];
  const documents: ProcedureDocument[] = [];
  const sections = value.split(DOCUMENT_HEADER);
  if (sections.length === 1) {
    warnings.push('documents: no table header; kept as one entry');
    return [{ name: clip(value.trim(), 1000) }];
  }
  for (let s = 1; s < sections.length; s++) {
    const heading = sections[s - 1]!
      .split(COPIES)
      .at(-1)!
      .replace(/^[-–\s]+|[-–\s]+$/g, '');
    const group = heading && !/^-*$/.test(heading) ? clip(heading, 500) : undefined;
    const parts = sections[s]!.split(COPIES);
    // parts: name, copies, name, copies, …, trailing text (the next section's heading)
    for (let i = 0; i + 1 < parts.length; i += 2) {
      let name = parts[i]!.trim();
      const copies = parts[i + 1]!.replace(/\s+/g, ' ').trim();
      const file = templateOf(name);
      if (file) name = name.slice(0, name.length - file.length).trim();
      name = name.replace(/^[-+•*\s]+/, '').trim();
      if (!name) continue;
      documents.push({ name: clip(name, 1000), ...(file ? { template: clip(file, 500) } : {}), copies, ...(group ? { group } : {}) });
    }
    if (parts.length === 1 && parts[0]!.trim()) {
      warnings.push('documents: no copies found; kept as one entry');
      documents.push({ name: clip(parts[0]!.trim(), 1000), ...(group ? { group } : {}) });
    }
  }
  return documents;
}

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
/**
 * A document number at the end of a table cell: "47/2014/QH13", "105/2025/NĐ-CP", "01/2022/TT-BTP",
 * "20/2023/QĐ-TTg". Its letters stop before a capitalised word glued to it ("…/TT-BCAThông tư").
 */
// "TTg" (Thủ tướng, as in QĐ-TTg) is the one suffix with a lowercase letter after two capitals.
const NUMBER = /(?<![\d/])(\d+[a-z]?\/\d{4}\/(?:TTg(?!\p{Ll})|[\p{Lu}\d](?!\p{Ll})|(?<=\p{Lu})\p{Ll}(?!\p{Ll}))+(?:-(?:TTg(?!\p{Ll})|[\p{Lu}\d](?!\p{Ll})|(?<=\p{Lu})\p{Ll}(?!\p{Ll}))+)*)(?![\p{Lu}\d-]*\/)/gu;
const KIND_PREFIX = /(Luật|Bộ luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Văn bản hợp nhất)(\s+số)?\s*$/;

/**
 * "Tên văn bản pháp lýMã văn bảnLuật Hộ tịchLuật 60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CP"
 * → [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }, { number: '123/2015/NĐ-CP', title: 'Nghị định 123/2015/NĐ-CP' }].
 * A number counts as the "Mã văn bản" cell when the next title is glued to it (or the text ends).
 */
export function parseLegalBasis(value: string, warnings: string[]): LegalBasis[] {
  const body = value.startsWith(LEGAL_HEADER) ? value.slice(LEGAL_HEADER.length) : value;
  if (!body.trim()) return [];
  const found: LegalBasis[] = [];
  let start = 0;
  for (const match of body.matchAll(NUMBER)) {
    const end = match.index + match[0].length;
    const next = body[end];
    if (next !== undefined && /[\s,;.)]/.test(next) && body.slice(end).trim() !== '') continue; // a number inside a title
    let title = body.slice(start, match.index).trim();
    const prefix = KIND_PREFIX.exec(title);
    // "…tại Việt NamLuật 47/2014/QH13": the kind word glued to the title belongs to the number cell.
    if (prefix && prefix.index > 0 && /\S/.test(title[prefix.index - 1]!)) title = title.slice(0, prefix.index).trim();
    found.push({ number: match[0], title: clip(title || match[0], 1000) });
    start = end;
  }
  const tail = body.slice(start).trim();
  if (tail) {
    warnings.push(`legalBasis: text without a document number: "${clip(tail, 60)}"`);
    if (found.length === 0) found.push({ number: clip(tail, 100), title: clip(tail, 1000) });
  }
  return found;
}

/** "Giấy khai sinhMã: KQ.G15.000001Từ khóa…" → "Giấy khai sinh". */
export function parseResult(value: string): string {
  const cut = value.split(/Từ khóa|Chọn cơ quan thực hiện/)[0] ?? '';
  return cut
    .split(/Mã:\s*[A-Z0-9.]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join('; ');
}
