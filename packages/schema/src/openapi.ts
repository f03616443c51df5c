import * as z from 'zod/mini';
import { API_ROUTES, PERMISSIONS, type RouteContract, type RouteResponse } from './api/index.js';
import {
  OPERATION_DESCRIPTIONS,
  PARAMETER_DESCRIPTIONS,
  PARAMETER_EXAMPLES,
  PROPERTY_DESCRIPTIONS,
  SCHEMA_DESCRIPTIONS,
  STATUS_WORDS,
  TAG_DESCRIPTIONS,
} from './api/descriptions.js';
import { SCHEMA_EXAMPLES } from './api/examples.js';
import { Problem, PROBLEM_CONTENT_TYPE } from './common.js';
import { BallotOpening, BallotOpeningList, BallotOpeningRequest, ConsistencyProof, InclusionProof, LogKey } from './api/log-payloads.js';
import { Health } from './api/index.js';
import { DossierClaim, DossierToken, DossierTokenRequest } from './api/dossiers.js';
import { SurveySettings, SurveySettingsUpdate, UnitFields } from './api/survey-settings.js';
import { CosignatureSubmission, WitnessCosignature } from './api/log-payloads.js';
import {
  FeedbackAction,
  FeedbackCase,
  FeedbackInbox,
  FeedbackLookup,
  FeedbackReceipt,
  FeedbackSubmission,
  PublishedFeedback,
  PublishedFeedbackList,
} from './feedback.js';
import { Procedure, ProcedureList } from './procedure.js';
import { Questionnaire } from './questionnaire.js';
import { Results } from './results.js';
import { SurveyReceipt, SurveyResponse } from './survey.js';
import { PublicUnit } from './unit.js';
import { StaffLogin, StaffMember, StaffSession } from './staff.js';

/** Schemas that get a name under components.schemas; routes refer to them by $ref. */
export const NAMED: Record<string, z.ZodMiniType> = {
  LogKey,
  InclusionProof,
  ConsistencyProof,
  BallotOpeningRequest,
  BallotOpening,
  BallotOpeningList,
  CosignatureSubmission,
  WitnessCosignature,
  DossierClaim,
  DossierTokenRequest,
  DossierToken,
  UnitFields,
  SurveySettings,
  SurveySettingsUpdate,
  Problem,
  Health,
  PublicUnit,
  Questionnaire,
  SurveyResponse,
  SurveyReceipt,
  ProcedureList,
  Procedure,
  FeedbackSubmission,
  FeedbackReceipt,
  FeedbackLookup,
  PublishedFeedback,
  PublishedFeedbackList,
  FeedbackInbox,
  FeedbackCase,
  FeedbackAction,
  Results,
  StaffLogin,
  StaffSession,
  StaffMember,
};

type JsonSchema = Record<string, unknown>;

function rawJsonSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Named schemas' JSON forms, to replace inline copies with a `$ref`. */
const namedForms = (): Map<string, string> =>
  new Map(Object.entries(NAMED).map(([name, schema]) => [JSON.stringify(rawJsonSchema(schema)), name]));

/** Replaces every nested copy of a named schema with its `$ref` (zod inlines them). */
function refNested(node: unknown, forms: Map<string, string>, root: boolean): unknown {
  if (Array.isArray(node)) return node.map((child) => refNested(child, forms, false));
  if (!node || typeof node !== 'object') return node;
  if (!root) {
    const name = forms.get(JSON.stringify(node));
    if (name) return { $ref: `#/components/schemas/${name}` };
  }
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, refNested(child, forms, false)]));
}

function jsonSchema(schema: z.ZodMiniType, forms: Map<string, string>): JsonSchema {
  const name = Object.keys(NAMED).find((key) => NAMED[key] === schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  return refNested(rawJsonSchema(schema), forms, true) as JsonSchema;
}

/** Puts the catalogue's words on every property of a named schema (see api/descriptions.ts). */
function describeProperties(node: unknown, schemaName: string, path: string[]): void {
  if (Array.isArray(node)) return node.forEach((child) => describeProperties(child, schemaName, path));
  if (!node || typeof node !== 'object') return;
  const object = node as JsonSchema;
  const properties = object.properties as Record<string, JsonSchema> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const words =
      PROPERTY_DESCRIPTIONS[`${schemaName}.${[...path, name].join('.')}`] ??
      PROPERTY_DESCRIPTIONS[`${schemaName}.${name}`] ??
      PROPERTY_DESCRIPTIONS[name];
    if (words && property.description === undefined) property.description = words;
    describeProperties(property, schemaName, [...path, name]);
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    if (key in object) describeProperties(object[key], schemaName, path);
  }
}

/** `/v1/units/:unit` → `/v1/units/{unit}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** Media types of the report formats and their bodies. */
const BINARY = { type: 'string', contentMediaType: 'application/octet-stream' };

function parameters(route: RouteContract, forms: Map<string, string>): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object.def.shape as Record<string, z.ZodMiniType>)) {
      const key = `${route.operationId}.${name}`;
      const example = PARAMETER_EXAMPLES[key] ?? PARAMETER_EXAMPLES[name];
      list.push({
        name,
        in: where,
        required: where === 'path' || schema._zod.def.type !== 'optional',
        description: PARAMETER_DESCRIPTIONS[key] ?? PARAMETER_DESCRIPTIONS[name],
        schema: jsonSchema(schema, forms),
        ...(example !== undefined ? { example } : {}),
      });
    }
  }
  if (304 in route.responses) list.push(ref('parameters', 'IfNoneMatch'));
  list.push(ref('parameters', 'AcceptLanguage'));
  return list;
}

function response(route: RouteContract, status: number, described: RouteResponse, forms: Map<string, string>): JsonSchema {
  const types = described.contentType === undefined ? ['application/json'] : [described.contentType].flat();
  const headers: Record<string, unknown> = {};
  const conditional = 304 in route.responses;
  if (conditional && (status === 200 || status === 304)) headers.ETag = ref('headers', 'ETag');
  if (status === 429) headers['Retry-After'] = ref('headers', 'RetryAfter');
  if (status === 201 && route.location) headers.Location = ref('headers', 'Location');
  if (types.includes(PROBLEM_CONTENT_TYPE)) headers['Content-Language'] = ref('headers', 'ContentLanguage');
  const content: Record<string, unknown> = {};
  if (status !== 204 && status !== 304) {
    for (const type of types) {
      const schema =
        described.schema !== undefined
          ? jsonSchema(described.schema, forms)
          : type === PROBLEM_CONTENT_TYPE
            ? jsonSchema(Problem, forms)
            : type.startsWith('text/')
              ? { type: 'string' }
              : type === 'application/json'
                ? { type: 'object' }
                : BINARY;
      content[type] = { schema };
    }
  }
  return {
    description: `${STATUS_WORDS[status] ?? `HTTP ${status}`} — ${described.description}`,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

function security(route: RouteContract): unknown[] {
  if (route.auth === 'staff') return [{ staffToken: [] }];
  // The kiosk key is optional: anonymous callers are limited per address, a kiosk per key.
  if (route.auth === 'kiosk') return [{}, { kioskKey: [] }];
  return [];
}

const INFO_DESCRIPTION = [
  'Hợp đồng endpoint của SIPAS widgets: khảo sát hài lòng, thủ tục hành chính, phản ánh kiến nghị (PAKN), kết quả, hòm phiếu điện tử niêm phong. ' +
    'Các thẻ `sipas-*` hoạt động với mọi máy chủ tuân thủ tài liệu này; `npx @sipas/conformance <endpoint> --unit <đơn vị>` kiểm tra điều đó.',
  '',
  'The endpoint contract of SIPAS widgets. Any backend that follows this document works with the `sipas-*` elements; ' +
    '`npx @sipas/conformance <endpoint> --unit <unit>` checks one against the rules below.',
  '',
  'Words: summaries are Vietnamese (as staff read them); descriptions are English with the Vietnamese term in italics; ' +
    'response descriptions give the English status, then the Vietnamese meaning.',
  '',
  'Rules every operation follows: every error is `application/problem+json` (RFC 9457) with a stable `code` and, for 400, `errors` naming each field (`path`); ' +
    'its words follow `Accept-Language` (Vietnamese by default, English when preferred). Writes are idempotent by a client-made `id` (201 new, 200 same body again, 409 other body). ' +
    'Rate limits answer 429 with `Retry-After`. Cacheable reads carry an `ETag` and answer 304 to a matching `If-None-Match`. ' +
    'A browser may call the API only from an origin in the unit’s `allowedOrigins` (403 `origin_not_allowed`). Dates are Vietnam calendar days (UTC+7); instants ISO 8601.',
].join('\n');

/** The OpenAPI 3.1 document of the endpoint, generated from the route contract and the schemas. */
export function buildOpenApi(options: { version?: string; serverUrl?: string } = {}): JsonSchema {
  const forms = namedForms();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {};
    for (const [status, described] of Object.entries(route.responses)) {
      responses[status] = response(route, Number(status), described, forms);
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      description: OPERATION_DESCRIPTIONS[route.operationId],
      tags: route.tags,
      security: security(route),
      parameters: parameters(route, forms),
      responses,
    };
    if (route.body) {
      const example = Object.entries(NAMED).find(([, schema]) => schema === route.body)?.[0];
      operation.requestBody = {
        required: true,
        description: example ? SCHEMA_DESCRIPTIONS[example] : undefined,
        content: { 'application/json': { schema: jsonSchema(route.body, forms) } },
      };
    }
    if (route.permission) {
      const role = PERMISSIONS[route.permission];
      operation.description = `${String(operation.description ?? '')} Permission (*quyền*): \`${route.permission}\` — minimum role ${role === 'admin' ? '`admin` (*quản trị*)' : '`staff` (*cán bộ*)'}; a weaker role is 403.`.trim();
      operation['x-sipas-permission'] = { name: route.permission, role };
    }
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(NAMED)) {
    const json = refNested(rawJsonSchema(schema), forms, true) as JsonSchema;
    describeProperties(json, name, []);
    schemas[name] = {
      description: SCHEMA_DESCRIPTIONS[name],
      ...json,
      ...(SCHEMA_EXAMPLES[name] !== undefined ? { examples: [SCHEMA_EXAMPLES[name]] } : {}),
    };
  }
  const tags = [...new Set(API_ROUTES.flatMap((route) => route.tags))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIPAS endpoint',
      version: options.version ?? '1',
      description: INFO_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      options.serverUrl
        ? { url: options.serverUrl, description: 'This endpoint' }
        : { url: 'http://127.0.0.1:8787', description: 'The reference server started by `npm start` (any SIPAS endpoint: its own address)' },
    ],
    tags,
    paths,
    components: {
      schemas,
      parameters: {
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'The `ETag` of a copy the client holds; an unchanged answer is then 304 with no body (RFC 9110 §13.1.2).',
          schema: { type: 'string' },
          example: '"3f1c0a9be2d74c58a1e6b0d2c4f8a7e9"',
        },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description:
            'Language of problem details (`title`, field messages): Vietnamese by default; English when `en` weighs more than `vi`. `Content-Language` tells which was used.',
          schema: { type: 'string' },
          example: 'en-GB,en;q=0.9,vi;q=0.5',
        },
      },
      headers: {
        ETag: {
          description: 'Strong validator of this answer; changes exactly when the answer does. Send it back as `If-None-Match`.',
          schema: { type: 'string' },
          example: '"3f1c0a9be2d74c58a1e6b0d2c4f8a7e9"',
        },
        RetryAfter: {
          description: 'Seconds to wait before sending the request again (RFC 9110 §10.2.3).',
          schema: { type: 'integer', minimum: 1 },
          example: 42,
        },
        Location: {
          description: 'Path of the created resource.',
          schema: { type: 'string' },
          example: '/v1/feedback/TANH-2345',
        },
        ContentLanguage: {
          description: 'Language of the problem’s words: `vi` or `en`.',
          schema: { type: 'string', enum: ['vi', 'en'] },
          example: 'vi',
        },
      },
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A staff session (*phiên cán bộ*): the token from `POST /v1/staff/sessions`, as `Authorization: Bearer <token>`. 401 without it, 403 for another unit.',
        },
        kioskKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Sipas-Kiosk-Key',
          description:
            'A kiosk key (*khoá kiosk*) the unit issued to one counter device (`sipas-server kiosk-key`). Optional: it replaces the per-address rate limit with a per-key one; a key of another unit is 403 `kiosk_key_invalid`.',
        },
      },
    },
  };
}
