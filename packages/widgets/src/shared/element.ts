import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { apiUrl, resolveSetting } from './config.js';
import type { SipasEventMap, SipasEventName } from './events.js';

/**
 * What every SIPAS element shares: the `endpoint` and `unit` settings with their fallbacks,
 * re-rendering when the locale changes, and typed, bubbling, composed events.
 */
export class SipasElement extends LitElement {
  static override properties = {
    endpoint: { type: String },
    unit: { type: String },
  };

  /** Base URL of the SIPAS endpoint; the API is under `{endpoint}/v1/`. */
  declare endpoint: string | undefined;
  /** Id of the unit (ward, commune) whose data this element shows or sends. */
  declare unit: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected get resolvedEndpoint(): string | undefined {
    return resolveSetting('endpoint', this.endpoint);
  }

  protected get resolvedUnit(): string | undefined {
    return resolveSetting('unit', this.unit);
  }

  /** The API URL of `path`, or undefined when no endpoint is configured. */
  protected api(path: string): string | undefined {
    const endpoint = this.resolvedEndpoint;
    return endpoint ? apiUrl(endpoint, path) : undefined;
  }

  /** Dispatches a `sipas-…` event of the map in events.ts, bubbling out of the shadow root; false if cancelled. */
  protected emit<K extends SipasEventName>(type: K, detail: SipasEventMap[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}
