/** How figures are cut and shown: shared by the server's reports and the badge. No zod here. */

/**
 * How published figures are cut to two decimals. Seed 002 prints 786/960 = 81,875 % as 81,87
 * and 532/640 = 83,125 % as 83,12: it truncates. `half-up` is there for units that round.
 */
export type Rounding = 'truncate' | 'half-up';

export function roundTo(value: number, decimals: number, rounding: Rounding = 'truncate'): number {
  const scale = 10 ** decimals;
  // The epsilon absorbs binary noise (0.8855 * 100 = 88.54999…) without moving a real value.
  const scaled = value * scale;
  const cut = rounding === 'truncate' ? Math.floor(scaled + 1e-9) : Math.floor(scaled + 0.5 + 1e-9);
  return cut / scale;
}

/** A rate as a percentage with two decimals: 0.8855 → 88.55. */
export function ratePercent(rate: number, rounding: Rounding = 'truncate'): number {
  return roundTo(rate * 100, 2, rounding);
}

/** Vietnamese (or English) percentage with two decimals, cut like the published tables. */
export function formatPercent(rate: number, locale = 'vi-VN', rounding: Rounding = 'truncate'): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(ratePercent(rate, rounding) / 100);
}

/** A score such as 20,56 in the locale's number format. */
export function formatScore(score: number, locale = 'vi-VN'): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}
