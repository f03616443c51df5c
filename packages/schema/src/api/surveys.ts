import { SurveyReceipt, SurveyResponse } from '../survey.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

export const surveyRoutes = [
  {
    method: 'POST',
    path: '/v1/surveys',
    operationId: 'submitSurvey',
    summary:
      'Gửi một phiếu khảo sát. Gửi lại cùng `id` và cùng nội dung là vô hại (200, cùng biên nhận); cùng `id` khác nội dung: 409.',
    tags: ['surveys'],
    auth: 'kiosk',
    body: SurveyResponse,
    responses: {
      201: { description: 'Đã nhận', schema: SurveyReceipt },
      200: { description: 'Đã nhận trước đó (gửi lại)', schema: SurveyReceipt },
      409: problem('Trùng mã phiếu với nội dung khác, hoặc hồ sơ này đã được đánh giá.'),
      413: problem('Nội dung quá lớn.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
