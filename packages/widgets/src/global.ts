/**
 * Types of the script tag's global. `sipas.js` (the loader, src/loader/loader.ts) puts its API on
 * `window.SipasWidgets`; the type is the loader's own interface, so it cannot drift from what the
 * script really exposes. TypeScript pages that use only the script tag add
 * `/// <reference types="@sipas/widgets/global" />` (or import anything from `@sipas/widgets`).
 */
import type { SipasWidgetsApi } from './loader/loader.js';
import type { SipasGlobalConfig } from './shared/config.js';

/** `window.SipasWidgets`: what sipas.js exposes, e.g. `SipasWidgets.setLocale('en')`, `SipasWidgets.version`. */
export type SipasWidgetsGlobal = SipasWidgetsApi;
export type { SipasGlobalConfig };

declare global {
  interface Window {
    /** Set by sipas.js once it has run; absent on pages that import the npm package instead. */
    SipasWidgets?: SipasWidgetsGlobal;
  }
  // `SipasWidgets.setLocale('en')` from a page script, as the README shows.
  var SipasWidgets: SipasWidgetsGlobal | undefined;
}
