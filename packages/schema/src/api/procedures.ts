import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { Procedure, ProcedureCode, ProcedureList } from '../procedure.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

export const procedureRoutes = [
  {
    method: 'GET',
    path: '/v1/units/:unit/procedures',
    operationId: 'listProcedures',
    summary: 'Danh mục thủ tục hành chính của đơn vị (đủ cho danh sách và tìm kiếm). Hỗ trợ ETag.',
    tags: ['procedures'],
    params: z.object({ unit: Slug }),
    responses: {
      200: { description: 'Danh mục', schema: ProcedureList },
      304: { description: 'Không đổi so với ETag đã có' },
      404: problem('Không có đơn vị này.'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit/procedures/:code',
    operationId: 'getProcedure',
    summary: 'Chi tiết một thủ tục hành chính. Hỗ trợ ETag.',
    tags: ['procedures'],
    params: z.object({ unit: Slug, code: ProcedureCode }),
    responses: {
      200: { description: 'Thủ tục', schema: Procedure },
      304: { description: 'Không đổi so với ETag đã có' },
      404: problem('Không có thủ tục này.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
