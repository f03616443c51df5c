import { canonicalJson, type FeedbackAction, type FeedbackStatus, type FeedbackSubmission, type Permission } from '@sipas/schema';
import type { CaseRow } from './sql.js';
import { vietnamDate } from './working-days.js';
import type { Actor } from '../context.js';

export const SENDER: Actor = { id: null, name: 'Người gửi' };
export const SYSTEM: Actor = { id: null, name: 'Hệ thống' };

/** What a resend is compared on: everything the citizen sent except the honeypot. */
export function feedbackCanonical(submission: FeedbackSubmission): string {
  const { website: _honeypot, ...meaning } = submission;
  return canonicalJson(meaning);
}

export const OPEN: readonly FeedbackStatus[] = ['received', 'routed', 'in_progress'];

/** Overdue: still open after its due date, or answered after it. */
export function isOverdue(row: Pick<CaseRow, 'status' | 'due_on' | 'answered_at'>, today: string): boolean {
  if (OPEN.includes(row.status)) return today > row.due_on;
  return row.answered_at ? vietnamDate(row.answered_at) > row.due_on : false;
}

/** Which status an action leads to, and from which statuses it is allowed. */
export const TRANSITIONS: Record<FeedbackAction['action'], { from: readonly FeedbackStatus[]; to?: FeedbackStatus }> = {
  route: { from: ['received', 'routed', 'in_progress'], to: 'routed' },
  start: { from: ['received', 'routed'], to: 'in_progress' },
  answer: { from: ['received', 'routed', 'in_progress', 'answered'], to: 'answered' },
  publish: { from: ['answered', 'published'], to: 'published' },
  note: { from: ['received', 'routed', 'in_progress', 'answered', 'published'] },
};

export function actionAllowed(action: FeedbackAction['action'], status: FeedbackStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}


/** What each action needs of the staff member's role (the matrix in @sipas/schema's PERMISSIONS). */
export const ACTION_PERMISSION: Record<FeedbackAction['action'], Permission> = {
  route: 'feedback.handle',
  start: 'feedback.handle',
  answer: 'feedback.handle',
  note: 'feedback.handle',
  publish: 'feedback.publish',
};
