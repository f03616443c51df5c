import type * as z from 'zod/mini';
import type { Permission } from './permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteResponse {
  description: string;
  schema?: z.ZodMiniType;
  /** Defaults to application/json; problem answers are application/problem+json; several when the client picks one. */
  contentType?: string | readonly string[];
}

/**
 * One route of the endpoint contract. The server registers its handlers against these and the
 * OpenAPI document is generated from them, so the two cannot drift apart.
 */
export interface RouteContract {
  method: HttpMethod;
  /** Fastify-style path: `/v1/units/:unit`. */
  path: string;
  operationId: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /**
   * `staff` routes need a staff session token (Authorization: Bearer …); `kiosk` routes are public
   * and take an optional kiosk key (X-Sipas-Kiosk-Key) that changes their rate limit.
   */
  auth?: 'staff' | 'kiosk';
  /** On staff routes: what the caller's role must permit (see PERMISSIONS); any role when absent. */
  permission?: Permission;
  /** The 201 answer names the created resource in `Location`. */
  location?: true;
  responses: Readonly<Record<number, RouteResponse>>;
}

export const problem = (description: string): RouteResponse => ({
  description,
  contentType: 'application/problem+json',
});

/** Answers every route may give. */
export const COMMON_PROBLEMS: Record<number, RouteResponse> = {
  400: problem('Yêu cầu không hợp lệ; `errors` nêu từng trường sai.'),
  429: problem('Quá nhiều yêu cầu; thử lại sau số giây ở Retry-After.'),
  500: problem('Lỗi máy chủ.'),
};
