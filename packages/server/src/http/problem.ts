import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemField } from '@sipas/schema';
import type { FastifyReply } from 'fastify';

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

export function sendProblem(reply: FastifyReply, error: ProblemError, instance?: string): FastifyReply {
  if (error.extra.headers) reply.headers(error.extra.headers);
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(error.toProblem(instance));
}

export const notFound = (what: string, code = 'not_found') => new ProblemError(404, what, { code });

/** 400 naming the fields. */
export const invalid = (errors: ProblemField[], detail?: string) =>
  new ProblemError(400, 'Dữ liệu gửi lên không hợp lệ.', {
    code: 'validation_failed',
    errors,
    detail: detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '),
  });
