import * as z from 'zod/mini';
import { Slug } from '../common.js';
import {
  FeedbackAction,
  FeedbackCase,
  FeedbackExportQuery,
  FeedbackInbox,
  FeedbackInboxQuery,
  FeedbackLookup,
  FeedbackLookupQuery,
  FeedbackReceipt,
  FeedbackSubmission,
  PublishedFeedbackList,
  PublishedFeedbackQuery,
  TrackingCodeParam,
} from '../feedback.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

const STAFF_PROBLEMS = {
  401: problem('Chưa đăng nhập.'),
  403: problem('Tài khoản này không thuộc đơn vị được yêu cầu, hoặc vai trò của nó không được làm việc này (ma trận quyền).'),
  404: problem('Không có đơn vị hoặc phản ánh này.'),
  ...COMMON_PROBLEMS,
};

/** Feedback (PAKN) routes: citizens send and follow; the public reads answers; staff handle cases. */
export const feedbackRoutes = [
  {
    method: 'POST',
    path: '/v1/feedback',
    operationId: 'submitFeedback',
    summary:
      'Gửi một phản ánh, kiến nghị. Trả về mã theo dõi và hạn trả lời. Gửi lại cùng `id` và cùng nội dung là vô hại (200, cùng mã); cùng `id` khác nội dung: 409.',
    tags: ['feedback'],
    location: true,
    body: FeedbackSubmission,
    responses: {
      201: { description: 'Đã tiếp nhận', schema: FeedbackReceipt },
      200: { description: 'Đã tiếp nhận trước đó (gửi lại)', schema: FeedbackReceipt },
      409: problem('Trùng mã với một phản ánh khác.'),
      413: problem('Nội dung quá lớn.'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/feedback/:code',
    operationId: 'lookupFeedback',
    summary:
      'Tra cứu một phản ánh bằng mã theo dõi cùng mã bí mật (`secret`) hoặc 4 số cuối điện thoại (`phone`): trạng thái, hạn, trả lời. Không có thông tin cá nhân.',
    tags: ['feedback'],
    params: z.object({ code: TrackingCodeParam }),
    query: FeedbackLookupQuery,
    responses: {
      200: { description: 'Phản ánh', schema: FeedbackLookup },
      403: problem('Đã sai 4 số cuối điện thoại quá nhiều lần cho phản ánh này (`phone_lookup_locked`): chỉ còn tra cứu được bằng mã bí mật.'),
      404: problem('Không có phản ánh khớp mã và mã bí mật (hoặc số điện thoại).'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit/feedback',
    operationId: 'listPublishedFeedback',
    summary: 'Các trả lời phản ánh, kiến nghị đã công khai của đơn vị, mới nhất trước; tìm không dấu. Không có thông tin cá nhân.',
    tags: ['feedback'],
    params: z.object({ unit: Slug }),
    query: PublishedFeedbackQuery,
    responses: { 200: { description: 'Danh sách', schema: PublishedFeedbackList }, 404: problem('Không có đơn vị này.'), ...COMMON_PROBLEMS },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/feedback',
    operationId: 'feedbackInbox',
    summary: 'Hộp thư phản ánh của đơn vị cho cán bộ: quá hạn trước, rồi theo hạn trả lời.',
    tags: ['feedback', 'staff'],
    auth: 'staff',
    permission: 'feedback.read',
    params: z.object({ unit: Slug }),
    query: FeedbackInboxQuery,
    responses: { 200: { description: 'Hộp thư', schema: FeedbackInbox }, ...STAFF_PROBLEMS },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/feedback/:code',
    operationId: 'feedbackCase',
    summary: 'Một phản ánh đầy đủ cho cán bộ: thông tin người gửi, đồng ý xử lý dữ liệu, trả lời, bản công khai, nhật ký thay đổi.',
    tags: ['feedback', 'staff'],
    auth: 'staff',
    permission: 'feedback.read',
    params: z.object({ unit: Slug, code: TrackingCodeParam }),
    responses: { 200: { description: 'Phản ánh', schema: FeedbackCase }, ...STAFF_PROBLEMS },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/feedback/:code/actions',
    operationId: 'feedbackAction',
    summary:
      'Một thao tác của cán bộ trên phản ánh (chuyển xử lý, đang xử lý, trả lời, công khai, ghi chú); mỗi thao tác được ghi nhật ký (ai, khi nào, làm gì).',
    tags: ['feedback', 'staff'],
    auth: 'staff',
    permission: 'feedback.handle',
    params: z.object({ unit: Slug, code: TrackingCodeParam }),
    body: FeedbackAction,
    responses: {
      200: { description: 'Phản ánh sau thao tác', schema: FeedbackCase },
      409: problem('Thao tác không hợp với trạng thái hiện tại.'),
      ...STAFF_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/feedback-export',
    operationId: 'feedbackExport',
    summary: 'Xuất các phản ánh nhận trong khoảng ngày `from`–`to` (giờ Việt Nam) ra CSV (UTF-8 có BOM, mở được bằng Excel).',
    tags: ['feedback', 'staff'],
    auth: 'staff',
    permission: 'feedback.export',
    params: z.object({ unit: Slug }),
    query: FeedbackExportQuery,
    responses: { 200: { description: 'Tệp CSV (UTF-8 có BOM)', contentType: 'text/csv; charset=utf-8' }, ...STAFF_PROBLEMS },
  },
] as const satisfies readonly RouteContract[];
