import { msg } from '@lit/localize';
import type { FeedbackStatus, FeedbackTopic } from '@sipas/schema';

/**
 * Feedback's words, shared by <sipas-feedback> and the staff desk (a survey page does not carry them;
 * the words of sending live with the submission controller). The ids and the Vietnamese are the
 * schema's (FEEDBACK_STATUS_LABELS, FEEDBACK_TOPIC_LABELS in @sipas/schema/rules); msg() needs
 * them as literals here, and test/browser/labels.test.ts holds the two to each other.
 */
export const statusLabel = (status: FeedbackStatus): string =>
  ({
    received: msg('Đã tiếp nhận', { id: 'feedback.status.received' }),
    routed: msg('Đã chuyển xử lý', { id: 'feedback.status.routed' }),
    in_progress: msg('Đang xử lý', { id: 'feedback.status.in_progress' }),
    answered: msg('Đã trả lời', { id: 'feedback.status.answered' }),
    published: msg('Đã công khai trả lời', { id: 'feedback.status.published' }),
  })[status] ?? status;

export const topicLabel = (topic: FeedbackTopic): string =>
  ({
    regulation: msg('Quy định hành chính', { id: 'feedback.topic.regulation' }),
    procedure: msg('Thủ tục hành chính', { id: 'feedback.topic.procedure' }),
    conduct: msg('Hành vi, thái độ của cán bộ, công chức', { id: 'feedback.topic.conduct' }),
    other: msg('Vấn đề khác', { id: 'feedback.topic.other' }),
  })[topic] ?? topic;
