import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { encodeWindows1258 } from '../src/procedures/decode.js';
import { importProcedures } from '../src/procedures/import.js';
import { canonicalKey } from '../src/procedures/read.js';
import { ProcedureStore } from '../src/procedures/store.js';
import { StaffStore } from '../src/staff/store.js';
import { testApp } from './helpers.js';

/** Real records of the national database (../shared/data), written below in every format an office meets. */
const NATIONAL = (JSON.parse(readFileSync(new URL('../../../../../shared/data/tthc-cap-xa.json', import.meta.url), 'utf8')) as Record<string, string>[]).slice(0, 12);

/** The spreadsheet headings a ward's clerk types, in the order of the columns. */
const HEADINGS: [string, string][] = [
  ['Mã thủ tục', 'ma_thu_tuc'],
  ['Tên thủ tục', 'ten_thu_tuc'],
  ['Cấp thực hiện', 'cap_thuc_hien'],
  ['Lĩnh vực', 'linh_vuc'],
  ['Đối tượng thực hiện', 'doi_tuong_thuc_hien'],
  ['Cơ quan thực hiện', 'co_quan_thuc_hien'],
  ['Trình tự thực hiện', 'trinh_tu_thuc_hien'],
  ['Cách thức thực hiện', 'cach_thuc_thuc_hien'],
  ['Thành phần hồ sơ', 'thanh_phan_ho_so'],
  ['Căn cứ pháp lý', 'can_cu_phap_ly'],
  ['Kết quả thực hiện', 'ket_qua_xu_ly'],
  ['Yêu cầu, điều kiện', 'yeu_cau_dieu_kien'],
];

const quote = (cell: string, delimiter: string) => (/["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
function csv(delimiter: string, records = NATIONAL): string {
  const lines = [HEADINGS.map(([h]) => quote(h, delimiter)).join(delimiter)];
  for (const r of records) lines.push(HEADINGS.map(([, key]) => quote(String(r[key] ?? ''), delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
/** Windows-1258 lacks some typographic characters of the portal's text: a clerk's file would have them replaced. */
const ansi = (text: string) => Buffer.from(encodeWindows1258([...text.normalize('NFC')].map((c) => { try { encodeWindows1258(c); return c; } catch { return '?'; } }).join('')));

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const pascal = (key: string) => camel(key).replace(/^./, (c) => c.toUpperCase());
const renamed = (rename: (k: string) => string) => JSON.stringify(NATIONAL.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [rename(k), v]))));

async function xlsx(records = NATIONAL): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục TTHC');
  sheet.addRow(['DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ']); // a title row above the headings, as offices do
  sheet.addRow(HEADINGS.map(([h]) => h));
  for (const r of records) sheet.addRow(HEADINGS.map(([, key]) => String(r[key] ?? '')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing the office’s own files', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let expected: { code: string; name: string }[];
  before(async () => {
    server = await testApp();
    const reference = await importProcedures(server.ctx.db, 'tinh-a', JSON.stringify(NATIONAL), 'tthc.json', { dryRun: true, date: '2026-11-01' });
    assert.equal(reference.invalid.length, 0, JSON.stringify(reference.invalid));
    expected = NATIONAL.map((r) => ({ code: r.ma_thu_tuc!, name: r.ten_thu_tuc!.replace(/\s+/g, ' ').trim() }));
  });
  after(async () => server.dispose());

  it('turns headings and keys of every style into one name: Vietnamese, snake, camel, Pascal', () => {
    assert.equal(canonicalKey('Mã thủ tục'), 'ma_thu_tuc');
    assert.equal(canonicalKey('maThuTuc'), 'ma_thu_tuc');
    assert.equal(canonicalKey('MaThuTuc'), 'ma_thu_tuc');
    assert.equal(canonicalKey('MaTTHC'), 'ma_tthc');
    assert.equal(canonicalKey('Yêu cầu, điều kiện'), 'yeu_cau_dieu_kien');
    assert.equal(canonicalKey('Đối tượng'), 'doi_tuong');
  });

  const formats: [string, string, () => Promise<Buffer> | Buffer, RegExp][] = [
    ['XLSX with a title row', 'danh-muc.xlsx', () => xlsx(), /^xlsx$/],
    ['CSV ; UTF-8 with BOM (Excel on Vietnamese Windows, "CSV UTF-8")', 'danh-muc.csv', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(';'))]), /^csv ; utf-8$/],
    ['CSV , UTF-8 without BOM', 'danh-muc.csv', () => Buffer.from(csv(',')), /^csv , utf-8$/],
    ['CSV tab, UTF-16 LE with BOM (Excel "Unicode text")', 'danh-muc.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('\t'), 'utf16le')]), /^csv tab utf-16le$/],
    ['CSV ;, UTF-16 BE without BOM', 'danh-muc.csv', () => utf16be(csv(';')), /^csv ; utf-16be$/],
    ['CSV ;, Windows-1258 (Excel "CSV" on Vietnamese Windows)', 'danh-muc.csv', () => ansi(csv(';')), /^csv ; windows-1258$/],
    ['JSON with provincial camelCase keys (maThuTuc)', 'tthc.json', () => Buffer.from(renamed(camel)), /^json utf-8$/],
    ['JSON with PascalCase keys (MaThuTuc)', 'tthc.json', () => Buffer.from(renamed(pascal)), /^json utf-8$/],
  ];
  for (const [label, fileName, bytes, format] of formats) {
    it(`reads ${label}: the same ${NATIONAL.length} procedures`, async () => {
      const report = await importProcedures(server.ctx.db, 'tinh-a', new Uint8Array(await bytes()), fileName, { dryRun: true });
      assert.match(report.format, format);
      assert.deepEqual(report.invalid, []);
      assert.equal(report.valid, NATIONAL.length);
    });
  }

  it('stores exactly what the national JSON gives, from an Excel file, and imports nothing twice', async () => {
    const first = await importProcedures(server.ctx.db, 'phuong-b', new Uint8Array(await xlsx()), 'danh-muc.xlsx');
    assert.equal(first.saved?.added, NATIONAL.length);
    const list = (await new ProcedureStore(server.ctx.db).list('phuong-b')).list.procedures;
    assert.deepEqual(list.map((p) => ({ code: p.code, name: p.name })).sort((a, b) => a.code.localeCompare(b.code)), [...expected].sort((a, b) => a.code.localeCompare(b.code)));
    const again = await importProcedures(server.ctx.db, 'phuong-b', new Uint8Array(ansi(csv(';'))), 'danh-muc.csv');
    assert.equal(again.saved?.added, 0);
  });

  it('says in Vietnamese which row and which column are wrong', async () => {
    const broken = NATIONAL.slice(0, 3).map((r, i) => (i === 1 ? { ...r, ten_thu_tuc: '' } : r));
    const fromCsv = await importProcedures(server.ctx.db, 'tinh-a', new Uint8Array(Buffer.from(csv(';', broken))), 'x.csv', { dryRun: true });
    assert.equal(fromCsv.invalid.length, 1);
    // CSV counts text lines (cells here hold line breaks); the sheet below counts rows as Excel shows them.
    assert.match(fromCsv.invalid[0]!.position, /^dòng \d+$/);
    assert.match(fromCsv.invalid[0]!.problems.join(), /cột 2 "Tên thủ tục"/);
    const fromXlsx = await importProcedures(server.ctx.db, 'tinh-a', new Uint8Array(await xlsx(broken)), 'x.xlsx', { dryRun: true });
    assert.equal(fromXlsx.invalid[0]!.position, 'dòng 4');
    assert.match(fromXlsx.invalid[0]!.problems.join(), /cột B "Tên thủ tục"/);
  });

  describe('in the desk: upload, preview what changes, confirm (admins only)', () => {
    const tokens: Record<string, string> = {};
    before(async () => {
      const staff = new StaffStore(server.ctx.db);
      await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
      await staff.addUser({ unit: 'phuong-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-dai-du' });
      for (const username of ['lan', 'minh']) {
        tokens[username] = (await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username, password: 'mat-khau-dai-du' } })).json().token;
      }
    });
    const upload = async (who: string, content: Buffer, extra: object = {}) =>
      server.app.inject({
        method: 'POST',
        url: '/v1/staff/units/phuong-a/procedure-imports',
        headers: { authorization: `Bearer ${tokens[who]}` },
        payload: { fileName: 'danh-muc.xlsx', content: content.toString('base64'), ...extra },
      });
    const confirm = (id: string) =>
      server.app.inject({ method: 'POST', url: `/v1/staff/units/phuong-a/procedure-imports/${id}/confirm`, headers: { authorization: `Bearer ${tokens.minh}` } });

    it('refuses a staff member who is not an admin', async () => {
      assert.equal((await upload('lan', await xlsx())).statusCode, 403);
    });

    it('previews additions without writing, then writes them on confirmation, once', async () => {
      const preview = await upload('minh', await xlsx());
      assert.equal(preview.statusCode, 200, preview.body);
      const body = preview.json();
      assert.equal(body.format, 'xlsx');
      assert.equal(body.added.length, NATIONAL.length);
      assert.equal(body.canConfirm, true);
      assert.equal(await new ProcedureStore(server.ctx.db).count('phuong-a'), 0, 'nothing written by the preview');
      const done = await confirm(body.id);
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().added, NATIONAL.length);
      assert.equal((await confirm(body.id)).statusCode, 409, 'a preview is confirmed once');
    });

    it('shows what would be removed with replace, and refuses to confirm after the catalogue changed', async () => {
      const preview = (await upload('minh', await xlsx(NATIONAL.slice(0, 10)), { replace: true })).json();
      assert.equal(preview.removed.length, 2);
      assert.equal(preview.unchanged, 10);
      await importProcedures(server.ctx.db, 'phuong-a', JSON.stringify(NATIONAL.slice(0, 11)), 'x.json', { replace: true });
      assert.equal((await confirm(preview.id)).statusCode, 409);
    });

    it('answers an unreadable file with 422 in Vietnamese, a bad row with its line and no confirmation', async () => {
      const unreadable = await upload('minh', Buffer.from('PK\u0003\u0004 not really a zip'));
      assert.equal(unreadable.statusCode, 422);
      assert.match(unreadable.json().title, /Không mở được tệp Excel/);
      const broken = (await upload('minh', await xlsx(NATIONAL.slice(0, 3).map((r, i) => (i === 0 ? { ...r, ma_thu_tuc: '' } : r))))).json();
      assert.equal(broken.canConfirm, false);
      assert.equal(broken.invalid[0].position, 'dòng 3');
    });
  });
});
