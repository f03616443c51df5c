/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for the meridian of UTC+7 as Vietnam has
 * used since 1968 (the Chinese calendar uses UTC+8, which is why Tết sometimes differs by a day).
 * New moons and the sun's longitude from the standard astronomical series (J. Meeus,
 * "Astronomical Algorithms", ch. 47–49, truncated); month 11 always holds the winter solstice,
 * a year with 13 months leaps the first month without a principal term. Good for 1900–2199.
 */

const TIME_ZONE = 7;
const rad = Math.PI / 180;

/** Julian day number of a Gregorian date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian day number. */
export function fromJulianDay(jd: number): { year: number; month: number; day: number } {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Julian date (with fraction, UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * rad);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * rad) + 0.0021 * Math.sin(2 * rad * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * rad) + 0.0161 * Math.sin(rad * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(rad * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(rad * 2 * F) - 0.0051 * Math.sin(rad * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(rad * (M - Mpr)) + 0.0004 * Math.sin(rad * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(rad * (2 * F - M)) - 0.0006 * Math.sin(rad * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(rad * (2 * F - Mpr)) + 0.0005 * Math.sin(rad * (2 * Mpr + M));
  // ΔT, the difference between dynamical and universal time.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + C1 - deltaT;
}

/** The sun's apparent longitude (radians, 0–2π) at a Julian date. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(rad * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(rad * 2 * M) + 0.00029 * Math.sin(rad * 3 * M);
  let L = (L0 + DL) * rad;
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** The local day (Julian day number) of the k-th new moon. */
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** Which of the 12 principal terms (0–11, by 30° of solar longitude) the sun is in at the start of a local day. */
const sunTerm = (dayNumber: number) => Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** The first day of lunar month 11 of a Gregorian year (the month holding the winter solstice). */
function month11(year: number): number {
  const off = julianDay(year, 12, 31) - 2415021;
  const k = Math.floor(off / 29.530588853);
  let nm = newMoonDay(k);
  if (sunTerm(nm) >= 9) nm = newMoonDay(k - 1);
  return nm;
}

/** Months from month 11 to the leap month, in a 13-month year starting at `a11`. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = sunTerm(newMoonDay(k + i));
  do {
    last = arc;
    i++;
    arc = sunTerm(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** The lunar date of a Gregorian date. */
export function toLunar(year: number, month: number, day: number): LunarDate {
  const dayNumber = julianDay(year, month, day);
  const k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = month11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11(year + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, leap };
}

/** The Gregorian date (YYYY-MM-DD) of a lunar date; undefined if that leap month does not exist. */
export function fromLunar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): string | undefined {
  let a11: number;
  let b11: number;
  if (lunarMonth < 11) {
    a11 = month11(lunarYear - 1);
    b11 = month11(lunarYear);
  } else {
    a11 = month11(lunarYear);
    b11 = month11(lunarYear + 1);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) return undefined;
  const { year, month, day } = fromJulianDay(newMoonDay(k + off) + lunarDay - 1);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
