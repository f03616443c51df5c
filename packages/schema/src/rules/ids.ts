/**
 * Ids the clients make. A module of its own: only the sending elements (survey, feedback) need
 * it, and the script tag's build puts it with their shared sending code (vite.config.ts).
 */
/**
 * A new id for a response or a feedback case, made by the client so a resend is recognised: a
 * UUID version 7 (RFC 9562), 48 bits of the time it is made (ms) then 72 random bits. Ids made
 * one after another sort together, so the server's unique index on them grows at its right edge
 * instead of touching a random page for every insert (measured in docs/performance.md). The
 * time (a survey's id is made when its form opens) says little more than the `submittedAt` the
 * response carries anyway.
 */
export function newId(now = Date.now()): string {
  const hex = now.toString(16).padStart(12, '0') + Array.from(crypto.getRandomValues(new Uint8Array(10)), (byte) => (byte | 256).toString(16).slice(1)).join('');
  // 12 digits of time, then 20 random ones, of which the version (7) and the variant (8) take the place of two.
  return hex.replace(/^(.{8})(.{4}).(.{3}).(.{3})/, '$1-$2-7$3-8$4-');
}
