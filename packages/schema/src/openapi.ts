import * as z from 'zod/mini';
import { API_ROUTES, type RouteContract } from './api/index.js';
import { Problem } from './common.js';
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
const NAMED: Record<string, z.ZodMiniType> = {
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

function jsonSchema(schema: z.ZodMiniType): JsonSchema {
  const name = Object.keys(NAMED).find((key) => NAMED[key] === schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(route: RouteContract): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object.def.shape as Record<string, z.ZodMiniType>)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || schema._zod.def.type !== 'optional',
        schema: jsonSchema(schema),
      });
    }
  }
  return list;
}

/** `/v1/units/:unit` → `/v1/units/{unit}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The OpenAPI 3.1 document of the endpoint, generated from the route contract and the schemas. */
export function buildOpenApi(options: { version?: string; serverUrl?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const contentType = response.contentType ?? 'application/json';
      const schema = response.schema ?? (contentType === 'application/problem+json' ? Problem : undefined);
      responses[status] = {
        description: response.description,
        ...(schema ? { content: { [contentType]: { schema: jsonSchema(schema) } } } : {}),
      };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      parameters: parameters(route),
      responses,
    };
    if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } };
    }
    if (route.auth === 'staff') operation.security = [{ staffToken: [] }];
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(NAMED)) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    schemas[name] = rest;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIPAS endpoint',
      version: options.version ?? '1',
      description:
        'Hợp đồng endpoint của SIPAS widgets: khảo sát hài lòng, thủ tục hành chính, phản ánh kiến nghị, kết quả. ' +
        'Mọi lỗi trả về application/problem+json (RFC 9457).',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer' } },
    },
  };
}
