import { FEEDBACK_TOPIC_LABELS, type FeedbackStatus } from '@sipas/schema';
import { isOverdue } from './lifecycle.js';
import { csvDocument, type CsvValue } from '../http/csv.js';
import type { CaseRow } from './sql.js';

const HEADER = [
  'Mã theo dõi',
  'Ngày nhận',
  'Hạn trả lời',
  'Trạng thái',
  'Quá hạn',
  'Chủ đề',
  'Mã thủ tục',
  'Tiêu đề',
  'Nội dung',
  'Họ tên',
  'Địa chỉ',
  'Điện thoại',
  'Thư điện tử',
  'Chuyển đến',
  'Trả lời',
  'Ngày trả lời',
  'Ngày công khai',
];

const TOPIC_WORDS: Record<string, string> = Object.fromEntries(Object.entries(FEEDBACK_TOPIC_LABELS).map(([topic, label]) => [topic, label.vi]));

/** The export of a period's cases for the quarterly report: UTF-8 with a BOM so Excel reads Vietnamese. */
export function feedbackCsv(rows: CaseRow[], today: string, statusWords: Record<FeedbackStatus, string>): string {
  const lines: CsvValue[][] = [HEADER];
  for (const row of rows) {
    lines.push([
        row.tracking_code,
        row.received_at,
        row.due_on,
        statusWords[row.status],
        isOverdue(row, today) ? 'Có' : 'Không',
        TOPIC_WORDS[row.topic] ?? row.topic,
        row.procedure_code,
        row.title,
        row.content,
        row.sender_name,
        row.sender_address,
        row.sender_phone,
        row.sender_email,
        row.routed_to,
        row.answer,
        row.answered_at,
        row.published_at,
    ]);
  }
  return csvDocument(lines);
}
