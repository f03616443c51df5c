import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemField } from '@sipas/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FIELD_MESSAGES_EN, PROBLEM_TITLES_EN } from './messages-en.js';

/** An error that becomes an RFC 9457 answer. Throw it from any handler. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: { detail?: string; code?: string; errors?: ProblemField[]; headers?: Record<string, string> } = {},
  ) {
    super(title);
    this.name = 'ProblemError';
  }

  toProblem(instance?: string): Problem {
    return {
      type: this.extra.code ? `https://sipas.dev/problems/${this.extra.code}` : 'about:blank',
      title: this.title,
      status: this.status,
      ...(this.extra.detail ? { detail: this.extra.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.extra.code ? { code: this.extra.code } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

/** English words for a field whose message has numbers in it, set where the field is made (validate.ts). */
const englishOfField = new WeakMap<ProblemField, string>();

export function withEnglish(field: ProblemField, english: string): ProblemField {
  englishOfField.set(field, english);
  return field;
}

/**
 * Whether the client prefers English to Vietnamese (RFC 9110 §12.5.4). Vietnamese is the default:
 * no header, `*`, or a tie keep it.
 */
export function prefersEnglish(header: string | undefined): boolean {
  if (!header) return false;
  let vi = -1;
  let en = -1;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const weight = Number.isFinite(q) ? q : 0;
    if (range === 'en' || range.startsWith('en-')) en = Math.max(en, weight);
    else if (range === 'vi' || range.startsWith('vi-')) vi = Math.max(vi, weight);
  }
  return en > 0 && en > vi;
}

/** The problem in English: title and field messages from the catalogue by `code`; Vietnamese-only detail dropped. */
function inEnglish(problem: Problem, error: ProblemError): Problem {
  const title = (problem.code && PROBLEM_TITLES_EN[problem.code]) || undefined;
  if (!title) return problem;
  const errors = error.extra.errors?.map((field) => ({
    ...field,
    message: englishOfField.get(field) ?? FIELD_MESSAGES_EN[field.code] ?? field.message,
  }));
  const { detail: _vietnamese, ...rest } = problem;
  return {
    ...rest,
    title,
    ...(errors ? { errors, detail: errors.map((e) => `${e.path}: ${e.message}`).join('; ') } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: ProblemError, instance?: string): FastifyReply {
  if (error.extra.headers) reply.headers(error.extra.headers);
  const request: FastifyRequest | undefined = reply.request;
  const english = prefersEnglish(request?.headers['accept-language']);
  const problem = error.toProblem(instance);
  const vary = reply.getHeader('vary');
  return reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .header('content-language', english && PROBLEM_TITLES_EN[problem.code ?? ''] ? 'en' : 'vi')
    .header('vary', vary ? `${String(vary)}, accept-language` : 'accept-language')
    .send(english ? inEnglish(problem, error) : problem);
}

export const notFound = (what: string, code = 'not_found') => new ProblemError(404, what, { code });

/** 400 naming the fields. */
export const invalid = (errors: ProblemField[], detail?: string) =>
  new ProblemError(400, 'Dữ liệu gửi lên không hợp lệ.', {
    code: 'validation_failed',
    errors,
    detail: detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '),
  });
