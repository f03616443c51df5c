/**
 * Lit's stylesheet plumbing (`@lit/reactive-element/css-tag.js`) for the script tag's bundles
 * (scripts/trim-lit.ts puts it in Lit's place; npm users get Lit's own), with the same exports and
 * behaviour for what the elements do — every stylesheet is one literal made by `unsafeCSS`
 * (src/loader/lit.ts) — without what that never reaches: Lit's cache of sheets by template
 * strings (only its `css` tag fills it), the guard against `new CSSResult()` outside Lit, and
 * `CSSStyleSheet` objects among a class's styles.
 */

const page = globalThis as typeof globalThis & { litNonce?: string };

/**
 * Constructable stylesheets shared by every shadow root (else a `<style>` element in each). Lit also
 * asks whether the ShadyCSS polyfill emulates shadow DOM: never so in a browser that runs ES2022.
 */
export const supportsAdoptingStyleSheets: boolean = 'adoptedStyleSheets' in Document.prototype && 'replace' in CSSStyleSheet.prototype;

export class CSSResult {
  // Lit's `_$cssResult$` brand is read only by its own `css` tag, to accept interpolated results.
  #sheet: CSSStyleSheet | undefined;
  constructor(readonly cssText: string) {}
  /** Made once, on first use, where the browser can adopt it. */
  get styleSheet(): CSSStyleSheet | undefined {
    if (supportsAdoptingStyleSheets && !this.#sheet) (this.#sheet = new CSSStyleSheet()).replaceSync(this.cssText);
    return this.#sheet;
  }
  toString(): string {
    return this.cssText;
  }
}

export const unsafeCSS = (value: unknown): CSSResult => new CSSResult(typeof value === 'string' ? value : String(value));

/** The elements' `css`: a literal without `${}` (see lit.ts). */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

/** Gives `root` the styles: adopted sheets, or `<style>` elements (with Lit's `litNonce`, for a CSP) where unsupported. */
export function adoptStyles(root: ShadowRoot, styles: CSSResult[]): void {
  if (supportsAdoptingStyleSheets) {
    root.adoptedStyleSheets = styles.map((style) => style.styleSheet!);
    return;
  }
  for (const style of styles) {
    const element = document.createElement('style');
    if (page.litNonce !== undefined) element.setAttribute('nonce', page.litNonce);
    element.textContent = style.cssText;
    root.appendChild(element);
  }
}

/** Lit turns a `CSSStyleSheet` in `static styles` into text where sheets cannot be adopted: the elements' styles are all `CSSResult`s. */
export const getCompatibleStyle = (style: CSSResult): CSSResult => style;
