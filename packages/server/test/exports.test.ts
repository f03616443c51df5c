import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { quarterOf } from '@sipas/schema';
import { StaffStore } from '../src/staff/store.js';
import { setSurveySettings, surveyBody, TEST_FIELDS, testApp } from './helpers.js';

/**
 * Every CSV export goes through one writer: a department name typed as a spreadsheet formula
 * (by an admin into the unit's closed list — citizens can only pick from it) is defused in the
 * staff report too, and the XLSX header block holds numbers as numbers.
 */
describe('exports: one CSV writer, XLSX numbers', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  const FORMULAS = ['=HYPERLINK("https://evil.example","Bấm vào")', '+1+2', '-2+3', '@SUM(A1)', '\tTab'];

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 100_000, minimumForms: 1 });
    // Open-web responses make the published figures here (the default publishes dossiers and kiosks only).
    await setSurveySettings(server, 'phuong-a', { fields: [...TEST_FIELDS, ...FORMULAS.slice(0, 4)], publishedChannels: ['dossier', 'kiosk', 'web'] });
    for (const field of FORMULAS) {
      const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody({ context: { channel: 'web', field } }) });
      // The tab is a control character in a single-line field: refused at the door.
      assert.equal(response.statusCode, field.startsWith('\t') ? 400 : 201, response.body);
    }
    await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
    token = (
      await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit: 'phuong-a', username: 'lan', password: 'mat-khau-dai-du' } })
    ).json().token;
  });
  after(async () => server?.dispose());

  const report = (format: string) =>
    server.app.inject({ url: `/v1/staff/units/phuong-a/report?period=${quarterOf(new Date())}&format=${format}`, headers: { authorization: `Bearer ${token}` } });

  it('a department named like a formula is defused in the staff report CSV', async () => {
    const csv = (await report('csv')).body;
    for (const field of FORMULAS.slice(0, 4)) {
      assert.ok(csv.includes(`"'${field.replace(/"/g, '""')}"`), `${field} defused`);
      assert.ok(!new RegExp(`(^|,)"?${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(csv), `${field} never starts a cell`);
    }
  });

  it('the XLSX header block holds the count and the rates as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await report('xlsx')).rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Báo cáo')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    assert.deepEqual(rows.find((row) => row[0] === 'Số phiếu'), ['Số phiếu', 4]);
    const index = rows.find((row) => row[0] === 'Chỉ số hài lòng')!;
    assert.equal(typeof index[1], 'number');
  });
});
