import { createStore, keys, type Store } from './idb.js';

/**
 * The outbox's IndexedDB queue, on its own so that every page can ask whether anything waits
 * without downloading the sending code (outbox.ts), which only survey and feedback pages carry.
 */
export const queue: Store = createStore('sipas-outbox', 'entries');

/** Whether a payload waits on this device; false without IndexedDB (nothing can wait there then). */
export const hasQueued = (): Promise<boolean> =>
  keys(queue).then(
    (waiting) => waiting.length > 0,
    () => false,
  );
