import { createStore, del, get, set } from './idb.js';

/**
 * Drafts keep what a citizen typed across a failed submit or a reload. Keyed per element and
 * unit; cleared on success and on a kiosk reset. A storage failure never blocks the form.
 */
const store = createStore('sipas-drafts', 'drafts');

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  try {
    return await get<T>(key, store);
  } catch {
    return undefined;
  }
}

/** Opens the drafts' database ahead of the first read (creating it takes a few tasks on a first visit). */
export const openDrafts = (): void => void loadDraft('');

export async function saveDraft<T>(key: string, value: T): Promise<void> {
  try {
    await set(key, value, store);
  } catch {
    // Private mode or a full disk: the form still works, only without a draft.
  }
}

export async function clearDraft(key: string): Promise<void> {
  try {
    await del(key, store);
  } catch {
    // Nothing to clear.
  }
}
