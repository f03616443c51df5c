/**
 * The little of IndexedDB the elements use — one object store per database, values by key — in
 * the fewest bytes: what idb-keyval does for these five calls, without its cursor fallbacks.
 * The databases and stores keep idb-keyval's layout (version 1, out-of-line keys), so drafts,
 * queued responses and kept copies written by an earlier version are read as they are.
 * Every call returns a promise; no IndexedDB (private modes, some in-app browsers) rejects it.
 */
export type Store = <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T> | IDBTransaction) => Promise<T>;

/** A request's result, or (writes) its transaction's completion: durable once resolved. */
const settle = <T>(request: IDBRequest<T> | IDBTransaction): Promise<T> =>
  new Promise((resolve, reject) => {
    const any = request as IDBRequest<T> & IDBTransaction;
    any.oncomplete = any.onsuccess = () => resolve(any.result);
    any.onabort = any.onerror = () => reject(any.error);
  });

export function createStore(name: string, storeName: string): Store {
  let opened: Promise<IDBDatabase> | undefined;
  return async (mode, run) => {
    if (!opened) {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      opened = settle(request);
      // Try again next time after a failure, or when the browser closed the connection (Safari does).
      opened.then((db) => (db.onclose = () => (opened = undefined)), () => (opened = undefined));
    }
    return settle(run((await opened).transaction(storeName, mode).objectStore(storeName)));
  };
}

export const get = <T>(key: string, store: Store): Promise<T | undefined> => store('readonly', (objects) => objects.get(key));
export const set = (key: string, value: unknown, store: Store): Promise<void> =>
  store('readwrite', (objects) => (objects.put(value, key), objects.transaction));
export const del = (key: string, store: Store): Promise<void> => store('readwrite', (objects) => (objects.delete(key), objects.transaction));
export const keys = (store: Store): Promise<IDBValidKey[]> => store('readonly', (objects) => objects.getAllKeys());
/** Every value, in key order. */
export const values = <T>(store: Store): Promise<T[]> => store('readonly', (objects) => objects.getAll());
