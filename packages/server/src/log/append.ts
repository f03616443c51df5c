import { logEntryBytesFromCanonical, type ResponseSource } from '@sipas/schema';
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { appendLeaf } from './tree.js';

const LEAF_PREFIX = new Uint8Array([0]);

export interface LeafReceipt {
  index: number;
  hash: string;
}

/**
 * Appends an accepted response to its unit's sealed, append-only log inside the insert's
 * transaction and returns its leaf. The leaf is the response as accepted (`canonical`, the
 * survey store's canonical JSON without the honeypot) plus the server's time of receipt: the
 * store passes the very `receivedAt` it has just written to the row, so the two cannot disagree —
 * and the channel the server decided, sealed so nobody can move a response into the published index.
 */
export async function appendToLog(
  tx: Queryable,
  unit: string,
  responseId: string,
  canonical: string,
  receivedAt: string,
  source: ResponseSource,
): Promise<LeafReceipt> {
  const bytes = logEntryBytesFromCanonical(canonical, receivedAt, source);
  const leafHash = createHash('sha256').update(LEAF_PREFIX).update(bytes).digest('hex');
  return appendLeaf(tx, unit, responseId, receivedAt, leafHash);
}
