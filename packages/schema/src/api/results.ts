import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { PeriodId, REPORT_FORMATS, Results } from '../results.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

/** Results and report routes. */
export const resultsRoutes = [
  {
    method: 'GET',
    path: '/v1/units/:unit/results',
    operationId: 'getResults',
    summary:
      'Kết quả chỉ số hài lòng đã công bố của đơn vị (gồm các đơn vị trực thuộc) trong một kỳ: quý `2026-Q3`, ' +
      '6 tháng `2026-H1`, 9 tháng `2026-9M`, cả năm `2026`, hoặc khoảng ngày `2026-01-01..2026-02-15` ' +
      '(mặc định: quý hiện tại). Dưới số phiếu tối thiểu chỉ công bố số phiếu. Hỗ trợ ETag.',
    tags: ['results'],
    params: z.object({ unit: Slug }),
    query: z.object({ period: z.optional(PeriodId) }),
    responses: {
      200: { description: 'Kết quả', schema: Results },
      304: { description: 'Không đổi so với ETag đã có' },
      404: problem('Không có đơn vị này.'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/report',
    operationId: 'getResultsReport',
    summary:
      'Báo cáo kết quả khảo sát của kỳ cho cán bộ: bảng theo bộ phận (số phiếu, số điểm, tổng điểm, tỷ lệ), ' +
      'điểm từng yếu tố trên 6 và tổng trên 30, từng tiêu chí. CSV, XLSX hoặc HTML in khổ A4.',
    tags: ['results', 'staff'],
    auth: 'staff',
    permission: 'results.report',
    params: z.object({ unit: Slug }),
    query: z.object({ period: z.optional(PeriodId), format: z.optional(z.enum(REPORT_FORMATS)) }),
    responses: {
      200: {
        description: 'Báo cáo theo `format`: CSV (UTF-8 có BOM), XLSX, hoặc trang HTML in khổ A4',
        contentType: ['text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html; charset=utf-8'],
      },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này, hoặc vai trò của nó không được làm việc này (ma trận quyền).'),
      404: problem('Không có đơn vị này.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
