/** The leaf of a unit's log: what an accepted response is, byte for byte. Pure. */
import { canonicalJson } from '../canonical.js';
import type { ResponseSource } from '../channels.js';
import type { SurveyResponse } from '../survey.js';
import { utf8, type Bytes } from './bytes.js';
import { sha256, type HashFunction } from './hash.js';
import { leafHash } from './merkle.js';

/**
 * The entry of one accepted response, as it goes into the log: the response exactly as the server
 * accepted it (after validation; the honeypot field, never stored, is left out) and the server's
 * own time of receipt. Stamping the server's time into the leaf means nobody can later move a
 * response into or out of a period by editing its date.
 */
export interface LogEntry {
  response: Omit<SurveyResponse, 'website'>;
  /** Server time of receipt, ISO 8601 UTC, as on the receipt. */
  receivedAt: string;
  /**
   * The channel the server decided (verified dossier, kiosk, open web), sealed with the response so
   * nobody can later move a response into the published index. Absent in leaves made before
   * channels existed.
   */
  source?: ResponseSource;
}

/**
 * The canonical bytes of a log entry: UTF-8 of `canonicalJson({ receivedAt, response })` — keys
 * sorted at every depth, no whitespace, absent fields omitted (so a leaf without `source`, made before channels, keeps its bytes). Defined here once; the server,
 * the audit and any independent tool must produce exactly these bytes.
 */
export function logEntryBytes(entry: LogEntry): Bytes {
  const { website: _honeypot, ...response } = entry.response as SurveyResponse;
  return utf8(canonicalJson({ receivedAt: entry.receivedAt, response, source: entry.source }));
}

/**
 * The same bytes from a response already in canonical JSON (as the server holds it at ingest):
 * keys sort `receivedAt` before `response`, so wrapping the text equals canonicalJson of the
 * whole entry without parsing and re-serializing it. Tested equal to logEntryBytes.
 */
export function logEntryBytesFromCanonical(canonicalResponse: string, receivedAt: string, source?: ResponseSource): Bytes {
  const sealedSource = source === undefined ? '' : `,"source":${JSON.stringify(source)}`;
  return utf8(`{"receivedAt":${JSON.stringify(receivedAt)},"response":${canonicalResponse}${sealedSource}}`);
}

export const logEntryLeafHash = (entry: LogEntry, hash: HashFunction = sha256): Bytes => leafHash(logEntryBytes(entry), hash);
