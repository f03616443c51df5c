// Completes the demo catalogue's document names and legal-basis titles that were cut with "…"
// (packages/server/demo-data/procedures.json), from the national database's own text in
// ../shared/data/tthc-cap-xa.json: a document runs to the end of its entry (up to its number of
// copies or the next entry; a long one to the end of its first sentence), a legal title up to its number. Nothing is written that the source
// does not say. A document the source cannot complete is reported and left as it is; a legal title
// it cannot complete is dropped (the number stands alone, the widget shows it so, and the full
// title is on the procedure's page of the national database) — a cut or misattributed title
// ("Psửa đổi…" beside 226/2016/TT-BTC) says something the law does not.
// Usage: node scripts/mend-demo-procedures.mjs [path/to/tthc-cap-xa.json]
import { readFileSync, writeFileSync } from 'node:fs';

const demoFile = new URL('../packages/server/demo-data/procedures.json', import.meta.url);
const sourceFile = process.argv[2] ?? new URL('../../shared/data/tthc-cap-xa.json', import.meta.url);
const demo = JSON.parse(readFileSync(demoFile, 'utf8'));
const source = new Map(JSON.parse(readFileSync(sourceFile, 'utf8')).map((p) => [p.ma_thu_tuc, p]));

const squeeze = (text) => text.replace(/\s+/g, ' ');
const CUT = /…$/;
const LONG = 500;
const MAX = 1000; // the schema's limit for a document name and a legal title
// Where a flattened entry ends: its number of copies ("…năm 20241 bản chính": the last digit), the
// next entry ("- Giấy…", "* ", "+ "; "pháp - hộ tịch" is a hyphen), a table header, or the form's
// name glued after the last sentence ("…NĐ-CP).Mẫu số 01", "…văn bản.1.MuCT01….doc").
const ENTRY_END = /\d bản (?:chính|sao)|\s[-*+] (?=\p{Lu})|\* |Tên giấy tờ|Mẫu đơn, tờ khai|(?<=[.;])(?=\p{L}|\d\.\p{L})|(?<=\))\.?(?=\p{Lu})/u;

function complete(cut, text, until) {
  const prefix = cut.replace(CUT, '').trimEnd();
  const at = text.indexOf(prefix);
  if (at < 0) return undefined;
  const rest = text.slice(at + prefix.length);
  const end = until(rest);
  if (end === undefined) return undefined;
  let full = (prefix + rest.slice(0, end)).trim().replace(/[\s,;–-]+$/, '');
  // A long entry keeps its first whole sentence (a checklist line, not a page of the decree).
  if (full.length > LONG) {
    const stop = /[.;](?=\s+(?:\p{Lu}|\(\d))/gu;
    stop.lastIndex = prefix.length - 1;
    const sentence = stop.exec(full);
    if (sentence) full = full.slice(0, sentence.index + 1);
  }
  if (full.length > prefix.length && full.length <= MAX) return full;
  // Too long even so: an enumeration of cases ("…các trường hợp sau: (1) Hộ gia đình…") ends at its
  // colon, the cases being on the procedure's page of the national database (`sourceUrl`).
  const list = /:(?=\s*\(1\))/.exec(prefix);
  return list ? prefix.slice(0, list.index + 1) : undefined;
}

const GLUED_NUMBER = /[^\s\d.]\d+(?:\.\d+)?\/\d{4}\//;
const NUMBER = /\d\/\d{4}\//;

// The whole table as (number → title) pairs, for titles the split above put beside a misread number
// ("7/2025/NQ-CP" for "66.7/2025/NQ-CP", "131/2025/NĐ-C"): each number glued to the title before it
// ("…dữ liệu66.7/2025/NQ-CP", "…báo cáoThông tư 02/2022/TT-BLĐTBXH"), up to the next title.
const PAIR = /(?<=[^\s\d])(?:(?:Thông tư|Nghị định|Nghị quyết|Quyết định|Luật)(?: số)? )?(\d+(?:\.\d+)?\/\d{4}\/[A-ZĐ0-9-]*[0-9A-ZĐ])(?=\p{Lu}\p{Ll}|\s+\p{Lu}|\s*$)/gu;
function titlesByNumber(text) {
  const titles = new Map();
  let from = text.indexOf('Mã văn bản') + 'Mã văn bản'.length;
  for (const m of text.matchAll(PAIR)) {
    titles.set(m[1], text.slice(from, m.index).trim());
    from = m.index + m[0].length;
  }
  return titles;
}

// The result table flattened: "<result>Mã: KQ.G01.000067<result>Mã: TP-G12.00011112…Từ khóa…". The
// older demo split ate each result's first letter ("rích lục", "iền trợ cấp") and cut the list.
// A code the portal shows is a number ("KQ.G01.000067"); a few entries carry a typing slip ("Mã: dsfas").
const RESULT_CODE = /Mã: ?(?:(?:[A-Z]{1,3}[.-])?[A-Z]?\d+(?:[.-][A-Z]?\d+)*(?:-KQ)?|[a-z]+(?=\P{Ll}|$))/u;
function results(text) {
  const table = text.split('Từ khóa')[0];
  const items = table.split(new RegExp(RESULT_CODE.source, 'gu')).map((item) => item.trim().replace(/[\s;.]+$/, '')).filter(Boolean);
  const joined = items.join('; ');
  return items.length > 0 && joined.length <= 2000 && !/Không có thông tin/.test(joined) ? joined : undefined;
}

let mended = 0;
const left = [];
for (const p of demo.procedures) {
  const s = source.get(p.code);
  if (!s) continue;
  const documents = squeeze(s.thanh_phan_ho_so ?? '');
  const legal = squeeze(s.can_cu_phap_ly ?? '');
  const result = RESULT_CODE.test(s.ket_qua_xu_ly ?? '') ? results(squeeze(s.ket_qua_xu_ly)) : undefined;
  if (result && result !== p.result) [p.result, mended] = [result, mended + 1];
  else if (CUT.test(p.result)) left.push(`${p.code} result: ${p.result}`);
  for (const d of p.documents) {
    if (!CUT.test(d.name)) continue;
    const full = complete(d.name, documents, (rest) => {
      const m = ENTRY_END.exec(rest);
      return m ? m.index : rest.length;
    });
    if (full) [d.name, mended] = [full, mended + 1];
    else left.push(`${p.code} document: ${d.name}`);
  }
  for (const l of p.legalBasis) {
    if (!l.title || !CUT.test(l.title)) continue;
    const full = complete(l.title, legal, (rest) => {
      // The flattened table glues each title to its number ("…Trung ương85/2019/TT-BTC"): the
      // title ends where the next glued number starts, and that number must be this one.
      const next = GLUED_NUMBER.exec(rest);
      // No other pair on the way: else the cut title was beside another document's number.
      const other = new RegExp(PAIR.source, 'u').exec(rest.slice(0, next ? next.index + 1 : 0));
      // Nor any number at all in the words added: where the table glued numbers to digits
      // ("ngày 29/6/202443/2024/QH15") no rule can tell the pairs apart, so such a title stays cut.
      return next && !other && !NUMBER.test(rest.slice(0, next.index + 1)) && rest.startsWith(l.number, next.index + 1) ? next.index + 1 : undefined;
    });
    if (full) [l.title, mended] = [full, mended + 1];
    else {
      // The source's own pair for this number (or the number it misread), when its title is the
      // one we have, cut: the same words from the start (a stray capital from the number before,
      // "Psửa đổi…", aside).
      const titles = titlesByNumber(legal);
      const number = titles.has(l.number) ? l.number : [...titles.keys()].find((n) => n.endsWith(l.number) || n.startsWith(l.number));
      const title = number && titles.get(number);
      const start = l.title.replace(CUT, '').trim();
      const known = title && (title.startsWith(start) ? start.length : title.startsWith(start.slice(1)) ? start.length - 1 : -1);
      if (title && title.length <= MAX && known >= 0 && !NUMBER.test(title.slice(known)))
        // The number as the source reads it, when the title names it so ("Nghị quyết số 66.7/2025/NQ-CP…").
        [l.number, l.title, mended] = [l.title.includes(number) ? number : l.number, title, mended + 1];
      else {
        left.push(`${p.code} legal basis ${l.number}: title dropped (${l.title})`);
        l.title = '';
      }
    }
  }
}

const header = JSON.stringify({ comment: demo.comment, unit: demo.unit, updatedAt: demo.updatedAt }, null, 1).replace(/\n}$/, '');
writeFileSync(demoFile, `${header},\n "procedures": [\n${demo.procedures.map((p) => JSON.stringify(p)).join(',\n')}\n ]\n}\n`);
console.log(`${mended} items completed from the national database's text; ${left.length} left as they were`);
for (const line of left) console.log(`  ${line}`);
