import type { Questionnaire } from '../questionnaire.js';
import { SIPAS_FACTORS, STANDARD_DEMOGRAPHICS } from './factors.js';

type Row = [string, Questionnaire['items'][number]['factor'], string, string, boolean?];

// Hà Nội's ward form (2025): 16 service items, 16 × 5 = 80 points a form (seed 002's maximum).
const rows: Row[] = [
  ['a1', 'access', 'Có biển hiệu, hướng dẫn rõ ràng, dễ tìm', 'Clear signs and directions, easy to find'],
  ['a2', 'access', 'Có đủ ghế ngồi chờ và bàn viết', 'Enough waiting seats and writing desks'],
  ['a3', 'access', 'Trang thiết bị phục vụ đầy đủ, chất lượng tốt', 'Equipment is sufficient and in good condition'],
  ['b1', 'procedure', 'Quy định thủ tục hành chính được niêm yết công khai, dễ thấy, dễ đọc', 'Procedure rules are posted publicly, easy to see and read'],
  ['b2', 'procedure', 'Yêu cầu nộp hồ sơ đúng quy định', 'Documents were requested as the rules say'],
  ['b3', 'procedure', 'Yêu cầu đóng phí, lệ phí đúng quy định', 'Fees were charged as the rules say', true],
  ['b4', 'procedure', 'Thời hạn giải quyết đúng quy định', 'The time limit is as the rules say'],
  ['c1', 'official', 'Thái độ lịch sự, tôn trọng', 'Polite and respectful'],
  ['c2', 'official', 'Hướng dẫn hồ sơ dễ hiểu, đầy đủ (một lần)', 'Guidance clear and complete (at once)'],
  ['c3', 'official', 'Tuân thủ đúng quy định', 'Followed the rules'],
  ['d1', 'result', 'Trả kết quả đúng hẹn', 'Result delivered on time'],
  ['d2', 'result', 'Kết quả có thông tin đầy đủ, chính xác', 'Result complete and correct'],
  ['d3', 'result', 'Đảm bảo tính công bằng', 'Handled fairly'],
  ['e1', 'feedback', 'Bố trí hình thức tiếp nhận phản ánh, kiến nghị dễ dàng', 'An easy way to give feedback', true],
  ['e2', 'feedback', 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng quy định', 'Feedback handled as the rules say', true],
  ['e3', 'feedback', 'Thông báo kết quả xử lý phản ánh, kiến nghị kịp thời', 'Outcome of feedback communicated in time', true],
];

export const HANOI_2025_WARD: Questionnaire = {
  id: 'hanoi-2025-ward',
  version: 1,
  title: {
    vi: 'Phiếu khảo sát sự hài lòng tại Bộ phận Một cửa phường',
    en: 'Ward one-stop counter satisfaction survey',
  },
  source: 'UBND thành phố Hà Nội, 2025',
  factors: SIPAS_FACTORS,
  items: rows.map(([id, factor, vi, en, notApplicable]) => ({
    id,
    factor,
    kind: 'rating5',
    text: { vi, en },
    required: true,
    allowNotApplicable: notApplicable ?? false,
  })),
  demographics: STANDARD_DEMOGRAPHICS,
};
