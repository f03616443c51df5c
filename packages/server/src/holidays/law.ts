import { fromLunar } from './lunar.js';

/**
 * The public holidays of the Labour Code (Bộ luật Lao động 2019, Điều 112 khoản 1), computed for
 * any year: Tết Dương lịch 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5;
 * Quốc khánh 2/9 and one adjacent day. Which five days of Tết and which day beside 2/9 are
 * decided every year by the Prime Minister (and the ministry's notice for public servants, with
 * days swapped to make long breaks); until that decision is entered these are the usual choice:
 * the last day of the lunar year and days 1–4 of Tết, and the weekday beside 2/9. A holiday that
 * falls on a weekend is made up on the next working day (Điều 111 khoản 3).
 */
export interface Holiday {
  date: string;
  name: string;
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
const weekday = (date: string) => new Date(at(date)).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

export function lawHolidays(year: number): Holiday[] {
  const days: Holiday[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];
  const tet = fromLunar(year, 1, 1)!;
  days.push({ date: iso(at(tet) - DAY), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' });
  for (let i = 0; i < 4; i++) days.push({ date: iso(at(tet) + i * DAY), name: `Tết Nguyên đán (mùng ${i + 1})` });
  days.push({ date: fromLunar(year, 3, 10)!, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  days.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng' });
  days.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế lao động' });
  days.push({ date: `${year}-09-02`, name: 'Quốc khánh' });
  // The adjacent day: the day before unless it is a Sunday (then the day after, making a long weekend).
  const before = `${year}-09-01`;
  days.push({ date: weekday(before) === 0 ? `${year}-09-03` : before, name: 'Quốc khánh (ngày liền kề)' });
  const taken = new Set(days.map((d) => d.date));
  const compensatory: Holiday[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(day.date)) continue;
    let time = at(day.date) + DAY;
    while (isWeekend(iso(time)) || taken.has(iso(time))) time += DAY;
    taken.add(iso(time));
    compensatory.push({ date: iso(time), name: `Nghỉ bù ${day.name}` });
  }
  return [...days, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}
