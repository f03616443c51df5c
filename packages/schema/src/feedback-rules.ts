/**
 * The parts of the feedback contract the browser needs at runtime, in a module without zod so
 * that the script-tag bundle can use them for free (feedback.ts re-exports them).
 */

export const FEEDBACK_TOPICS = ['regulation', 'procedure', 'conduct', 'other'] as const;

/** Lifecycle of a case (PAKN): received → routed → in progress → answered → published. */
export const FEEDBACK_STATUSES = ['received', 'routed', 'in_progress', 'answered', 'published'] as const;

/** Size limits of a submission, shared by the form (counters, checks) and the server. */
export const FEEDBACK_LIMITS = { title: 200, content: 5000, contentMin: 20, answer: 10000 } as const;

/** The characters of tracking codes and secrets: UNAMBIGUOUS_ALPHABET (no 0/O, 1/I/L, no U/V). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** `k7qm4tzx`, `K7QM-4TZX` → `K7QM-4TZX`. */
export function normalizeTrackingCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/** The placeholder that replaces personal data in a public version. */
export const REDACTED = '[đã ẩn]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface SenderLike {
  name?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/**
 * Replaces what identifies a person with REDACTED: the sender's name, address, phone and email
 * wherever they appear, and any phone number, email address or 9/12-digit ID number. A draft for
 * the staff member to check, never a guarantee: the desk shows the result for editing.
 */
export function redactPersonal(text: string, sender?: SenderLike): string {
  let out = text;
  for (const value of [sender?.email, sender?.address, sender?.name, sender?.phone]) {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= 2) out = out.replace(new RegExp(escapeRegExp(trimmed), 'giu'), REDACTED);
  }
  return out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, REDACTED)
    .replace(/(\+?84|0)[\s.-]?\d{2,3}([\s.-]?\d{3,4}){2}\b/g, REDACTED)
    .replace(/\b\d{9}(\d{3})?\b/g, REDACTED);
}

/** What of the sender's own data is still in `text` (for the server's last check before publishing). */
export function personalDataLeft(text: string, sender: SenderLike): string[] {
  const folded = text.toLowerCase();
  const digits = text.replace(/\D/g, '');
  const left: string[] = [];
  if (sender.name && folded.includes(sender.name.trim().toLowerCase())) left.push('name');
  if (sender.email && folded.includes(sender.email.trim().toLowerCase())) left.push('email');
  if (sender.address && folded.includes(sender.address.trim().toLowerCase())) left.push('address');
  const phone = sender.phone?.replace(/\D/g, '') ?? '';
  if (phone.length >= 8 && digits.includes(phone.replace(/^84/, '').replace(/^0/, ''))) left.push('phone');
  return left;
}
