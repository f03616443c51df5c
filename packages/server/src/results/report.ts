import { FACTOR_IDS, formatPercent, formatScore, ratePercent, SOURCE_LABELS, type Results, type Rounding } from '@sipas/schema';
import { csvDocument, type CsvValue } from '../http/csv.js';

/**
 * The staff report of a period in three formats from one model: seed 002's table per department
 * (forms, points, maximum, rate), the factor scores out of 6 and the total out of 30, and every
 * criterion. Figures are cut to two decimals as the published tables print them.
 */
export interface ReportModel {
  title: string;
  unit: string;
  period: string;
  dates: string;
  forms: number;
  notes: string[];
  /** Label and value; counts, rates and scores stay numbers (XLSX keeps them as numbers). */
  summary: [string, Cell][];
  tables: ReportTable[];
  generatedAt: string;
}

export interface ReportTable {
  title: string;
  head: string[];
  /** Cells: text, or numbers with how to show them. */
  rows: Cell[][];
  /** Last row is a total, shown bold. */
  total?: boolean;
  /** Columns holding numbers (right-aligned). */
  numeric: number[];
}

export type Cell = string | number | { rate: number | null } | { score: number | null; of?: number };

const DASH = '–';
const NO_FIELD = 'Không ghi bộ phận, lĩnh vực';

const viDate = (date: string) => date.split('-').reverse().join('/');

export function reportModel(results: Results, now = new Date()): ReportModel {
  const notes = [
    'Tỷ lệ hài lòng của một tiêu chí = số ý kiến "hài lòng" và "rất hài lòng" ÷ số ý kiến hợp lệ; "không áp dụng" và bỏ trống không tính.',
    'Tỷ lệ đạt được của một bộ phận = số điểm đạt được ÷ tổng điểm các tiêu chí (mỗi tiêu chí tối đa 5 điểm).',
    'Điểm mỗi yếu tố = tỷ lệ hài lòng của yếu tố × 6; yếu tố không có ý kiến hợp lệ thì không chấm điểm.',
    results.rounding === 'truncate'
      ? 'Các tỷ lệ và điểm được cắt (không làm tròn) đến hai chữ số thập phân, như bảng công bố.'
      : 'Các tỷ lệ và điểm được làm tròn đến hai chữ số thập phân.',
  ];
  if (!results.published) {
    notes.unshift(`Chưa đủ số phiếu tối thiểu để công bố công khai (${results.forms}/${results.minimumForms} phiếu): báo cáo chỉ dùng nội bộ.`);
  }
  const fields = results.fields ?? [];
  const departmentRows: Cell[][] = fields.map((f, i) => [
    i + 1,
    f.field ?? NO_FIELD,
    f.forms,
    f.points ?? DASH,
    f.maxPoints ?? DASH,
    { rate: f.pointsRate ?? null },
  ]);
  departmentRows.push(['', 'Toàn đơn vị', results.forms, results.points ?? DASH, results.maxPoints ?? DASH, { rate: results.pointsRate ?? null }]);

  const factors = results.factors ?? [];
  const factorRows: Cell[][] = FACTOR_IDS.map((id, i) => {
    const f = factors.find((x) => x.factor === id);
    return [i + 1, f?.title?.vi ?? id, f?.valid ?? 0, { rate: f?.rate ?? null }, { rate: f?.pointsRate ?? null }, { score: f?.score ?? null, of: 6 }];
  });
  factorRows.push(['', 'Tổng điểm', '', '', '', { score: results.score?.total ?? null, of: results.score?.max ?? 30 }]);

  const criteria = results.criteria ?? [];
  const criteriaRows: Cell[][] = criteria.map((c, i) => [
    c.number ?? i + 1,
    c.text?.vi ?? c.item,
    factors.find((f) => f.factor === c.factor)?.title?.vi ?? c.factor,
    c.valid,
    c.satisfied,
    c.notApplicable,
    { rate: c.rate },
    c.points,
    c.maxPoints,
  ]);

  // Each channel beside the total: the index counts the unit's chosen channels only.
  const channelLabel = (channel: string) =>
    channel in SOURCE_LABELS ? SOURCE_LABELS[channel as keyof typeof SOURCE_LABELS].vi : 'Phiếu nhận trước khi phân kênh';
  const channelRows: Cell[][] = (results.channels ?? []).map((c, i) => [
    i + 1,
    channelLabel(c.channel),
    c.forms,
    c.inIndex ? 'Có' : 'Không',
    { rate: c.index ?? null },
  ]);
  channelRows.push(['', 'Chỉ số công bố (các kênh được tính)', results.forms, '', { rate: results.index ?? null }]);
  if (results.channels?.some((c) => !c.inIndex && c.forms > 0)) {
    notes.push('Phiếu của kênh không được tính vào chỉ số công bố vẫn được đếm và nêu riêng ở bảng 4.');
  }

  return {
    title: 'BÁO CÁO KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH',
    unit: results.unitName,
    period: results.period.label.vi,
    dates: `${viDate(results.period.from)} – ${viDate(results.period.to)}`,
    forms: results.forms,
    notes,
    summary: [
      ['Đơn vị', results.unitName + (results.units.length > 1 ? ` (gồm ${results.units.length - 1} đơn vị trực thuộc)` : '')],
      ['Kỳ báo cáo', `${results.period.label.vi} (${viDate(results.period.from)} – ${viDate(results.period.to)})`],
      ['Số phiếu', results.forms],
      ['Chỉ số hài lòng', { rate: results.index ?? null }],
      ['Tỷ lệ điểm đạt được', { rate: results.pointsRate ?? null }],
      ['Điểm chỉ số hài lòng', results.score ? { score: results.score.total, of: results.score.max } : DASH],
    ],
    tables: [
      {
        title: '1. Kết quả điều tra xã hội học theo bộ phận',
        head: ['STT', 'Bộ phận, lĩnh vực', 'Số phiếu', 'Số điểm đạt được', 'Tổng điểm các tiêu chí', 'Tỷ lệ đạt được'],
        rows: departmentRows,
        total: true,
        numeric: [2, 3, 4, 5],
      },
      {
        title: '2. Điểm theo yếu tố (mỗi yếu tố tối đa 6 điểm, tổng 30 điểm)',
        head: ['STT', 'Yếu tố', 'Ý kiến hợp lệ', 'Tỷ lệ hài lòng', 'Tỷ lệ điểm', 'Điểm'],
        rows: factorRows,
        total: true,
        numeric: [2, 3, 4, 5],
      },
      {
        title: '3. Kết quả theo tiêu chí',
        head: ['Số', 'Tiêu chí', 'Yếu tố', 'Ý kiến hợp lệ', 'Hài lòng, rất hài lòng', 'Không áp dụng', 'Tỷ lệ hài lòng', 'Số điểm', 'Tổng điểm'],
        rows: criteriaRows,
        numeric: [3, 4, 5, 6, 7, 8],
      },
      {
        title: '4. Theo kênh tiếp nhận phiếu',
        head: ['STT', 'Kênh', 'Số phiếu', 'Tính vào chỉ số công bố', 'Chỉ số hài lòng'],
        rows: channelRows,
        total: true,
        numeric: [2, 4],
      },
    ],
    generatedAt: now.toISOString(),
  };
}

function rateText(rate: number | null, rounding: Rounding): string {
  return rate === null ? DASH : formatPercent(rate, 'vi-VN', rounding);
}

function cellText(cell: Cell, rounding: Rounding): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if ('rate' in cell) return rateText(cell.rate, rounding);
  if (cell.score === null) return 'Không chấm điểm';
  return cell.of ? `${formatScore(cell.score)}/${cell.of}` : formatScore(cell.score);
}

// ——— CSV ———

/** CSV through the one writer (formulas defused). Counts are numbers; rates and scores as printed: 88,55 %. */
export function reportCsv(results: Results, now = new Date()): string {
  const model = reportModel(results, now);
  const lines: CsvValue[][] = [[model.title], ...model.summary.map(([k, v]) => [k, typeof v === 'number' ? v : cellText(v, results.rounding)])];
  for (const table of model.tables) {
    lines.push(
      [],
      [table.title],
      table.head,
      ...table.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : cellText(cell, results.rounding)))),
    );
  }
  lines.push([], ...model.notes.map((note) => [note]), [`Lập lúc ${model.generatedAt}`]);
  return csvDocument(lines);
}

// ——— XLSX ———

/** A cell as XLSX holds it: numbers as numbers (rates already cut to two decimals), text as text. */
function xlsxValue(cell: Cell, rounding: Rounding): string | number {
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('rate' in cell) return cell.rate === null ? DASH : ratePercent(cell.rate, rounding) / 100;
  return cell.score === null ? 'Không chấm điểm' : cell.score;
}

/** How Excel shows a number cell; `withScale` writes "/30" after a score, as the printed form does. */
function xlsxFormat(cell: Cell, withScale = true): string | undefined {
  if (typeof cell !== 'object') return undefined;
  if ('rate' in cell) return cell.rate === null ? undefined : '0.00%';
  if (cell.score === null) return undefined;
  return withScale && cell.of ? `0.00"/${cell.of}"` : '0.00';
}

/** One sheet with the same sections; rates are numbers already cut to two decimals (format 0.00%). */
export async function reportXlsx(results: Results, now = new Date()): Promise<Buffer> {
  const model = reportModel(results, now);
  // Loaded when a workbook is asked for: importing it costs every server start a few hundred ms.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIPAS widgets';
  workbook.created = now;
  const sheet = workbook.addWorksheet('Báo cáo', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 8 }, { width: 48 }, { width: 22 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 12 }];
  sheet.addRow([model.title]).font = { bold: true, size: 14 };
  for (const [key, value] of model.summary) {
    const row = sheet.addRow([key, xlsxValue(value, results.rounding)]);
    row.getCell(1).font = { bold: true };
    const format = xlsxFormat(value);
    if (format) row.getCell(2).numFmt = format;
  }
  for (const table of model.tables) {
    sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    const head = sheet.addRow(table.head);
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    table.rows.forEach((cells, index) => {
      const row = sheet.addRow(cells.map((cell) => xlsxValue(cell, results.rounding)));
      cells.forEach((cell, i) => {
        const format = xlsxFormat(cell, false);
        if (format) row.getCell(i + 1).numFmt = format;
      });
      row.getCell(2).alignment = { wrapText: true };
      if (table.total && index === table.rows.length - 1) row.font = { bold: true };
    });
  }
  sheet.addRow([]);
  for (const note of model.notes) sheet.addRow([note]).font = { italic: true };
  sheet.addRow([`Lập lúc ${model.generatedAt}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ——— HTML ———

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PRINT_CSS = `
@page { size: A4 portrait; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
header { text-align: center; margin-bottom: 6mm; }
header .unit { font-weight: bold; text-transform: uppercase; margin: 0; }
h1 { font-size: 14pt; margin: 4mm 0 1mm; }
header p { margin: 0; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; break-after: avoid; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; font-size: 11pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 1.6mm; vertical-align: top; }
th { background: #eee; text-align: center; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.notes { font-size: 10pt; font-style: italic; margin-top: 5mm; padding-left: 5mm; }
.warning { border: 0.5mm solid #000; padding: 2mm 3mm; font-weight: bold; }
footer { font-size: 9.5pt; margin-top: 6mm; color: #333; }
.actions { text-align: right; }
.actions button { font: inherit; padding: 2mm 5mm; cursor: pointer; }
@media screen { body { padding: 10mm; background: #fff; } }
@media print { .actions { display: none; } body { padding: 0; max-width: none; } }
`;

/** A standalone page that prints cleanly on A4 (Ctrl+P), tables repeating their heads across pages. */
export function reportHtml(results: Results, now = new Date()): string {
  const model = reportModel(results, now);
  const tables = model.tables
    .map(
      (table) => `<section>
<h2 id="t${model.tables.indexOf(table) + 1}">${escapeHtml(table.title)}</h2>
<table aria-labelledby="t${model.tables.indexOf(table) + 1}">
<thead><tr>${table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${table.rows
  .map(
    (row, r) =>
      `<tr${table.total && r === table.rows.length - 1 ? ' class="total"' : ''}>${row
        .map((cell, i) => `<td${table.numeric.includes(i) ? ' class="n"' : ''}>${escapeHtml(cellText(cell, results.rounding))}</td>`)
        .join('')}</tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Báo cáo SIPAS — ${model.unit} — ${model.period}`)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<div class="actions"><button type="button" onclick="window.print()">In báo cáo</button></div>
<header>
<p class="unit">${escapeHtml(model.unit)}</p>
<h1>${escapeHtml(model.title)}</h1>
<p>${escapeHtml(model.period)} (${escapeHtml(model.dates)})</p>
</header>
<main>
${results.published ? '' : `<p class="warning">${escapeHtml(model.notes[0]!)}</p>`}
<dl class="summary">
${model.summary.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(cellText(v, results.rounding))}</dd>`).join('\n')}
</dl>
${tables}
<ul class="notes">
${model.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}
</ul>
</main>
<footer>Lập lúc ${escapeHtml(model.generatedAt)} bằng SIPAS widgets từ ${model.forms} phiếu khảo sát.</footer>
</body>
</html>
`;
}
