import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readCopy, writeCopy, type CachedCopy } from '../cache.js';
import { isPrefetched, requestJson } from '../client.js';

/** What the host renders from: the data, where it came from, and whether the server confirmed it. */
export interface ResourceState<T> {
  url: string | undefined;
  data: T | undefined;
  /** `cache`: the copy kept from an earlier visit; `network`: fresh or confirmed by a 304. */
  source: 'cache' | 'network' | undefined;
  /** True once the server confirmed the data during this load. */
  fresh: boolean;
  /** The server answered 304: the kept copy is still current. */
  notModified: boolean;
  /** When the server last confirmed the data shown (ISO instant). */
  checkedAt: string | undefined;
  /** The request of this load failed (offline, server down): the data shown, if any, may be old. */
  failed: boolean;
  error: unknown;
}

const blank = <T>(url: string | undefined, data: T | undefined): ResourceState<T> => ({
  url,
  data,
  source: undefined,
  fresh: false,
  notModified: false,
  checkedAt: undefined,
  failed: false,
  error: undefined,
});

export interface CachedResourceOptions<T> {
  /** Called after every change of the state (the copy shown, then the fresh data or a failure). */
  onChange?: (state: ResourceState<T>) => void;
}

/**
 * A GET resource kept offline, stale-while-revalidate: `load(url)` shows the copy kept from the
 * last visit at once (from the one IndexedDB store of shared/cache.ts), then asks the server with
 * `If-None-Match` and shows what it answers. Offline, the copy stays with `failed` set. A newer
 * `load()` makes the answers of an older one be ignored, so the host never shows a stale URL.
 */
export class CachedResource<T> implements ReactiveController {
  state: ResourceState<T> = blank<T>(undefined, undefined);

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _options: CachedResourceOptions<T> = {},
  ) {
    _host.addController(this);
  }

  hostConnected(): void {}

  get data(): T | undefined {
    return this.state.data;
  }

  private _change(url: string, next: Partial<ResourceState<T>>): boolean {
    if (url !== this.state.url) return false;
    this.state = { ...this.state, ...next };
    this._host.requestUpdate();
    this._options.onChange?.(this.state);
    return true;
  }

  /** The copy kept for `url`, without asking the server (e.g. to start a dependent request early). */
  peek(url: string): Promise<T | undefined> {
    return readCopy<T>(url).then((copy) => copy?.data);
  }

  /** Loads `url`: the kept copy first, then the network. Resolves with the data finally shown. */
  async load(url: string, options: { keepData?: boolean } = {}): Promise<T | undefined> {
    this.state = blank(url, options.keepData ? this.state.data : undefined);
    const reading = readCopy<T>(url);
    const showCopy = (copy: CachedCopy<T> | undefined) =>
      copy && this.state.source !== 'network' && this._change(url, { data: copy.data, source: 'cache', checkedAt: copy.checkedAt });
    // A response sipas.js already asked for (unconditionally) is not held up by the copy: opening
    // IndexedDB the first time takes longer than the questionnaire's round trip. Else the copy
    // first, and its ETag makes the request a revalidation.
    const early = isPrefetched(url);
    if (early) void reading.then(showCopy);
    const copy = early ? undefined : await reading;
    showCopy(copy);
    try {
      const response = await requestJson<T>(url, copy?.etag ? { headers: { 'if-none-match': copy.etag } } : {});
      const data = response.status === 304 || response.data === undefined ? copy?.data : response.data;
      if (data === undefined) throw new Error(`${url}: empty response`);
      const checkedAt = new Date().toISOString();
      if (url !== this.state.url) return this.state.data;
      void writeCopy<T>(url, { etag: response.headers.get('etag') ?? copy?.etag, data, checkedAt });
      this._change(url, { data, source: 'network', fresh: true, notModified: response.status === 304, checkedAt });
    } catch (error) {
      this._change(url, { failed: true, error });
      if (early) showCopy(await reading);
    }
    return url === this.state.url ? this.state.data : undefined;
  }
}
