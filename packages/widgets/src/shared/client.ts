import type { Problem } from '@sipas/schema';
import { getLocale } from './localize.js';

/** The request never reached the server: offline, DNS, refused, CORS. Worth retrying. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** No answer in time. Worth retrying. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** The server answered with an error; `problem` is its RFC 9457 body when it sent one. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** Seconds from Retry-After, when given. */
    readonly retryAfter: number | undefined,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
  }
}

export type RequestError = NetworkError | TimeoutError | HttpError;

/**
 * The unit does not allow the site of this page (403 `origin_not_allowed`). Final: retrying or
 * queueing changes nothing until the unit's admin adds the site; the citizen is told the service
 * is not set up on this page yet, the webmaster (console) which address to add and where.
 */
export function isOriginRefusal(error: unknown): boolean {
  return error instanceof HttpError && error.problem?.code === 'origin_not_allowed';
}

let reportedRefusal = false;

/**
 * Once per page: the server's detail names the exact origin to add and the desk tab where a unit
 * admin adds it, for whoever opens the console.
 */
function reportOriginRefusal(problem: Problem): void {
  if (!reportedRefusal) console.error(`[SIPAS] ${problem.detail}`);
  reportedRefusal = true;
}

/** Offline, timeouts, 5xx, 408, 425 and 429 may succeed later; any other 4xx is final. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof HttpError) return error.status >= 500 || [408, 425, 429].includes(error.status);
  return false;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/** Milliseconds before giving up on a request: mobile data in the countryside is slow, so not too short. */
const TIMEOUT_MS = 15_000;

export interface JsonResponse<T> {
  status: number;
  data: T | undefined;
  headers: Headers;
}

/**
 * GET responses sipas.js asked for before this code arrived (a survey's questionnaire and unit,
 * src/loader/loader.ts), by URL, each with its body already read: the first request for one of
 * them takes it instead of asking again, and parses it in the same task (reading a body again
 * would wait for another task, after a frame drawn without the data).
 */
export type Prefetched = Promise<readonly [response: Response, body: string]>;
let prefetched: Map<string, Prefetched> | undefined;
export function usePrefetched(responses: Map<string, Prefetched>): void {
  prefetched = responses;
}
/** Whether sipas.js already asked for `url` (its response is on the way, unconditional). */
export const isPrefetched = (url: string): boolean => Boolean(prefetched?.has(url));

/** fetch with a timeout, JSON in and out, and typed errors. A 304 returns `data: undefined`. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(new TimeoutError('timeout')), TIMEOUT_MS);
  const early = options.method ? undefined : prefetched?.get(url);
  prefetched?.delete(url);
  let response: Response;
  let body: string | undefined;
  try {
    [response, body] = await (early
      ? Promise.race([early, new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)))])
      : fetch(url, {
          method: options.method ?? 'GET',
          headers: {
            accept: 'application/json, application/problem+json',
            // Problems come back in the language the elements show, not the browser's: a Vietnamese
            // page in an English-language browser still gets Vietnamese messages.
            'accept-language': getLocale() === 'en' ? 'en' : 'vi',
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...options.headers,
          },
          body: options.body !== undefined ? JSON.stringify(options.body) : null,
          signal: controller.signal,
          credentials: 'omit',
        }).then((answer) => [answer, undefined] as const));
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : new NetworkError((error as Error).message);
  } finally {
    clearTimeout(timeout);
  }
  if (response.status === 304) return { status: 304, data: undefined, headers: response.headers };
  const text = body ?? (await response.text().catch(() => ''));
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    if ((parsed as Problem | undefined)?.code === 'origin_not_allowed') reportOriginRefusal(parsed as Problem);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new HttpError(response.status, parsed as Problem | undefined, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  return { status: response.status, data: parsed as T, headers: response.headers };
}
