/**
 * The script tag's shared core chunk: Lit, localisation, the client and the cache. The loader
 * (loader.ts) imports it beside the first element a page shows and calls `start` once. The
 * sending code (outbox, submission controller) lives in a chunk only survey and feedback import;
 * any other page fetches it only when something waits in the outbox.
 */
import { usePrefetched, type Prefetched } from '../shared/client.js';
import { resolveSetting, useLoaderScript } from '../shared/config.js';
import { applyLocale, setLocale } from '../shared/localize.js';
import { hasQueued } from '../shared/outbox-queue.js';

export { SipasElement } from '../shared/element.js';
export { setLocale };

let started = false;

/**
 * Remembers the loader's script tag (its `data-*` settings and the folder of its files), applies
 * the page's language and starts the outbox when something waits in it, so a response queued on
 * any page is delivered from any page with the script (`loadOutbox` comes from the loader, which
 * knows the chunk names), and takes the responses the loader asked for early (`early`, by URL).
 * Runs before the first element is defined.
 */
export function start(
  script: HTMLScriptElement | null,
  loadOutbox: () => Promise<{ startOutbox(): void }>,
  early?: Map<string, Prefetched>,
): void {
  if (started) return;
  started = true;
  useLoaderScript(script);
  if (early) usePrefetched(early);
  applyLocale(resolveSetting('locale', null) ?? document.documentElement.lang);
  void hasQueued().then(async (waiting) => {
    if (waiting) (await loadOutbox()).startOutbox();
  });
}
