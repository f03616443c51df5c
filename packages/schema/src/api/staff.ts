import { StaffLogin, StaffMember, StaffSession } from '../staff.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

export const staffRoutes: RouteContract[] = [
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
];
