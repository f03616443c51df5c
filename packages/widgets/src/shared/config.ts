/**
 * Where an element finds its endpoint and unit, first match wins:
 * 1. its own `endpoint` / `unit` attributes;
 * 2. the loader script tag's `data-endpoint` / `data-unit` (`<script src=".../sipas.js" data-unit="…">`);
 * 3. the page global `window.SIPAS = { endpoint, unit, locale }`.
 * `endpoint` is a base URL; the API lives under `{endpoint}/v1/…`.
 */
export interface SipasGlobalConfig {
  endpoint?: string;
  unit?: string;
  locale?: string;
}

declare global {
  interface Window {
    SIPAS?: SipasGlobalConfig;
  }
}

// A classic script knows itself only while it first runs, so remember it now. The script tag's
// chunks are modules (no currentScript): the loader hands its tag over through `useLoaderScript`.
let loaderScript: HTMLScriptElement | null =
  typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/** Called by the loader's core chunk with the `<script src=".../sipas.js">` that loaded it. */
export function useLoaderScript(script: HTMLScriptElement | null): void {
  if (script) loaderScript = script;
}

/** The URL sipas.js was loaded from, for files published beside it (translations). */
export function scriptUrl(): string | undefined {
  return loaderScript?.src || undefined;
}

function loaderData(name: 'endpoint' | 'unit' | 'locale'): string | undefined {
  const script =
    loaderScript ?? (typeof document !== 'undefined' ? document.querySelector<HTMLScriptElement>('script[data-endpoint], script[data-unit]') : null);
  return script?.dataset[name] || undefined;
}

export function resolveSetting(name: 'endpoint' | 'unit' | 'locale', own: string | null | undefined): string | undefined {
  return own || loaderData(name) || (typeof window !== 'undefined' ? window.SIPAS?.[name] : undefined) || undefined;
}

/** `https://x.gov.vn/sipas/` + `units/a` → `https://x.gov.vn/sipas/v1/units/a`. Relative endpoints resolve against the page. */
export function apiUrl(endpoint: string, path: string): string {
  const base = new URL(endpoint.endsWith('/') ? endpoint : `${endpoint}/`, document.baseURI);
  return new URL(`v1/${path.replace(/^\//, '')}`, base).href;
}
