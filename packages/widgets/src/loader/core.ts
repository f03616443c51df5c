/**
 * The script tag's shared core chunk: Lit, localisation, the client and the offline outbox. The
 * loader (loader.ts) imports it beside the first element a page shows and calls `start` once.
 */
import { resolveSetting, useLoaderScript } from '../shared/config.js';
import { applyLocale, setLocale } from '../shared/localize.js';
import { startOutbox } from '../shared/outbox.js';

export { SipasElement } from '../shared/element.js';
export { setLocale };

let started = false;

/**
 * Remembers the loader's script tag (its `data-*` settings and the folder of its files), applies
 * the page's language and starts the outbox, so a response queued on any page is delivered from
 * any page with the script. Runs before the first element is defined.
 */
export function start(script: HTMLScriptElement | null): void {
  if (started) return;
  started = true;
  useLoaderScript(script);
  applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
  startOutbox();
}
