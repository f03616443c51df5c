import * as z from 'zod/mini';
import { Slug } from '../common.js';
import {
  BallotOpening,
  BallotOpeningList,
  BallotOpeningRequest,
  ConsistencyProof,
  ConsistencyQuery,
  CosignatureSubmission,
  InclusionProof,
  InclusionQuery,
  LogCheckpointQuery,
  LogKey,
  WitnessCosignature,
} from './log-payloads.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

const UnitParams = z.object({ unit: Slug });
const unitNotFound = problem('Không có đơn vị này.');

/** Sealed ballot-box log routes: the public checks anyone may run, and the staff's opening. */
export const logRoutes = [
  {
    method: 'GET',
    path: '/v1/units/:unit/log/checkpoint',
    operationId: 'getLogCheckpoint',
    summary:
      'Điểm kiểm tra mới nhất của hòm phiếu điện tử, đã ký Ed25519, theo định dạng C2SP tlog-checkpoint (signed note): ' +
      'dòng nguồn gốc, số phiếu, mã gốc base64, dòng trống, dòng chữ ký "— <tên khoá> <base64(mã khoá ‖ chữ ký)>", ' +
      'rồi chữ ký đồng ký của các giám sát viên đã kiểm tra điểm này (C2SP tlog-cosignature). `size` chọn một điểm kiểm tra cũ hơn.',
    tags: ['log'],
    params: UnitParams,
    query: LogCheckpointQuery,
    responses: {
      200: { description: 'Signed note', schema: z.string(), contentType: 'text/plain; charset=utf-8' },
      404: unitNotFound,
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit/log/key',
    operationId: 'getLogKey',
    summary: 'Khoá công khai của hòm phiếu (Ed25519), để giám sát viên giữ và kiểm tra chữ ký.',
    tags: ['log'],
    params: UnitParams,
    responses: { 200: { description: 'Khoá công khai', schema: LogKey }, 404: unitNotFound, ...COMMON_PROBLEMS },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit/log/proof',
    operationId: 'getLogInclusionProof',
    summary: 'Bằng chứng một phiếu (lá số `leaf`) nằm trong hòm phiếu, so với điểm kiểm tra mới nhất (RFC 9162).',
    tags: ['log'],
    params: UnitParams,
    query: InclusionQuery,
    responses: {
      200: { description: 'Bằng chứng', schema: InclusionProof },
      404: problem('Không có đơn vị hoặc lá này.'),
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/units/:unit/log/consistency',
    operationId: 'getLogConsistencyProof',
    summary:
      'Bằng chứng hòm phiếu cỡ `to` (mặc định: mới nhất) chỉ nối thêm vào hòm phiếu cỡ `from`: không phiếu cũ nào bị xoá, sửa hay chèn (RFC 9162).',
    tags: ['log'],
    params: UnitParams,
    query: ConsistencyQuery,
    responses: {
      200: { description: 'Bằng chứng', schema: ConsistencyProof },
      400: problem('Cỡ cây không hợp lệ (from > to, hoặc lớn hơn số phiếu).'),
      404: unitNotFound,
      429: COMMON_PROBLEMS[429]!,
      500: COMMON_PROBLEMS[500]!,
    },
  },
  {
    method: 'POST',
    path: '/v1/units/:unit/log/cosignatures',
    operationId: 'submitCosignature',
    summary:
      'Giám sát viên (lệnh `sipas-server witness`) nộp chữ ký đồng ký cho điểm kiểm tra cỡ `size` sau khi đã kiểm tra nó nối tiếp điểm cũ. ' +
      'Chỉ nhận chữ ký hợp lệ của khoá giám sát đơn vị đã đăng ký; từ đó điểm kiểm tra được phục vụ kèm chữ ký này.',
    tags: ['log'],
    params: UnitParams,
    body: CosignatureSubmission,
    responses: {
      201: { description: 'Đã nhận chữ ký đồng ký', schema: WitnessCosignature },
      200: { description: 'Đã có chữ ký này', schema: WitnessCosignature },
      400: problem('Chữ ký không hợp lệ, không của giám sát viên đã đăng ký, hoặc cỡ cây sai.'),
      404: unitNotFound,
      429: COMMON_PROBLEMS[429]!,
      500: COMMON_PROBLEMS[500]!,
    },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/log/export',
    operationId: 'exportLog',
    summary:
      'Tệp xuất hòm phiếu để kiểm tra (JSON lines): dòng đầu là điểm kiểm tra; mỗi dòng sau một lá với phiếu như đang lưu; ' +
      'phiếu có trong cơ sở dữ liệu mà không có trong hòm được liệt kê với `leaf: null`. Dùng với `sipas-server audit --export`.',
    tags: ['log', 'staff'],
    auth: 'staff',
    permission: 'ballot.export',
    params: UnitParams,
    responses: {
      200: { description: 'JSON lines', schema: z.string(), contentType: 'application/x-ndjson' },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này, hoặc vai trò của nó không được làm việc này (ma trận quyền).'),
      404: unitNotFound,
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/log/openings',
    operationId: 'openBallotBox',
    summary:
      'Mở hòm phiếu điện tử cho một kỳ trước người chứng kiến: ký điểm kiểm tra, đếm phiếu trong kỳ, ghi nhật ký việc mở hòm; trả về nội dung biên bản.',
    tags: ['log', 'staff'],
    auth: 'staff',
    permission: 'ballot.open',
    params: UnitParams,
    body: BallotOpeningRequest,
    responses: {
      201: { description: 'Đã mở hòm phiếu', schema: BallotOpening },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này, hoặc vai trò của nó không được làm việc này (ma trận quyền).'),
      404: unitNotFound,
      ...COMMON_PROBLEMS,
    },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/log/openings',
    operationId: 'listBallotOpenings',
    summary: 'Các lần mở hòm phiếu đã ghi, mới nhất trước (để in lại biên bản).',
    tags: ['log', 'staff'],
    auth: 'staff',
    permission: 'ballot.minutes',
    params: UnitParams,
    responses: {
      200: { description: 'Các lần mở hòm', schema: BallotOpeningList },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này, hoặc vai trò của nó không được làm việc này (ma trận quyền).'),
      404: unitNotFound,
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
