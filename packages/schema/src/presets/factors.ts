import type { Factor } from '../questionnaire.js';

/** Titles of the five SIPAS factors as printed on the forms. */
export const SIPAS_FACTORS: Factor[] = [
  { id: 'access', title: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' } },
  { id: 'procedure', title: { vi: 'Thủ tục hành chính', en: 'The administrative procedure' } },
  { id: 'official', title: { vi: 'Công chức giải quyết thủ tục hành chính', en: 'The civil servant' } },
  { id: 'result', title: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'The result' } },
  {
    id: 'feedback',
    title: { vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', en: 'Handling of feedback and recommendations' },
  },
];

/** Personal questions shared by the presets; never asked at a kiosk. */
export const STANDARD_DEMOGRAPHICS = [
  {
    id: 'sex',
    kind: 'single' as const,
    text: { vi: 'Giới tính', en: 'Sex' },
    required: false,
    allowNotApplicable: false,
    options: [
      { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ],
  },
  {
    id: 'age',
    kind: 'single' as const,
    text: { vi: 'Độ tuổi', en: 'Age' },
    required: false,
    allowNotApplicable: false,
    options: [
      { value: 'duoi-25', label: { vi: 'Dưới 25 tuổi', en: 'Under 25' } },
      { value: '25-40', label: { vi: 'Từ 25 đến 40 tuổi', en: '25 to 40' } },
      { value: '41-60', label: { vi: 'Từ 41 đến 60 tuổi', en: '41 to 60' } },
      { value: 'tren-60', label: { vi: 'Trên 60 tuổi', en: 'Over 60' } },
    ],
  },
];
