import * as z from 'zod/mini';
import { line } from '../strings.js';
import { Slug } from '../common.js';
import { Questionnaire } from '../questionnaire.js';
import { PublicUnit } from '../unit.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

export const Health = z.object({ status: z.literal('ok'), version: z.string(), database: z.string() });

export const coreRoutes = [
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    summary: 'Máy chủ và cơ sở dữ liệu đang hoạt động.',
    tags: ['meta'],
    responses: { 200: { description: 'Đang hoạt động', schema: Health }, 503: problem('Cơ sở dữ liệu không phản hồi.') },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'Tài liệu OpenAPI 3.1 của endpoint này.',
    tags: ['meta'],
    responses: { 200: { description: 'Tài liệu OpenAPI' } },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit',
    operationId: 'getUnit',
    summary: 'Thông tin công khai của một đơn vị.',
    tags: ['units'],
    params: z.object({ unit: Slug }),
    responses: {
      200: { description: 'Đơn vị', schema: PublicUnit },
      304: { description: 'Không đổi so với ETag đã có' },
      404: problem('Không có đơn vị này.'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/questionnaires/:id',
    operationId: 'getQuestionnaire',
    summary: 'Một phiếu khảo sát, phiên bản mới nhất hoặc phiên bản `version`.',
    tags: ['surveys'],
    params: z.object({ id: Slug }),
    query: z.object({ version: z.optional(line(z.regex(/^[1-9][0-9]*$/))) }),
    responses: {
      200: { description: 'Phiếu khảo sát', schema: Questionnaire },
      304: { description: 'Không đổi so với ETag đã có' },
      404: problem('Không có phiếu khảo sát này.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
