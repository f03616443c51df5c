import * as z from 'zod/mini';
import { Instant, Slug, Uuid, CalendarDate } from './common.js';

export const FEEDBACK_TOPICS = ['regulation', 'procedure', 'conduct', 'other'] as const;
export const FeedbackTopic = z.enum(FEEDBACK_TOPICS);
export type FeedbackTopic = z.infer<typeof FeedbackTopic>;

/** Lifecycle of a case (PAKN): received → routed → in progress → answered → published. */
export const FEEDBACK_STATUSES = ['received', 'routed', 'in_progress', 'answered', 'published'] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

/** The sender, as Nghị định 20/2008/NĐ-CP (amended) requires. Personal data: staff only. */
export const FeedbackSender = z.object({
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  address: z.string().check(z.trim(), z.minLength(5), z.maxLength(300)),
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9 .()-]{8,20}$/)),
  email: z.optional(z.union([z.email(), z.literal('')])),
});
export type FeedbackSender = z.infer<typeof FeedbackSender>;

export const FeedbackSubmission = z.object({
  id: Uuid,
  unit: Slug,
  topic: FeedbackTopic,
  /** Required when the topic is a procedure. */
  procedureCode: z.optional(z.string().check(z.maxLength(32))),
  title: z.string().check(z.trim(), z.minLength(5), z.maxLength(200)),
  content: z.string().check(z.trim(), z.minLength(20), z.maxLength(5000)),
  sender: FeedbackSender,
  /** Explicit, never defaulted; the version names the exact consent text shown. */
  consent: z.object({ accepted: z.literal(true), textVersion: z.string().check(z.minLength(1), z.maxLength(40)) }),
  /** Honeypot (see SurveyResponse.website). */
  website: z.optional(z.string().check(z.maxLength(200))),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

export const FeedbackReceipt = z.object({
  id: Uuid,
  /** Short, unambiguous code to read aloud or type: no 0/O, 1/l/I. */
  trackingCode: z.string(),
  /** Shown once, with the code: needed to look the case up. */
  secret: z.string(),
  receivedAt: Instant,
  dueOn: CalendarDate,
});
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

export const FeedbackEvent = z.object({
  status: FeedbackStatus,
  at: Instant,
  note: z.optional(z.string()),
});
export type FeedbackEvent = z.infer<typeof FeedbackEvent>;

/** What the sender sees through the lookup: no contact details, no staff names. */
export const FeedbackLookup = z.object({
  trackingCode: z.string(),
  unit: Slug,
  topic: FeedbackTopic,
  title: z.string(),
  status: FeedbackStatus,
  receivedAt: Instant,
  dueOn: CalendarDate,
  overdue: z.boolean(),
  timeline: z.array(FeedbackEvent),
  answer: z.optional(z.string()),
  answeredAt: z.optional(Instant),
});
export type FeedbackLookup = z.infer<typeof FeedbackLookup>;

/** A published answer: redacted, public, without personal data. */
export const PublishedFeedback = z.object({
  trackingCode: z.string(),
  topic: FeedbackTopic,
  procedureCode: z.optional(z.string()),
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  receivedAt: Instant,
  publishedAt: Instant,
});
export type PublishedFeedback = z.infer<typeof PublishedFeedback>;
