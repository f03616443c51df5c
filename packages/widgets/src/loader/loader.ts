/**
 * sipas.js, the one classic script a webmaster pastes. It defines only the elements a page shows —
 * now or later (a CMS tab, a lazy block) — by importing their content-hashed ES module chunks from
 * the folder it was itself loaded from: the element's chunk and the shared core, in parallel.
 * A tag already defined by someone else still goes through `define`, which says so (shared/define.ts).
 *
 * It must stay a classic script (no import/export/import.meta: a CMS may strip `type="module"`),
 * survive being included twice (the first copy does the work; a different second version says so
 * once per element), and work under a strict CSP with Trusted Types: `import()` of a URL is governed
 * by script-src only, and nothing here writes HTML or script URLs into the DOM.
 */
import { VERSION } from '../shared/version.js';

/** Files of the core chunk and of each element (entry first), relative to sipas.js; set by vite.config.ts. */
declare const __SIPAS_CORE__: string[];
declare const __SIPAS_ELEMENTS__: Record<string, string[]>;
/** Files of the outbox entry, fetched only on a page without a sending element when something waits to be sent. */
declare const __SIPAS_OUTBOX__: string[];

/** What the element chunks and the core chunk export (src/loader/*.ts). */
interface Chunk {
  start(script: HTMLScriptElement | null, loadOutbox: () => Promise<{ startOutbox(): void }>, early: Map<string, Promise<Response>>): void;
  define(): void;
  setLocale(locale: string): Promise<void>;
}
/** What sipas.js puts on `window.SipasWidgets` (typed for pages in global.ts). */
export interface SipasWidgetsApi {
  version: string;
  setLocale(locale: string): Promise<void>;
}
type VersionedElement = CustomElementConstructor & { sipasVersion?: string };

const page = window as unknown as { SipasWidgets?: SipasWidgetsApi };
const elements = __SIPAS_ELEMENTS__;
const tags = Object.keys(elements);

/**
 * The script tag that loaded this file. `currentScript` is null when a page loads it as a module
 * (a "modern" guide's `type="module"`), so then look for it by name or by its data-* settings.
 */
const script: HTMLScriptElement | null =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src$="/sipas.js"],script[src="sipas.js"],script[data-unit],script[data-endpoint]');
const base = script?.src || document.baseURI;

/** Imports a chunk and its dependencies at once (no waterfall); resolves to the first file's module. */
const importAll = <T>(files: string[]): Promise<T> =>
  Promise.all(files.map((file) => import(/* @vite-ignore */ new URL(file, base).href) as Promise<T>)).then(([module]) => module!);
const load = (files: string[]): Promise<Chunk> =>
  importAll<Chunk>(files).then((chunk) => {
    chunk.start(script, () => importAll(__SIPAS_OUTBOX__), early);
    return chunk;
  });

/**
 * A survey's data, asked for beside its chunks instead of after them: the questionnaire it names,
 * else its unit and, as soon as the unit answers, the unit's questionnaire. The core's client
 * (shared/client.ts) hands each response to the element's first GET of that URL. Only a head
 * start: the element still decides what it needs (a URL it never asks for costs one unused
 * request), with the settings and URLs of shared/config.ts; the browser's HTTP cache revalidates
 * a questionnaire it already holds.
 */
const early = new Map<string, Promise<Response>>();
const ask = (url: string): Promise<Response> => {
  const response = fetch(url);
  early.set(url, response);
  return response;
};
function prefetchSurveys(root: Document | Element): void {
  for (const survey of (root as Element).localName === 'sipas-survey' ? [root as Element] : root.querySelectorAll('sipas-survey')) {
    const setting = (name: string) => survey.getAttribute(name) || script?.dataset[name] || (window as { SIPAS?: Record<string, string> }).SIPAS?.[name];
    const [endpoint, unit, named] = [setting('endpoint'), setting('unit'), survey.getAttribute('questionnaire')];
    if (!endpoint) continue;
    const api = (path: string) => ask(new URL(`v1/${path}`, new URL(endpoint.replace(/\/?$/, '/'), document.baseURI)).href);
    const questionnaire = (id = 'bnv-2023') => api(`questionnaires/${encodeURIComponent(id)}`);
    (named || !unit
      ? questionnaire(named ?? undefined)
      : api(`units/${encodeURIComponent(unit)}`)
          .then((response) => response.ok && response.clone().json())
          .then((info?: { questionnaire?: string }) => info && questionnaire(info.questionnaire))
    ).catch(() => {});
  }
}

/** Tags requested so far; a failed load (offline) is forgotten so the next sighting retries. */
const requested = new Set<string>();
function request(tag: string, root: Document | Element): void {
  if (requested.has(tag)) return;
  requested.add(tag);
  if (tag === 'sipas-survey') prefetchSurveys(root);
  load(elements[tag]!).then(
    (chunk) => chunk.define(),
    (error: unknown) => {
      requested.delete(tag);
      console.warn(`SIPAS widgets: <${tag}> could not be loaded (${String(error)})`);
    },
  );
}

/** Requests every SIPAS tag in `root` (the node itself included); stops watching once all are asked for. */
function discover(root: Document | Element): void {
  for (const tag of tags) if (!requested.has(tag) && ((root as Element).localName === tag || root.querySelector(tag))) request(tag, root);
  if (requested.size === tags.length) observer.disconnect();
}

const observer = new MutationObserver((mutations) => {
  for (const { addedNodes } of mutations)
    for (const node of addedNodes) if (node.nodeType === Node.ELEMENT_NODE) discover(node as Element);
});

const existing = page.SipasWidgets;
if (existing) {
  // Included again: the first copy already watches the page. A different version only says so.
  if (existing.version !== VERSION)
    for (const tag of tags)
      customElements.whenDefined(tag).then(() => {
        const version = (customElements.get(tag) as VersionedElement).sipasVersion;
        if (version !== VERSION)
          console.warn(`<${tag}> is already registered by SIPAS widgets ${version ?? '(unknown)'}; version ${VERSION} is ignored.`);
      });
} else {
  page.SipasWidgets = {
    version: VERSION,
    /** Switches every element's language (English is fetched on demand). */
    setLocale: (locale) => load(__SIPAS_CORE__).then((chunk) => chunk.setLocale(locale)),
  };
  observer.observe(document.documentElement, { childList: true, subtree: true });
  discover(document);
}
