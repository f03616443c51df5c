import { VERSION } from './version.js';

/**
 * Registers a custom element unless it is already registered. A CMS may include the script
 * twice, or two versions of it; the first one wins and a different second version says so.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { sipasVersion?: string }) | undefined;
  if (existing) {
    if (existing.sipasVersion !== VERSION) {
      console.warn(`<${tag}> is already registered by SIPAS widgets ${existing.sipasVersion ?? '(unknown)'}; version ${VERSION} is ignored.`);
    }
    return;
  }
  Object.defineProperty(element, 'sipasVersion', { value: VERSION });
  customElements.define(tag, element);
}
