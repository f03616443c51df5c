import { createStore, get, set } from './idb.js';

/**
 * The offline copies of what the elements read (catalogue, procedures, questionnaires, units,
 * results): ONE IndexedDB store, keyed by URL. Only the cached-resource controller uses it.
 * A storage failure (private mode, a full disk, no IndexedDB) only loses the copy.
 */
export interface CachedCopy<T> {
  etag: string | undefined;
  data: T;
  /** When the server last confirmed this copy (ISO instant). */
  checkedAt: string;
}

const db = createStore('sipas-cache', 'resources');

// A storage failure only loses the copy: the element works on without it.
export const readCopy = <T>(key: string): Promise<CachedCopy<T> | undefined> => get<CachedCopy<T>>(key, db).catch(() => undefined);

export const writeCopy = <T>(key: string, value: CachedCopy<T>): Promise<void> => set(key, value, db).catch(() => undefined);
