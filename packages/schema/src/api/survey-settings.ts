import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { RESPONSE_SOURCES } from '../channels.js';
import { line, webUrl } from '../strings.js';
import { COMMON_PROBLEMS, problem, type RouteContract } from './route.js';

/** A channel a response came by, as the server decided (channels.ts). */
const ResponseSource = z.enum(RESPONSE_SOURCES);

/** A department or field (lĩnh vực) name as it appears in reports. */
export const FieldName = line(z.minLength(1), z.maxLength(120));

/** The public list a survey may name as `context.field`, and where it comes from. */
export const UnitFields = z.object({
  unit: Slug,
  fields: z.array(z.string()),
  /** `catalogue`: the fields of the unit's procedures (default); `unit`: set by an admin. */
  source: z.enum(['catalogue', 'unit']),
});
export type UnitFields = z.infer<typeof UnitFields>;

/** An admin's survey settings for a unit; every member optional in an update. */
export const SurveySettingsUpdate = z.object({
  /** Closed list of departments/fields; `null` returns to the procedures catalogue's fields. */
  fields: z.optional(z.nullable(z.array(FieldName).check(z.minLength(1), z.maxLength(200)))),
  /** Channels whose responses make the published index (default: dossier and kiosk). */
  publishedChannels: z.optional(z.array(ResponseSource).check(z.minLength(1))),
  /** Days a dossier token may be used after its issue date (default 90). */
  dossierTokenDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(366))),
  /** The unit's survey page, where a dossier label's QR code leads; `null` removes it. */
  surveyUrl: z.optional(z.nullable(webUrl(z.maxLength(500)))),
});
export type SurveySettingsUpdate = z.infer<typeof SurveySettingsUpdate>;

export const SurveySettings = z.object({
  unit: Slug,
  fields: z.array(z.string()),
  fieldsSource: z.enum(['catalogue', 'unit']),
  publishedChannels: z.array(ResponseSource),
  dossierTokenDays: z.number(),
  /** The unit's dossier key id (8 hex digits), for a one-stop system that signs tokens itself. */
  dossierKeyId: z.string(),
  /** The unit's survey page (with `<sipas-survey>`): dossier tokens signed without a `surveyUrl` point there. */
  surveyUrl: z.optional(z.string()),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

const UnitParams = z.object({ unit: Slug });
const STAFF = {
  401: problem('Chưa đăng nhập.'),
  403: problem('Chỉ quản trị viên của đơn vị được đổi cài đặt này.'),
  404: problem('Không có đơn vị này.'),
  ...COMMON_PROBLEMS,
};

export const surveySettingsRoutes = [
  {
    method: 'GET',
    path: '/v1/units/:unit/fields',
    operationId: 'listUnitFields',
    summary:
      'Danh sách đóng các lĩnh vực/bộ phận của đơn vị mà phiếu khảo sát được ghi (`context.field`); mặc định là các lĩnh vực của danh mục thủ tục.',
    tags: ['surveys'],
    params: UnitParams,
    responses: { 200: { description: 'Danh sách', schema: UnitFields }, 404: problem('Không có đơn vị này.'), ...COMMON_PROBLEMS },
  },
  {
    method: 'GET',
    path: '/v1/staff/units/:unit/survey-settings',
    operationId: 'getSurveySettings',
    summary: 'Cài đặt khảo sát của đơn vị: danh sách lĩnh vực, kênh tính vào chỉ số công bố, hạn dùng mã QR hồ sơ.',
    tags: ['surveys', 'staff'],
    auth: 'staff',
    params: UnitParams,
    responses: { 200: { description: 'Cài đặt', schema: SurveySettings }, ...STAFF, 403: problem('Tài khoản không thuộc đơn vị này.') },
  },
  {
    method: 'PATCH',
    path: '/v1/staff/units/:unit/survey-settings',
    operationId: 'updateSurveySettings',
    summary: 'Quản trị viên đổi cài đặt khảo sát của đơn vị (chỉ quản trị viên).',
    tags: ['surveys', 'staff'],
    auth: 'staff',
    permission: 'surveys.settings',
    params: UnitParams,
    body: SurveySettingsUpdate,
    responses: { 200: { description: 'Cài đặt mới', schema: SurveySettings }, ...STAFF },
  },
] as const satisfies readonly RouteContract[];
