import { createStore, keys, type UseStore } from 'idb-keyval';

/**
 * The outbox's IndexedDB queue, on its own so that every page can ask whether anything waits
 * without downloading the sending code (outbox.ts), which only survey and feedback pages carry.
 */
let store: UseStore | undefined;
export const queue = (): UseStore => (store ??= createStore('sipas-outbox', 'entries'));

/** Whether a payload waits on this device; false without IndexedDB (nothing can wait there then). */
export const hasQueued = (): Promise<boolean> =>
  keys(queue()).then(
    (waiting) => waiting.length > 0,
    () => false,
  );
