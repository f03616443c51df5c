import type { FeedbackStatus, Results, StaffMember, SurveyReceipt, SurveyResponse } from '@sipas/schema';

/**
 * Every event a SIPAS element fires, with its detail: the one map `SipasElement.emit` is checked
 * against, and what `addEventListener('sipas-…')` is typed with on the page. Events are past
 * tense (except the cancelable `sipas-survey-submit`), bubble and cross shadow roots.
 */

/** `sipas-survey-submit` (cancelable): cancel it to send the response yourself. */
export interface SurveySubmitDetail {
  response: SurveyResponse;
}
/** `sipas-survey-submitted`: the server stored the response (directly or from the outbox). */
export interface SurveySubmittedDetail {
  response: SurveyResponse;
  receipt: SurveyReceipt;
}
/** `sipas-survey-queued`: kept on the device, it will be sent when the network is back. */
export interface SurveyQueuedDetail {
  response: SurveyResponse;
}
/** `sipas-survey-failed`: the server refused the response for good (or it could not be sent). */
export interface SurveyFailedDetail {
  response: SurveyResponse;
  /** HTTP status; 0 when nothing was answered (no endpoint). */
  status: number;
  code?: string;
  title: string;
}

/** `sipas-feedback-submitted`: the server received the case. */
export interface FeedbackSubmittedDetail {
  id: string;
  trackingCode: string;
  dueOn: string;
}
/** `sipas-feedback-queued`: no connection; the case waits to be sent. */
export interface FeedbackQueuedDetail {
  id: string;
}

/** `sipas-procedures-loaded`. */
export interface ProceduresLoadedDetail {
  count: number;
  /** `cache`: the copy kept from the last visit; `network`: fresh (or confirmed by a 304). */
  source: 'cache' | 'network';
  /** False when the endpoint could not be reached and the copy shown may be old. */
  fresh: boolean;
}
/** `sipas-procedures-searched`, fired once the results of a query are rendered. */
export interface ProceduresSearchedDetail {
  query: string;
  count: number;
}
/** `sipas-procedure-opened`. */
export interface ProcedureOpenedDetail {
  code: string;
  name: string;
}

/** `sipas-badge-loaded`: fresh results; `cached`: unchanged since the stored copy (a 304). */
export interface BadgeLoadedDetail {
  results: Results;
  cached: boolean;
}
/** `sipas-badge-failed`: the results could not be fetched; `cached`: stored figures are shown. */
export interface BadgeFailedDetail {
  error: unknown;
  cached: boolean;
}

/** `sipas-feedback-case-changed` (staff desk): an action on a case was recorded. */
export interface FeedbackCaseChangedDetail {
  trackingCode: string;
  action: string;
  status: FeedbackStatus;
}

export interface SipasEventMap {
  'sipas-survey-submit': SurveySubmitDetail;
  'sipas-survey-submitted': SurveySubmittedDetail;
  'sipas-survey-queued': SurveyQueuedDetail;
  'sipas-survey-failed': SurveyFailedDetail;
  'sipas-feedback-submitted': FeedbackSubmittedDetail;
  'sipas-feedback-queued': FeedbackQueuedDetail;
  'sipas-procedures-loaded': ProceduresLoadedDetail;
  'sipas-procedures-searched': ProceduresSearchedDetail;
  'sipas-procedure-opened': ProcedureOpenedDetail;
  'sipas-badge-loaded': BadgeLoadedDetail;
  'sipas-badge-failed': BadgeFailedDetail;
  // The staff desk (@sipas/desk).
  'sipas-desk-signed-in': StaffMember;
  'sipas-desk-signed-out': Record<string, never>;
  'sipas-desk-session-expired': Record<string, never>;
  'sipas-feedback-case-changed': FeedbackCaseChangedDetail;
}

export type SipasEventName = keyof SipasEventMap;

declare global {
  interface HTMLElementEventMap extends SipasCustomEvents {}
}
type SipasCustomEvents = { [K in SipasEventName]: CustomEvent<SipasEventMap[K]> };
