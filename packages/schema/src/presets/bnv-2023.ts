import type { Questionnaire } from '../questionnaire.js';
import { SIPAS_FACTORS, STANDARD_DEMOGRAPHICS } from './factors.js';

type Row = [number, Questionnaire['items'][number]['factor'], string, string, boolean?];

// Service items 15–33 of the national questionnaire, QĐ 1001/QĐ-BNV (11/12/2023), for 2023–2026.
// The fifth element marks items that may be answered "không áp dụng".
const rows: Row[] = [
  [15, 'access', 'Thông tin về giải quyết thủ tục hành chính được cung cấp theo nhiều hình thức, dễ tiếp cận, dễ hiểu', 'Information on the procedure is offered in many forms, easy to reach and to understand'],
  [16, 'access', 'Trụ sở có biển hiệu, hướng dẫn rõ ràng, dễ thấy', 'The office has clear, visible signs and directions'],
  [17, 'access', 'Trụ sở sạch sẽ, văn minh', 'The office is clean and orderly'],
  [18, 'access', 'Trang thiết bị phục vụ đầy đủ, chất lượng tốt', 'Equipment is sufficient and in good condition'],
  [19, 'procedure', 'Quy định thủ tục hành chính được niêm yết công khai, dễ thấy, dễ hiểu', 'Procedure rules are posted publicly, easy to see and understand'],
  [20, 'procedure', 'Thành phần hồ sơ phải nộp đúng quy định', 'The documents required are as the rules say'],
  [21, 'procedure', 'Phí, lệ phí phải nộp đúng quy định', 'Fees charged are as the rules say', true],
  [22, 'procedure', 'Thời hạn giải quyết đúng quy định', 'The time limit is as the rules say'],
  [23, 'official', 'Công chức có thái độ giao tiếp lịch sự, tôn trọng', 'The civil servant was polite and respectful'],
  [24, 'official', 'Công chức cung cấp thông tin, trả lời kịp thời, đầy đủ', 'The civil servant answered promptly and fully'],
  [25, 'official', 'Công chức hướng dẫn hồ sơ dễ hiểu, hoàn thiện hồ sơ sau một lần hướng dẫn', 'Guidance was clear; the dossier was complete after one explanation'],
  [26, 'official', 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 'The civil servant followed the rules'],
  [27, 'official', 'Công chức tận tình trong giải quyết công việc', 'The civil servant was dedicated and helpful'],
  [28, 'result', 'Kết quả được trả đúng hẹn', 'The result was delivered on time'],
  [29, 'result', 'Kết quả có thông tin đầy đủ, chính xác', 'The result was complete and correct'],
  [30, 'result', 'Việc giải quyết thủ tục hành chính đảm bảo tính công bằng', 'The procedure was handled fairly'],
  [31, 'feedback', 'Cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị, dễ dàng thực hiện', 'There is an easy way to give feedback', true],
  [32, 'feedback', 'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý đúng quy định', 'Feedback was received and handled as the rules say', true],
  [33, 'feedback', 'Kết quả xử lý góp ý, phản ánh, kiến nghị được thông báo kịp thời', 'The outcome of the feedback was communicated in time', true],
];

export const BNV_2023: Questionnaire = {
  id: 'bnv-2023',
  version: 1,
  title: {
    vi: 'Phiếu khảo sát sự hài lòng về sự phục vụ hành chính',
    en: 'Satisfaction survey on public administrative services',
  },
  source: 'QĐ 1001/QĐ-BNV ngày 11/12/2023',
  factors: SIPAS_FACTORS,
  items: rows.map(([number, factor, vi, en, notApplicable]) => ({
    id: `q${number}`,
    number,
    factor,
    kind: 'rating5',
    text: { vi, en },
    required: true,
    allowNotApplicable: notApplicable ?? false,
  })),
  demographics: STANDARD_DEMOGRAPHICS,
};
