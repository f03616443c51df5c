import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { HolidayCalendar, HolidayYearInput, ProcedureImportPreview, ProcedureImportRequest, ProcedureImportResult, Readiness } from '../operations.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

const ADMIN_PROBLEMS = {
  401: problem('Chưa đăng nhập.'),
  403: problem('Cần tài khoản quản trị của đơn vị này.'),
  404: problem('Không có đơn vị này.'),
  ...COMMON_PROBLEMS,
};
const Year = z.object({ unit: Slug, year: z.string().check(z.regex(/^(19|20|21)\d\d$/)) });

export const operationsRoutes = [
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'ready',
    summary: 'Sẵn sàng nhận yêu cầu: cơ sở dữ liệu trả lời và đã cập nhật cấu trúc (cho bộ cân bằng tải, Docker, systemd).',
    tags: ['meta'],
    responses: { 200: { description: 'Sẵn sàng', schema: Readiness }, 503: problem('Chưa sẵn sàng: cơ sở dữ liệu không trả lời hoặc chưa cập nhật.') },
  },
  {
    method: 'GET',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Số đo của tiến trình theo định dạng Prometheus (yêu cầu, phiếu đã lưu, hàng đợi, lỗi, thời gian truy vấn). Nên chặn từ Internet ở proxy.',
    tags: ['meta'],
    responses: { 200: { description: 'Prometheus text 0.0.4', contentType: 'text/plain' } },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/holidays',
    operationId: 'holidayCalendar',
    summary: 'Ngày nghỉ lễ, Tết các năm đang dùng để tính hạn trả lời phản ánh; cảnh báo khi năm đang dùng chưa có danh sách đã xác nhận.',
    tags: ['staff'],
    auth: 'staff',
    params: z.object({ unit: Slug }),
    query: z.object({ year: z.optional(z.string().check(z.regex(/^(19|20|21)\d\d$/))) }),
    responses: { 200: { description: 'Lịch nghỉ', schema: HolidayCalendar }, ...ADMIN_PROBLEMS },
  },
  {
    method: 'PUT',
    path: '/v1/staff/units/:unit/holidays/:year',
    operationId: 'confirmHolidays',
    permission: 'holidays.edit',
    summary: 'Quản trị nhập (hoặc sửa) danh sách ngày nghỉ của một năm theo quyết định hằng năm; áp dụng cho đơn vị và các đơn vị trực thuộc.',
    tags: ['staff'],
    auth: 'staff',
    params: Year,
    body: HolidayYearInput,
    responses: { 200: { description: 'Lịch nghỉ sau khi lưu', schema: HolidayCalendar }, ...ADMIN_PROBLEMS },
  },
  {
    method: 'DELETE',
    path: '/v1/staff/units/:unit/holidays/:year',
    operationId: 'removeHolidays',
    permission: 'holidays.edit',
    summary: 'Quản trị xoá danh sách đã nhập của một năm (trở về ngày nghỉ tính theo luật, chưa xác nhận).',
    tags: ['staff'],
    auth: 'staff',
    params: Year,
    responses: { 200: { description: 'Lịch nghỉ sau khi xoá', schema: HolidayCalendar }, ...ADMIN_PROBLEMS },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/procedure-imports',
    operationId: 'previewProcedureImport',
    permission: 'procedures.import',
    summary:
      'Quản trị gửi tệp thủ tục (XLSX, CSV, JSON; base64): máy chủ đọc, kiểm tra và cho xem trước thay đổi; chưa ghi gì. Lỗi ghi rõ dòng và cột.',
    tags: ['procedures', 'staff'],
    auth: 'staff',
    params: z.object({ unit: Slug }),
    body: ProcedureImportRequest,
    responses: {
      200: { description: 'Xem trước', schema: ProcedureImportPreview },
      413: problem('Tệp quá lớn.'),
      422: problem('Không đọc được tệp (định dạng, mã hoá hoặc dòng tiêu đề).'),
      ...ADMIN_PROBLEMS,
    },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/procedure-imports/:id/confirm',
    operationId: 'confirmProcedureImport',
    permission: 'procedures.import',
    summary: 'Quản trị xác nhận một lần xem trước: ghi tất cả hoặc không ghi gì; từ chối nếu danh mục đã đổi từ lúc xem trước.',
    tags: ['procedures', 'staff'],
    auth: 'staff',
    params: z.object({ unit: Slug, id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)) }),
    responses: {
      200: { description: 'Đã ghi', schema: ProcedureImportResult },
      409: problem('Danh mục đã thay đổi từ lúc xem trước, hoặc lần nhập này đã được xác nhận.'),
      ...ADMIN_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
