import { formatVietnam } from '@sipas/schema/rules';
import { intlLocale } from './localize.js';

/**
 * Dates and times as people read them, always in Vietnam time and the page's language:
 * `date` "9 thg 3, 2026", `short` "09/03/2026", `dateTime` "09/03/2026 14:05".
 */
export function formatWhen(value: string | Date, style: 'date' | 'short' | 'dateTime' = 'date'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'date' ? { dateStyle: 'medium' } : style === 'short' ? { dateStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' };
  return formatVietnam(value, intlLocale(), options);
}
