/**
 * sipas.js, the one classic script a webmaster pastes. It defines only the elements a page shows —
 * now or later (a CMS tab, a lazy block) — by importing their content-hashed ES modules from the
 * folder it was itself loaded from: the first element's bundle (with the shared core), then each
 * other element's own file, which reads the core from that first one (one Lit, loaded once).
 * A tag already defined by someone else still goes through `define`, which says so (shared/define.ts).
 *
 * It must stay a classic script (no import/export/import.meta: a CMS may strip `type="module"`),
 * survive being included twice (the first copy does the work; a different second version says so
 * once per element), and work under a strict CSP with Trusted Types: `import()` of a URL is governed
 * by script-src only, and nothing here writes HTML or script URLs into the DOM.
 */
import type { Prefetched } from '../shared/client.js';
import { VERSION } from '../shared/version.js';

/**
 * The bundles, in the `chunks/` folder beside sipas.js, each file `name-<build id>.js`; set by
 * vite.config.ts from scripts/build-script-tag.mjs (which checks the names below). The first
 * element a page shows comes with the core (and the sending code if it sends) in one file named
 * after the element (`survey`), which publishes what elements added later share with it; each of
 * those (`survey-later`, with the chunks it shares with other later bundles: `__SIPAS_LATER__`),
 * and the sending code alone, is a file of its own that reads from the first one.
 */
declare const __SIPAS_BUILD__: string;
/** Where this build's first bundle publishes its core (a registered symbol's key, vite.config.ts). */
declare const __SIPAS_CORE_KEY__: string;
/** The tags, the sending ones first. */
declare const __SIPAS_TAGS__: string[];
declare const __SIPAS_LATER__: Record<string, string[]>;
declare const __SIPAS_SEND__: string[];
/** The tags whose first bundle carries the sending code. */
declare const __SIPAS_SENDING__: string[];

/** What a first bundle exports (src/loader/*.ts, gathered by vite.config.ts); a later one only `define`. */
interface Chunk {
  start(script: HTMLScriptElement | null, loadOutbox: () => Promise<{ startOutbox(): void }>, early: Map<string, Prefetched>): void;
  define(): void;
  setLocale(locale: string): Promise<void>;
  startOutbox(): void;
}
/** What sipas.js puts on `window.SipasWidgets` (typed for pages in global.ts). */
export interface SipasWidgetsApi {
  version: string;
  setLocale(locale: string): Promise<void>;
}
type VersionedElement = CustomElementConstructor & { sipasVersion?: string };

const page = window as unknown as { SipasWidgets?: SipasWidgetsApi; SIPAS?: Record<string, string> };
// The sending tags first: a page with a survey and a badge gets the survey's first bundle, which
// has the sending code, and the badge alone, rather than the sending code as a third file.
const [tags, later, sending] = [__SIPAS_TAGS__, __SIPAS_LATER__, __SIPAS_SENDING__];
/** `sipas-survey` → `survey`, the name of its files. */
const element = (tag: string) => tag.slice(6);

/**
 * The script tag that loaded this file. `currentScript` is null when a page loads it as a module
 * (a "modern" guide's `type="module"`), so then look for it by name or by its data-* settings.
 */
const script: HTMLScriptElement | null =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src$="sipas.js"],script[data-unit],script[data-endpoint]');
const base = new URL('chunks/', script?.src || document.baseURI);

/** The URL of this build's file `name` (the build's id names every file: they never change). */
const fileUrl = (name: string) => new URL(`${name}-${__SIPAS_BUILD__}.js`, base).href;
/** Imports a bundle and its chunks at once (no waterfall); resolves to the first file's module. */
const importAll = <T>(urls: string[]): Promise<T> =>
  Promise.all(urls.map((url) => import(/* @vite-ignore */ url) as Promise<T>)).then(([module]) => module!);

/** The page's first bundle (the core) once asked for, and the sending code once on the page. */
let core: Promise<Chunk> | undefined;
let send: Promise<unknown> | undefined;
/** A language asked for before any element arrived: applied when the core does. */
let locale: string | undefined;
/** `promise`, after which `forget` runs if it fails (offline): the next sighting asks again. */
const retryable = <T>(promise: Promise<T>, forget: () => void): Promise<T> =>
  promise.catch((error: unknown) => {
    forget();
    throw error;
  });
const loadSend = () => (send ??= retryable(core!.then(() => importAll(__SIPAS_SEND__.map(fileUrl))), () => (send = undefined)));

/**
 * `tag`'s code: its first bundle if the page has none yet, else (once the first one has published
 * what they share) its own file, after the sending code when it needs that and the page lacks it.
 */
function load(tag: string): Promise<Chunk> {
  if (!core) {
    // The page's modulepreload hint for this tag's first bundle under its stable name, beside this
    // file (chunks/sipas-survey.js; the configurator's snippet has it): that download began with the
    // page, so import that copy — if it is this build's (it published this build's core), else, as
    // after an upgrade while this file is still cached, or if it failed, this build's own file.
    const own = () => importAll<Chunk>([fileUrl(element(tag))]);
    const stable = new URL(`${tag}.js`, base).href;
    const bundle = (
      [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].some((link) => link.href === stable)
        ? importAll<Chunk>([stable]).then((chunk) => ((globalThis as Record<symbol, unknown>)[Symbol.for(__SIPAS_CORE_KEY__)] ? chunk : own()), own)
        : own()
    ).then((chunk) => {
      chunk.start(script, loadSend as () => Promise<Chunk>, early);
      if (locale) void chunk.setLocale(locale);
      return chunk;
    });
    core = retryable(bundle, () => (core = send = undefined));
    if (sending.includes(tag)) send = core;
    return core;
  }
  return (sending.includes(tag) ? loadSend() : core).then(() => importAll<Chunk>([`${element(tag)}-later`, ...later[tag]!].map(fileUrl)));
}

/**
 * A survey's data, asked for beside its chunks instead of after them: the questionnaire it names,
 * else its unit and, as soon as the unit answers, the unit's questionnaire. The core's client
 * (shared/client.ts) hands each response to the element's first GET of that URL. Only a head
 * start: the element still decides what it needs (a URL it never asks for costs one unused
 * request), with the settings and URLs of shared/config.ts; the browser's HTTP cache revalidates
 * a questionnaire it already holds.
 */
const early = new Map<string, Prefetched>();
const ask = (url: string): Prefetched => {
  // Read while the page waits for the code: the element then parses it at once (shared/client.ts).
  const response = fetch(url).then((answer) => answer.text().then((body) => [answer, body] as const));
  early.set(url, response);
  return response;
};
function prefetchSurveys(root: Document | Element): void {
  for (const survey of (root as Element).localName === 'sipas-survey' ? [root as Element] : root.querySelectorAll('sipas-survey')) {
    const setting = (name: string) => survey.getAttribute(name) || script?.dataset[name] || page.SIPAS?.[name];
    const [endpoint, unit, named] = [setting('endpoint'), setting('unit'), survey.getAttribute('questionnaire')];
    if (!endpoint) continue;
    const api = (path: string) => ask(new URL(`v1/${path}`, new URL(endpoint.replace(/\/?$/, '/'), document.baseURI)).href);
    const questionnaire = (id = 'bnv-2023') => api(`questionnaires/${encodeURIComponent(id)}`);
    (named || !unit
      ? questionnaire(named ?? undefined)
      : api(`units/${encodeURIComponent(unit)}`)
          .then(([response, body]) => response.ok && JSON.parse(body))
          .then((info?: { questionnaire?: string }) => info && questionnaire(info.questionnaire))
    ).catch(() => {});
  }
}

/** Tags requested so far; a failed load (offline) is forgotten so the next sighting retries. */
const requested = new Set<string>();
function request(tag: string, root: Document | Element): void {
  if (requested.has(tag)) return;
  requested.add(tag);
  // The code first: it is the longer download, and it gets the connection the page's preconnect opened.
  load(tag).then(
    (chunk) => chunk.define(),
    (error: unknown) => {
      requested.delete(tag);
      console.warn(`SIPAS widgets: <${tag}> could not be loaded (${error})`);
    },
  );
  if (tag === 'sipas-survey') prefetchSurveys(root);
}

/** Requests every SIPAS tag in `root` (the node itself included); stops watching once all are asked for. */
function discover(root: Document | Element): void {
  for (const tag of tags) if (!requested.has(tag) && ((root as Element).localName === tag || root.querySelector(tag))) request(tag, root);
  if (requested.size === tags.length) observer.disconnect();
}

const observer = new MutationObserver((mutations) => {
  for (const { addedNodes } of mutations)
    for (const node of addedNodes) if (node.nodeType === 1 /* an element */) discover(node as Element);
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
    /** Switches every element's language (English is fetched on demand), now or when the first arrives. */
    setLocale: async (wanted) => {
      locale = wanted;
      await core?.then((chunk) => chunk.setLocale(wanted));
    },
  };
  observer.observe(document.documentElement, { childList: true, subtree: true });
  discover(document);
}
