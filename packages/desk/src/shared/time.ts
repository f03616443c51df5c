/** Times shown to staff are Vietnam time, with the offset said once, so a printout is never ambiguous. */
const VIETNAM = 'Asia/Ho_Chi_Minh';

/** `01/12/2026 21:05 (UTC+7)` */
export function vietnamDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: VIETNAM,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')} (UTC+7)`;
}

/** `2026-12-16` (a Vietnam calendar date) → `16/12/2026`. */
export const calendarDate = (date: string): string => date.split('-').reverse().join('/');
