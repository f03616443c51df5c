import type { Queryable } from '../db/database.js';

export interface LeafReceipt {
  index: number;
  hash: string;
}

/**
 * Appends an accepted response to its unit's sealed, append-only log inside the insert's
 * transaction and returns its leaf. (Filled in by the ballot-box capability; until then none.)
 */
export async function appendToLog(
  _tx: Queryable,
  _unit: string,
  _responseId: string,
  _canonical: string,
): Promise<LeafReceipt | undefined> {
  return undefined;
}
