import type {
  FeedbackAuditEntry,
  FeedbackCase,
  FeedbackCaseSummary,
  FeedbackEvent,
  FeedbackLookup,
  PublishedFeedback,
} from '@sipas/schema';
import { isOverdue } from './lifecycle.js';
import type { CaseRow, EventRow } from './sql.js';

export function summary(row: CaseRow, today: string): FeedbackCaseSummary {
  return {
    trackingCode: row.tracking_code,
    unit: row.unit,
    topic: row.topic,
    ...(row.procedure_code ? { procedureCode: row.procedure_code } : {}),
    title: row.title,
    status: row.status,
    senderName: row.sender_name,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    overdue: isOverdue(row, today),
    ...(row.routed_to ? { routedTo: row.routed_to } : {}),
  };
}

/** The public version only: never the original text, never the sender. */
export function publicView(row: CaseRow): PublishedFeedback {
  return {
    trackingCode: row.tracking_code,
    topic: row.topic,
    ...(row.procedure_code ? { procedureCode: row.procedure_code } : {}),
    title: row.public_title ?? '',
    content: row.public_content ?? '',
    answer: row.public_answer ?? '',
    receivedAt: row.received_at,
    publishedAt: row.published_at ?? row.updated_at,
  };
}

/** What the citizen sees with the right proof: status changes only, the answer once given. */
export function lookupView(row: CaseRow, events: EventRow[], today: string): FeedbackLookup {
  const timeline: FeedbackEvent[] = events
    .filter((event) => event.to_status && event.to_status !== event.from_status)
    .map((event) => ({ status: event.to_status!, at: event.at }));
  const answered = row.status === 'answered' || row.status === 'published';
  return {
    trackingCode: row.tracking_code,
    unit: row.unit,
    topic: row.topic,
    title: row.title,
    status: row.status,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    overdue: isOverdue(row, today),
    timeline,
    ...(answered && row.answer ? { answer: row.answer } : {}),
    ...(answered && row.answered_at ? { answeredAt: row.answered_at } : {}),
  };
}

/** The whole case for the unit's staff, with its audit trail. */
export function staffCaseView(row: CaseRow, events: EventRow[], today: string): FeedbackCase {
  const audit: FeedbackAuditEntry[] = events.map((event) => ({
    at: event.at,
    actor: event.actor_name,
    action: event.action,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    ...(event.detail ? { detail: event.detail } : {}),
  }));
  return {
    ...summary(row, today),
    id: row.id,
    content: row.content,
    sender: {
      name: row.sender_name,
      address: row.sender_address,
      phone: row.sender_phone,
      ...(row.sender_email ? { email: row.sender_email } : {}),
    },
    consent: { textVersion: row.consent_version, text: row.consent_text, at: row.consent_at },
    ...(row.answer ? { answer: row.answer } : {}),
    ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
    ...(row.public_title && row.public_content && row.public_answer
      ? { public: { title: row.public_title, content: row.public_content, answer: row.public_answer } }
      : {}),
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    ...(row.emailed_at ? { emailedAt: row.emailed_at } : {}),
    audit,
  };
}
