/**
 * Ids the clients make. A module of its own: only the sending elements (survey, feedback) need
 * it, and the script tag's build puts it with their shared sending code (vite.config.ts).
 */
/**
 * A new id for a response or a feedback case, made by the client so a resend is recognised: a
 * UUID version 7 (RFC 9562), 48 bits of the time it is made (ms) then 74 random bits. Ids made
 * one after another sort together, so the server's unique index on them grows at its right edge
 * instead of touching a random page for every insert (measured in docs/performance.md). The
 * time says no more than the `submittedAt` the response carries anyway.
 */
export function newId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(10));
  const hex = now.toString(16).padStart(12, '0') + Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  // 12 digits of time, then 20 random ones of which the version (7) and the variant (8–b) replace two.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${'89ab'[(random[2]! >> 4) & 3]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}
