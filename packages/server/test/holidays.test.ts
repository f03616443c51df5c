import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lawHolidays } from '../src/holidays/law.js';
import { fromLunar, toLunar } from '../src/holidays/lunar.js';
import { yearsInUse } from '../src/holidays/store.js';
import { StaffStore } from '../src/staff/store.js';
import { testApp } from './helpers.js';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết Nguyên đán on the published dates', () => {
    // Published: 22/01/2023, 10/02/2024, 29/01/2025, 17/02/2026, 06/02/2027.
    const tet = { 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06' };
    for (const [year, date] of Object.entries(tet)) assert.equal(fromLunar(Number(year), 1, 1), date, `Tết ${year}`);
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on the published dates', () => {
    const gioTo = { 2023: '2023-04-29', 2024: '2024-04-18', 2025: '2025-04-07', 2026: '2026-04-26' };
    for (const [year, date] of Object.entries(gioTo)) assert.equal(fromLunar(Number(year), 3, 10), date, `Giỗ Tổ ${year}`);
  });

  it('uses Vietnam’s meridian: Tết 2030 is 2 February in Vietnam (3 February in China, UTC+8)', () => {
    assert.equal(fromLunar(2030, 1, 1), '2030-02-02');
  });

  it('knows leap months and converts both ways', () => {
    assert.deepEqual(toLunar(2023, 3, 22), { year: 2023, month: 2, day: 1, leap: true }, '2023 had a leap second month');
    assert.equal(fromLunar(2023, 2, 1, true), '2023-03-22');
    assert.equal(fromLunar(2024, 2, 1, true), undefined, '2024 has no leap month 2');
    assert.deepEqual(toLunar(2026, 2, 16), { year: 2025, month: 12, day: 29, leap: false }, 'the last day of Ất Tỵ');
  });
});

describe('public holidays of the Labour Code (BLLĐ 2019 Điều 112) for any year', () => {
  it('lists 2026: Tết 16–20/2, Giỗ Tổ 27/4 (Sunday 26/4 made up on Monday), 30/4, 1/5, 1–2/9, 1/1', () => {
    const days = lawHolidays(2026).map((d) => d.date);
    for (const date of ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']) {
      assert.ok(days.includes(date), `${date} is off in 2026`);
    }
    assert.ok(lawHolidays(2026).find((d) => d.date === '2026-04-27')!.name.startsWith('Nghỉ bù'));
  });

  it('chooses the day beside Quốc khánh as in recent years: 2/9/2024 Monday → 3/9; 2/9/2025 Tuesday → 1/9', () => {
    assert.ok(lawHolidays(2024).some((d) => d.date === '2024-09-03'));
    assert.ok(lawHolidays(2025).some((d) => d.date === '2025-09-01'));
  });
});

describe('holiday lists in the desk', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  const tokens: Record<string, string> = {};
  before(async () => {
    server = await testApp();
    const staff = new StaffStore(server.ctx.db);
    await staff.addUser({ unit: 'phuong-a', username: 'lan', name: 'Nguyễn Thị Lan', role: 'staff', password: 'mat-khau-dai-du' });
    await staff.addUser({ unit: 'tinh-a', username: 'minh', name: 'Trần Văn Minh', role: 'admin', password: 'mat-khau-dai-du' });
    for (const [unit, username] of [['phuong-a', 'lan'], ['tinh-a', 'minh']]) {
      const signIn = await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password: 'mat-khau-dai-du' } });
      tokens[username!] = signIn.json().token;
    }
  });
  after(async () => server.dispose());
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  it('warns when a year in use has no confirmed list, showing the computed days meanwhile', async () => {
    const response = await server.app.inject({ url: '/v1/staff/units/phuong-a/holidays', headers: as('lan') });
    assert.equal(response.statusCode, 200);
    const { years } = response.json();
    const current = years.find((y: { year: number }) => y.year === yearsInUse()[0]);
    assert.equal(current.confirmed, false);
    assert.equal(current.inUse, true);
    assert.match(current.warning, /Chưa có danh sách ngày nghỉ năm \d{4} đã xác nhận/);
    assert.ok(current.days.some((d: { name: string }) => d.name.startsWith('Tết Nguyên đán')));
  });

  it('an admin enters the year’s decision; it applies to the wards below, clears the warning and moves deadlines', async () => {
    const year = yearsInUse()[0]!;
    const decision = {
      decision: `Thông báo của Bộ Nội vụ về lịch nghỉ năm ${year} (thử nghiệm)`,
      days: [{ date: `${year}-12-28`, name: 'Ngày nghỉ thử' }, { date: `${year}-01-01`, name: 'Tết Dương lịch' }],
      workingDays: [],
    };
    const byStaff = await server.app.inject({ method: 'PUT', url: `/v1/staff/units/phuong-a/holidays/${year}`, headers: as('lan'), payload: decision });
    assert.equal(byStaff.statusCode, 403, 'a staff member may read, not amend');
    const wrongYear = await server.app.inject({ method: 'PUT', url: `/v1/staff/units/tinh-a/holidays/${year}`, headers: as('minh'), payload: { ...decision, days: [{ date: `${year + 3}-01-02`, name: 'x' }] } });
    assert.equal(wrongYear.statusCode, 400);
    const saved = await server.app.inject({ method: 'PUT', url: `/v1/staff/units/tinh-a/holidays/${year}`, headers: as('minh'), payload: decision });
    assert.equal(saved.statusCode, 200, saved.body);
    const ward = (await server.app.inject({ url: `/v1/staff/units/phuong-a/holidays`, headers: as('lan') })).json();
    const current = ward.years.find((y: { year: number }) => y.year === year);
    assert.equal(current.confirmed, true);
    assert.equal(current.decidedBy, 'tinh-a');
    assert.equal(current.warning, undefined);
    assert.equal(current.updatedBy, 'Trần Văn Minh');
    const { calendarFor } = await import('../src/feedback/settings.js');
    const calendar = await calendarFor(server.ctx, (await server.ctx.units.get('phuong-a'))!);
    assert.equal(calendar.isWorkingDay(`${year}-12-28`) , false, 'the entered day off counts');
    const removed = await server.app.inject({ method: 'DELETE', url: `/v1/staff/units/tinh-a/holidays/${year}`, headers: as('minh') });
    assert.equal(removed.json().years.find((y: { year: number }) => y.year === year).confirmed, false);
  });
});
