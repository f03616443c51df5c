/**
 * The rules of feedback (PAKN) without zod, for the browser and the server alike: topics,
 * statuses, limits, the form's validation, and redaction of personal data.
 */

export const FEEDBACK_TOPICS = ['regulation', 'procedure', 'conduct', 'other'] as const;

/** Lifecycle of a case (PAKN): received → routed → in progress → answered → published. */
export const FEEDBACK_STATUSES = ['received', 'routed', 'in_progress', 'answered', 'published'] as const;

/** Size limits of a submission, shared by the form (counters, checks) and the server's schema. */
export const FEEDBACK_LIMITS = {
  titleMin: 5,
  title: 200,
  contentMin: 20,
  content: 5000,
  nameMin: 2,
  name: 120,
  addressMin: 5,
  address: 300,
  procedureCode: 32,
  answer: 10000,
} as const;

/** A phone number as people write it: 0912 345 678, +84 912.345.678, (024) 3825 1234. */
export const PHONE_PATTERN = /^\+?[0-9 .()-]{8,20}$/;

/** An email address, loosely: something@somewhere.tld (the server's schema checks it strictly). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the feedback form holds before it becomes a submission (every text as typed). */
export interface FeedbackFields {
  topic?: string | undefined;
  procedureCode?: string | undefined;
  title?: string | undefined;
  content?: string | undefined;
  name?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  consent?: boolean | undefined;
}

export type FeedbackField = Exclude<keyof FeedbackFields, never>;
export type FeedbackIssueCode = 'required' | 'too_short' | 'too_long' | 'invalid';

export interface FeedbackIssue {
  field: FeedbackField;
  code: FeedbackIssueCode;
}

/**
 * The rules of a feedback submission for the form (error summary), the same numbers the server's
 * zod schema enforces: a topic, a procedure when the topic is one, title ≥ 5, content 20–5000,
 * name ≥ 2, address ≥ 5, a phone number, an email if given, and consent. Texts count trimmed.
 */
export function validateFeedback(fields: FeedbackFields): FeedbackIssue[] {
  const issues: FeedbackIssue[] = [];
  const text = (field: FeedbackField) => String(fields[field] ?? '').trim();
  const check = (field: FeedbackField, code: FeedbackIssueCode | false | undefined) => code && issues.push({ field, code });
  const length = (field: FeedbackField, min: number, max: number) => {
    const n = text(field).length;
    check(field, !n ? 'required' : n < min ? 'too_short' : n > max && 'too_long');
  };
  const L = FEEDBACK_LIMITS;
  check('topic', !(FEEDBACK_TOPICS as readonly string[]).includes(text('topic')) && 'required');
  if (text('topic') === 'procedure') length('procedureCode', 1, L.procedureCode);
  length('title', L.titleMin, L.title);
  length('content', L.contentMin, L.content);
  length('name', L.nameMin, L.name);
  length('address', L.addressMin, L.address);
  check('phone', !text('phone') ? 'required' : !PHONE_PATTERN.test(text('phone')) && 'invalid');
  check('email', text('email') !== '' && !EMAIL_PATTERN.test(text('email')) && 'invalid');
  check('consent', fields.consent !== true && 'required');
  return issues;
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
