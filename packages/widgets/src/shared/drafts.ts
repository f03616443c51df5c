import { createStore, del, get, set } from './idb.js';

/**
 * Drafts keep what a citizen typed across a failed submit or a reload. Keyed per element and
 * unit; cleared on success and on a kiosk reset. A storage failure never blocks the form.
 */
const store = createStore('sipas-drafts', 'drafts');

/** A storage failure (private mode, a full disk, no IndexedDB) only loses the draft: never an error. */
const quietly = <T>(attempt: Promise<T>): Promise<T | undefined> => attempt.catch(() => undefined);

export const loadDraft = <T>(key: string): Promise<T | undefined> => quietly(get<T>(key, store));

export const saveDraft = <T>(key: string, value: T): Promise<void> => quietly(set(key, value, store));

export const clearDraft = (key: string): Promise<void> => quietly(del(key, store));
