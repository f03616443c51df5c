/**
 * The digital sealed ballot box (hòm phiếu điện tử): what a leaf of a unit's log is, how the
 * Merkle tree over the leaves is hashed (RFC 6962 / RFC 9162), and how anyone — a supervisor's
 * tool, a browser, the server itself — checks inclusion proofs, consistency proofs and signed
 * checkpoints (C2SP tlog-checkpoint over C2SP signed-note).
 *
 * Everything in this folder is pure and zod-free (no node:crypto either), so a browser can use it.
 * SHA-256 is a small pure implementation; callers that have a faster one (node:crypto) pass it as `hash`. Ed25519
 * verification is always passed in (`verify`), since it needs a real crypto library.
 * The route payloads (zod) live in `api/log-payloads.ts`.
 */
export * from './bytes.js';
export * from './hash.js';
export * from './merkle.js';
export * from './leaf.js';
export * from './note.js';
