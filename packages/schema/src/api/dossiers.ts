import * as z from 'zod/mini';
import { CalendarDate, Slug } from '../common.js';
import { DOSSIER_CODE, DOSSIER_TOKEN_MAX_LENGTH, TOKEN_PROCEDURE_CODE } from '../dossier-token.js';
import { line, webUrl } from '../strings.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

const Token = line(
  z.minLength(1),
  z.maxLength(DOSSIER_TOKEN_MAX_LENGTH),
  z.regex(/^[A-Za-z0-9_-]+$/, 'mã QR hồ sơ (base64url)'),
);

export const DossierClaimQuery = z.object({ token: Token });

/** A token that can still claim its dossier: what the survey shows before the first question. */
export const DossierClaim = z.object({
  unit: Slug,
  state: z.literal('unused'),
  /** No dossier code: the holder has it on the receipt, and public answers carry no personal data. */
  procedure: z.optional(z.string()),
  issued: CalendarDate,
  /** Last day the token may be used (Vietnam time). */
  expires: CalendarDate,
});
export type DossierClaim = z.infer<typeof DossierClaim>;

export const DossierTokenRequest = z.object({
  dossier: line(z.regex(DOSSIER_CODE, 'mã hồ sơ: chữ, số và . _ / - (tối đa 64 ký tự)')),
  procedure: z.optional(line(z.regex(TOKEN_PROCEDURE_CODE, 'mã thủ tục: tối đa 32 ký tự chữ, số, . _ / -'))),
  /** Day the receipt is issued; default today (Vietnam time). */
  issued: z.optional(CalendarDate),
  /** The survey page; when given, `url` is that page with `?token=…` for the QR code. */
  surveyUrl: z.optional(webUrl(z.maxLength(500))),
});
export type DossierTokenRequest = z.infer<typeof DossierTokenRequest>;

export const DossierToken = z.object({
  token: z.string(),
  dossier: z.string(),
  procedure: z.optional(z.string()),
  issued: CalendarDate,
  expires: CalendarDate,
  /** The unit's dossier key id, 8 hex digits. */
  keyId: z.string(),
  /** surveyUrl with the token, ready for a QR code. */
  url: z.optional(z.string()),
});
export type DossierToken = z.infer<typeof DossierToken>;

const UnitParams = z.object({ unit: Slug });

/** Verified dossiers: the staff's (or one-stop system's) signing route and the survey's check. */
export const dossierRoutes = [
  {
    method: 'GET',
    path: '/v1/units/:unit/dossier-claims',
    operationId: 'checkDossierClaim',
    summary:
      'Kiểm tra mã QR hồ sơ (token) khi phiếu khảo sát vừa mở, trước câu hỏi đầu tiên: còn dùng được (200), ' +
      'hồ sơ đã được đánh giá (409 `dossier_already_rated`), hoặc mã giả, của đơn vị khác, hết hạn (400, kèm lời giải thích).',
    tags: ['surveys'],
    params: UnitParams,
    query: DossierClaimQuery,
    responses: {
      200: { description: 'Mã còn dùng được', schema: DossierClaim },
      400: problem('Mã QR không hợp lệ: sai định dạng (`dossier_token_invalid`), chữ ký sai (`dossier_token_forged`), của đơn vị khác (`dossier_token_foreign`), hết hạn (`dossier_token_expired`).'),
      404: problem('Không có đơn vị này.'),
      409: problem('Hồ sơ này đã được đánh giá.'),
      429: COMMON_PROBLEMS[429]!,
      500: COMMON_PROBLEMS[500]!,
    },
  },
  {
    method: 'POST',
    path: '/v1/staff/units/:unit/dossier-tokens',
    operationId: 'signDossierToken',
    summary:
      'Ký mã QR cho một hồ sơ bằng khoá hồ sơ của đơn vị (để in nhãn QR trên phiếu hẹn; phần mềm một cửa gọi bằng tài khoản cán bộ). ' +
      'Định dạng mã: docs/survey.md.',
    tags: ['surveys', 'staff'],
    auth: 'staff',
    permission: 'dossiers.sign',
    params: UnitParams,
    body: DossierTokenRequest,
    responses: {
      201: { description: 'Mã đã ký', schema: DossierToken },
      401: problem('Chưa đăng nhập.'),
      403: problem('Tài khoản không thuộc đơn vị này.'),
      404: problem('Không có đơn vị này.'),
      ...COMMON_PROBLEMS,
    },
  },
] as const satisfies readonly RouteContract[];
