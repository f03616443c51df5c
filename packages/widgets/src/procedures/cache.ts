import { createStore, get, set, type UseStore } from 'idb-keyval';

/**
 * The last catalogue (and every procedure opened) per endpoint and unit, or per static file, so a
 * revisit shows at once and offline shows what it has. A storage failure only loses the cache.
 */
export interface Cached<T> {
  etag: string | undefined;
  data: T;
  /** When the server last confirmed this copy (ISO instant). */
  checkedAt: string;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('sipas-procedures', 'cache'));

export async function readCache<T>(key: string): Promise<Cached<T> | undefined> {
  try {
    return await get<Cached<T>>(key, db());
  } catch {
    return undefined;
  }
}

export async function writeCache<T>(key: string, value: Cached<T>): Promise<void> {
  try {
    await set(key, value, db());
  } catch {
    // Private mode or a full disk: the element works, only without the revisit cache.
  }
}
