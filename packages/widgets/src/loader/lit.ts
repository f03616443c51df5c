/**
 * `lit` for the script tag's bundles (vite.config.ts aliases it here; npm users get the real
 * package): all of it but `css`, which becomes the template's text. Every stylesheet of the
 * elements is a literal without `${}`, so Lit's check of interpolated values (and its long error
 * message) would be bytes on every page for nothing.
 */
import { unsafeCSS, type CSSResult } from 'lit-element/lit-element.js';

export * from 'lit-element/lit-element.js';
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
