import { formatVietnam } from '@sipas/schema/rules';

/**
 * Dates and times as forms in Vietnam write them, in Vietnam time whatever the viewer's clock says:
 * "16/12/2026", `dateTime` "16/12/2026 14:05" (`short` is the same as `date`). British English
 * writes digits in that order, four-digit year and 24-hour clock, so one format serves both languages.
 */
export const formatWhen = (value: string | Date, style?: 'date' | 'short' | 'dateTime'): string =>
  formatVietnam(value, 'en-GB', style === 'dateTime' ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' }).replace(',', '');
