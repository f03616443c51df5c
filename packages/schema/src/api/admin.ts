import * as z from 'zod/mini';
import { line } from '../strings.js';
import {
  AdminChangeList,
  AdminChangeQuery,
  AdminFeedbackSettings,
  AdminFeedbackSettingsUpdate,
  AllowedOriginRequest,
  AllowedOrigins,
  IssuedKioskKey,
  KioskKeyList,
  KioskPairing,
  KioskPairingRequest,
  NewKioskKey,
  NewStaffAccount,
  OriginInput,
  StaffAccount,
  StaffAccountList,
  StaffAccountPatch,
  StaffAccountWithPassword,
} from '../admin.js';
import { Slug } from '../common.js';
import type { Permission } from './permissions.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

const ADMIN_PROBLEMS = {
  401: problem('Chưa đăng nhập.'),
  403: problem('Tài khoản không thuộc đơn vị này, hoặc không phải quản trị viên.'),
  404: problem('Không có đơn vị này.'),
  ...COMMON_PROBLEMS,
};

const unit = z.object({ unit: Slug });
const unitAndId = z.object({ unit: Slug, id: line(z.minLength(1), z.maxLength(64)) });
const unitAndUsername = z.object({ unit: Slug, username: line(z.minLength(1), z.maxLength(64)) });

/** Admin routes: a unit's admins run its accounts, kiosks, allowed sites and settings from the desk. */
const adminRoute = <const R extends Omit<RouteContract, 'auth' | 'permission' | 'tags'>, const P extends Permission>(permission: P, route: R) => ({
  ...route,
  tags: ['admin', 'staff'],
  auth: 'staff' as const,
  permission,
});

export const adminRoutes = [
  adminRoute('staff.manage', {
    method: 'GET',
    path: '/v1/staff/units/:unit/accounts',
    operationId: 'adminListAccounts',
    summary: 'Các tài khoản cán bộ của đơn vị (không có mật khẩu).',
    params: unit,
    responses: { 200: { description: 'Tài khoản', schema: StaffAccountList }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('staff.manage', {
    method: 'POST',
    path: '/v1/staff/units/:unit/accounts',
    operationId: 'adminAddAccount',
    summary: 'Thêm tài khoản cán bộ; máy chủ tạo mật khẩu và trả về một lần duy nhất.',
    params: unit,
    body: NewStaffAccount,
    responses: {
      201: { description: 'Tài khoản và mật khẩu (chỉ hiện một lần)', schema: StaffAccountWithPassword },
      409: problem('Tên đăng nhập này đã có trong đơn vị.'),
      ...ADMIN_PROBLEMS,
    },
  }),
  adminRoute('staff.manage', {
    method: 'PATCH',
    path: '/v1/staff/units/:unit/accounts/:username',
    operationId: 'adminChangeAccount',
    summary: 'Đổi tên, vai trò, hoặc khóa / mở khóa một tài khoản. Khóa thì mọi phiên của tài khoản hết hiệu lực ngay.',
    params: unitAndUsername,
    body: StaffAccountPatch,
    responses: {
      200: { description: 'Tài khoản sau thay đổi', schema: StaffAccount },
      409: problem('Thay đổi sẽ để đơn vị không còn quản trị viên nào (tự khóa, tự hạ quyền).'),
      ...ADMIN_PROBLEMS,
    },
  }),
  adminRoute('staff.manage', {
    method: 'POST',
    path: '/v1/staff/units/:unit/accounts/:username/password',
    operationId: 'adminResetPassword',
    summary: 'Đặt lại mật khẩu: máy chủ tạo mật khẩu mới, trả về một lần; các phiên cũ của tài khoản hết hiệu lực.',
    params: unitAndUsername,
    responses: { 200: { description: 'Mật khẩu mới (chỉ hiện một lần)', schema: StaffAccountWithPassword }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('kiosk.manage', {
    method: 'GET',
    path: '/v1/staff/units/:unit/kiosk-keys',
    operationId: 'adminListKioskKeys',
    summary: 'Các khóa kiosk còn hiệu lực của đơn vị (không có khóa).',
    params: unit,
    responses: { 200: { description: 'Khóa kiosk', schema: KioskKeyList }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('kiosk.manage', {
    method: 'POST',
    path: '/v1/staff/units/:unit/kiosk-keys',
    operationId: 'adminIssueKioskKey',
    summary:
      'Cấp khóa kiosk cho một máy tại quầy: trả về địa chỉ ghép nối (hiện thành mã QR) dùng một lần trong 30 phút; máy tính bảng quét mã là nhận khóa.',
    params: unit,
    body: NewKioskKey,
    responses: { 201: { description: 'Khóa chờ ghép nối', schema: IssuedKioskKey }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('kiosk.manage', {
    method: 'DELETE',
    path: '/v1/staff/units/:unit/kiosk-keys/:id',
    operationId: 'adminRevokeKioskKey',
    summary: 'Thu hồi khóa kiosk (máy mất, hỏng): bị từ chối ngay từ yêu cầu kế tiếp, ở mọi tiến trình máy chủ.',
    params: unitAndId,
    responses: { 204: { description: 'Đã thu hồi' }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('origins.manage', {
    method: 'GET',
    path: '/v1/staff/units/:unit/origins',
    operationId: 'adminListOrigins',
    summary: 'Các trang web (nguồn) được phép nhúng thành phần của đơn vị.',
    params: unit,
    responses: { 200: { description: 'Nguồn được phép', schema: AllowedOrigins }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('origins.manage', {
    method: 'POST',
    path: '/v1/staff/units/:unit/origins',
    operationId: 'adminAddOrigin',
    summary: 'Cho phép một trang web (scheme://tên-miền[:cổng]) nhúng thành phần; có hiệu lực ngay, không cần khởi động lại.',
    params: unit,
    body: AllowedOriginRequest,
    responses: { 200: { description: 'Danh sách sau thay đổi', schema: AllowedOrigins }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('origins.manage', {
    method: 'DELETE',
    path: '/v1/staff/units/:unit/origins',
    operationId: 'adminRemoveOrigin',
    summary: 'Bỏ một trang web khỏi danh sách được phép.',
    params: unit,
    query: z.object({ origin: OriginInput }),
    responses: { 200: { description: 'Danh sách sau thay đổi', schema: AllowedOrigins }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('settings.manage', {
    method: 'GET',
    path: '/v1/staff/units/:unit/feedback-settings',
    operationId: 'adminFeedbackSettings',
    summary: 'Cài đặt phản ánh của đơn vị: số ngày làm việc để trả lời, máy chủ thư (không kèm mật khẩu), trang tra cứu.',
    params: unit,
    responses: { 200: { description: 'Cài đặt', schema: AdminFeedbackSettings }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('settings.manage', {
    method: 'PUT',
    path: '/v1/staff/units/:unit/feedback-settings',
    operationId: 'adminSetFeedbackSettings',
    summary: 'Thay cài đặt phản ánh; mật khẩu thư `***` giữ mật khẩu đã lưu. Ngày nghỉ lễ giữ nguyên.',
    params: unit,
    body: AdminFeedbackSettingsUpdate,
    responses: { 200: { description: 'Cài đặt sau thay đổi', schema: AdminFeedbackSettings }, ...ADMIN_PROBLEMS },
  }),
  adminRoute('admin.log', {
    method: 'GET',
    path: '/v1/staff/units/:unit/changes',
    operationId: 'adminChangeLog',
    summary: 'Nhật ký quản trị: ai, khi nào, thay đổi gì (tài khoản, khóa kiosk, trang được phép, cài đặt), mới nhất trước.',
    params: unit,
    query: AdminChangeQuery,
    responses: { 200: { description: 'Nhật ký', schema: AdminChangeList }, ...ADMIN_PROBLEMS },
  }),
  {
    method: 'POST',
    path: '/v1/kiosk/pairings',
    operationId: 'pairKiosk',
    summary: 'Máy tính bảng tại quầy đổi mã ghép nối (từ mã QR) lấy khóa kiosk; mỗi mã dùng một lần, hết hạn sau 30 phút.',
    tags: ['surveys'],
    body: KioskPairingRequest,
    responses: {
      201: { description: 'Khóa kiosk (chỉ trả một lần)', schema: KioskPairing },
      404: problem('Không có đơn vị này.'),
      410: problem('Mã ghép nối sai, đã dùng, đã hết hạn hoặc khóa đã bị thu hồi.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
