import { msg } from '@lit/localize';
import type { FeedbackIssue } from '@sipas/schema/rules';
import type { FieldError } from '../shared/error-summary.js';

/** The form's words for each rule of `validateFeedback` (the rules themselves are the schema's). */
export function feedbackErrors(issues: readonly FeedbackIssue[]): FieldError[] {
  const words: Record<FeedbackIssue['field'], string> = {
    topic: msg('Chọn loại phản ánh', { id: 'feedback.err.topic' }),
    procedureCode: msg('Chọn thủ tục hành chính', { id: 'feedback.err.procedure' }),
    title: msg('Nhập tiêu đề (ít nhất 5 ký tự)', { id: 'feedback.err.title' }),
    content: msg('Nhập nội dung (ít nhất 20 ký tự)', { id: 'feedback.err.content' }),
    name: msg('Nhập họ và tên', { id: 'feedback.err.name' }),
    address: msg('Nhập địa chỉ liên hệ', { id: 'feedback.err.address' }),
    phone: msg('Nhập số điện thoại, ví dụ 0912 345 678', { id: 'feedback.err.phone' }),
    email: msg('Thư điện tử chưa đúng dạng', { id: 'feedback.err.email' }),
    consent: msg('Cần đồng ý để cơ quan xử lý thông tin', { id: 'feedback.err.consent' }),
  };
  return issues.map(({ field, code }) => ({
    // The topic's message points at its first radio.
    field: field === 'topic' ? 'topic-regulation' : field,
    message: field === 'content' && code === 'too_long' ? msg('Nội dung quá dài', { id: 'feedback.err.contentLong' }) : words[field],
  }));
}
