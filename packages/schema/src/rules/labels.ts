import type { FEEDBACK_STATUSES, FEEDBACK_TOPICS } from './feedback.js';

/**
 * The words for statuses and topics, once: the message id every element translates with
 * (`msg(…, { id })`, English in xliff/en.xlf) and the Vietnamese the server writes into exports
 * and emails. The widgets' shared/labels.ts uses these ids, and a test holds its Vietnamese to
 * these words.
 */
export interface Label {
  id: string;
  vi: string;
}

export const FEEDBACK_STATUS_LABELS: Record<(typeof FEEDBACK_STATUSES)[number], Label> = {
  received: { id: 'feedback.status.received', vi: 'Đã tiếp nhận' },
  routed: { id: 'feedback.status.routed', vi: 'Đã chuyển xử lý' },
  in_progress: { id: 'feedback.status.in_progress', vi: 'Đang xử lý' },
  answered: { id: 'feedback.status.answered', vi: 'Đã trả lời' },
  published: { id: 'feedback.status.published', vi: 'Đã công khai trả lời' },
};

export const FEEDBACK_TOPIC_LABELS: Record<(typeof FEEDBACK_TOPICS)[number], Label> = {
  regulation: { id: 'feedback.topic.regulation', vi: 'Quy định hành chính' },
  procedure: { id: 'feedback.topic.procedure', vi: 'Thủ tục hành chính' },
  conduct: { id: 'feedback.topic.conduct', vi: 'Hành vi, thái độ của cán bộ, công chức' },
  other: { id: 'feedback.topic.other', vi: 'Vấn đề khác' },
};
