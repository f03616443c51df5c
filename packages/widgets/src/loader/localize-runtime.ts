/**
 * The part of `@lit/localize`'s runtime mode the elements use — `msg` with stable ids, `str`,
 * `configureLocalization`, `updateWhenLocaleChanges` — in a quarter of its size, for the script
 * tag's chunks only (vite.config.ts aliases `@lit/localize` here; npm users get the real package).
 * Same contract: the source text (Vietnamese) unless the active catalogue has the message, `str`
 * values reordered as the translation says, `lit-localize-status` events on window, and of two
 * overlapping `setLocale` calls the later one wins. One difference: the build replaces each call's
 * `{ id }` with the message's number (scripts/message-keys.ts), and a catalogue (sipas.<locale>.json)
 * is an array in that order.
 */
import type { ReactiveControllerHost } from 'lit';

interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: readonly unknown[];
}
type Template = string | StrResult;
type Translation = string | { strTag: true; strings: string[]; values: number[] };
type Catalogue = (Translation | null)[];

export interface LocalizationConfig {
  sourceLocale: string;
  targetLocales: readonly string[];
  loadLocale: (locale: string) => Promise<{ templates: Catalogue }>;
}

export const LOCALE_STATUS_EVENT = 'lit-localize-status';

export const str = (strings: TemplateStringsArray, ...values: unknown[]): StrResult => ({ strTag: true, strings, values });

const join = (strings: readonly string[], values: readonly unknown[]): string =>
  strings.reduce((text, part, index) => text + String(values[index - 1]) + part);

let templates: Catalogue | undefined;

/** `key`: the message's number in the catalogue (the build puts it there); none when no locale translates it. */
export function msg(template: Template, key?: number): string {
  const translation = key === undefined ? undefined : templates?.[key];
  if (typeof template === 'string') return typeof translation === 'string' ? translation : template;
  if (translation && typeof translation !== 'string')
    return join(translation.strings, translation.values.map((index) => template.values[index]));
  return join(template.strings, template.values);
}

const status = (detail: Record<string, string>) => window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail }));

export function configureLocalization(config: LocalizationConfig) {
  let active = config.sourceLocale;
  let wanted = active;
  let pending: Promise<void> = Promise.resolve();
  let request = 0;
  const valid = new Set([config.sourceLocale, ...config.targetLocales]);
  const setLocale = (locale: string): Promise<void> => {
    if (locale === wanted) return pending;
    if (!valid.has(locale)) return Promise.reject(new Error('Invalid locale code'));
    const id = ++request;
    wanted = locale;
    status({ status: 'loading', loadingLocale: locale });
    pending = (locale === config.sourceLocale ? Promise.resolve({ templates: undefined }) : config.loadLocale(locale)).then(
      (loaded) => {
        if (id !== request) return;
        active = locale;
        templates = loaded.templates;
        status({ status: 'ready', readyLocale: locale });
      },
      (error: unknown) => {
        if (id === request) {
          wanted = active;
          status({ status: 'error', errorLocale: locale, errorMessage: String(error) });
        }
        throw error;
      },
    );
    return pending;
  };
  return { getLocale: () => active, setLocale };
}

/** Re-renders `host` whenever a new locale is ready. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost & EventTarget): void {
  const onStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') host.requestUpdate();
  };
  host.addController({
    hostConnected: () => window.addEventListener(LOCALE_STATUS_EVENT, onStatus),
    hostDisconnected: () => window.removeEventListener(LOCALE_STATUS_EVENT, onStatus),
  });
}
