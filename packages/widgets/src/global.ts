/**
 * Types of the script tag's global. `sipas.js` (the IIFE build of all.ts) puts the exports of
 * all.ts on `window.SipasWidgets`, so the type is taken from that module: it cannot drift from
 * what the script really exposes. TypeScript pages that use only the script tag add
 * `/// <reference types="@sipas/widgets/global" />` (or import anything from `@sipas/widgets`).
 */
import type * as ScriptTag from './all.js';
import type { SipasGlobalConfig } from './shared/config.js';

/** `window.SipasWidgets`: what sipas.js exposes, e.g. `SipasWidgets.setLocale('en')`. */
export type SipasWidgetsGlobal = typeof ScriptTag;
export type { SipasGlobalConfig };

declare global {
  interface Window {
    /** Set by sipas.js once it has run; absent on pages that import the npm package instead. */
    SipasWidgets?: SipasWidgetsGlobal;
  }
  // `SipasWidgets.setLocale('en')` from a page script, as the README shows.
  var SipasWidgets: SipasWidgetsGlobal | undefined;
}
