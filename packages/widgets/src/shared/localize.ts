import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import * as en from '../generated/locales/en.js';

/**
 * Vietnamese is the source language; English the first translation. The translations are
 * bundled (one small module), so the script-tag build stays a single file and switching is instant.
 */
const templates: Record<string, typeof en> = { en };

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => templates[locale]!,
});

export type SipasLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** "en-US" → "en", anything unknown → "vi". */
export function supportedLocale(requested: string | null | undefined): SipasLocale {
  const base = (requested ?? '').toLowerCase().split('-')[0];
  return (targetLocales as readonly string[]).includes(base ?? '') ? (base as SipasLocale) : sourceLocale;
}

/** The BCP 47 tag for Intl: vi-VN or en-GB (day-month order, like Vietnam). */
export function intlLocale(): string {
  return getLocale() === 'en' ? 'en-GB' : 'vi-VN';
}
