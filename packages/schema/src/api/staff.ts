import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { StaffLogin, StaffMember, StaffSession } from '../staff.js';
import { line } from '../strings.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

export const staffRoutes = [
  {
    method: 'POST',
    path: '/v1/staff/sessions',
    operationId: 'staffSignIn',
    summary: 'Đăng nhập cán bộ: trả về mã phiên (Bearer) có hạn.',
    tags: ['staff'],
    body: StaffLogin,
    responses: {
      201: { description: 'Đã đăng nhập', schema: StaffSession },
      401: problem('Sai tên đăng nhập hoặc mật khẩu.'),
      ...COMMON_PROBLEMS,
      429: problem(
        'Quá nhiều yêu cầu từ địa chỉ này, hoặc tài khoản tạm khoá vì đăng nhập sai nhiều lần (`sign_in_locked`; chờ theo Retry-After, thời gian chờ tăng gấp đôi mỗi lần sai, quản trị viên có thể mở khoá).',
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/v1/staff/sessions/current',
    operationId: 'staffSignOut',
    summary: 'Đăng xuất: mã phiên hết hiệu lực ngay.',
    tags: ['staff'],
    auth: 'staff',
    responses: { 204: { description: 'Đã đăng xuất' }, 401: problem('Chưa đăng nhập.') },
  },
  {
    method: 'GET',
    path: '/v1/staff/me',
    operationId: 'staffMe',
    summary: 'Cán bộ đang đăng nhập.',
    tags: ['staff'],
    auth: 'staff',
    responses: { 200: { description: 'Cán bộ', schema: StaffMember }, 401: problem('Chưa đăng nhập.') },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/accounts/:username/unlock',
    operationId: 'staffUnlock',
    summary: 'Mở khoá một tài khoản cán bộ bị tạm khoá do đăng nhập sai nhiều lần (chỉ quản trị viên).',
    tags: ['staff'],
    auth: 'staff',
    permission: 'staff.unlock',
    params: z.object({ unit: Slug, username: line(z.minLength(1), z.maxLength(64)) }),
    responses: {
      204: { description: 'Đã mở khoá' },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này, hoặc không phải quản trị viên.'),
      404: problem('Không có tài khoản này.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
