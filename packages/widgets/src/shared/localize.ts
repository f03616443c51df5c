import { configureLocalization, msg } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { scriptUrl } from './config.js';

/** Set by the script-tag build (vite.config.ts): translations come as JSON next to sipas.js. */
declare const __SIPAS_SCRIPT_TAG__: boolean | undefined;

type Templates = Record<string, string | { strTag: true; strings: string[]; values: number[] }>;

/**
 * Vietnamese is the source language and costs nothing to load. English is fetched only when a
 * page asks for it: in the script-tag build as `sipas.en.json` beside `sipas.js` (one request,
 * cached by the browser; an array by message number, scripts/message-ids.mjs), otherwise as a lazily imported module. If it cannot be loaded the
 * elements stay in Vietnamese.
 */
async function loadLocale(locale: string): Promise<{ templates: Templates }> {
  if (typeof __SIPAS_SCRIPT_TAG__ !== 'undefined' && __SIPAS_SCRIPT_TAG__) {
    const response = await fetch(new URL(`sipas.${locale}.json`, scriptUrl() ?? document.baseURI), { credentials: 'omit' });
    if (!response.ok) throw new Error(`sipas.${locale}.json: HTTP ${response.status}`);
    return { templates: (await response.json()) as Templates };
  }
  return import('../generated/locales/en.js') as unknown as Promise<{ templates: Templates }>;
}

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: loadLocale as Parameters<typeof configureLocalization>[0]['loadLocale'],
});

export type SipasLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** "en-US" → "en", anything unknown → "vi". */
export function supportedLocale(requested: string | null | undefined): SipasLocale {
  const base = (requested ?? '').toLowerCase().split('-')[0];
  return (targetLocales as readonly string[]).includes(base ?? '') ? (base as SipasLocale) : sourceLocale;
}

/** Switches every element to `requested`; stays in Vietnamese (and says why) if that fails. */
export function applyLocale(requested: string | null | undefined): void {
  const locale = supportedLocale(requested);
  if (locale === getLocale()) return;
  setLocale(locale).catch((error: unknown) => console.warn(`SIPAS widgets: staying in Vietnamese (${error as Error})`));
}

/** The BCP 47 tag for Intl: vi-VN or en-GB (day-month order, like Vietnam). */
export function intlLocale(): string {
  return getLocale() === 'en' ? 'en-GB' : 'vi-VN';
}

/** Shown in place of "check your network" when the unit does not allow this page's site: the truth, and who can fix it. */
export const originRefusedText = () =>
  msg('Dịch vụ này chưa được thiết lập trên trang web này. Xin báo quản trị trang web.', { id: 'common.originRefused' });
