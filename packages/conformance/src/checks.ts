import { Problem, type Questionnaire, type Answers } from '@sipas/schema';
import type * as z from 'zod/mini';
import { json, type Exchange } from './http.js';
import { expect, type Context } from './kit.js';

/** The answer parsed with the contract's schema, or the rule fails naming the first wrong fields. */
export function parsed<T>(ctx: Context, schema: z.ZodMiniType<T>, exchange: Exchange, name: string): T {
  const body = json(exchange);
  expect(ctx, body !== undefined, `the answer is not JSON (expected ${name})`, exchange);
  const result = schema.safeParse(body);
  const issues = result.success
    ? ''
    : result.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
        .join('; ');
  expect(ctx, result.success, `the answer is not a valid ${name}: ${issues}`, exchange);
  return result.data as T;
}

export function status(ctx: Context, exchange: Exchange, expected: number, why: string): void {
  expect(ctx, exchange.status === expected, `${why}: expected ${expected}, got ${exchange.status}`, exchange);
}

/** An RFC 9457 problem with this status (and code), as application/problem+json. */
export function problem(ctx: Context, exchange: Exchange, expected: number, code?: string): Problem {
  status(ctx, exchange, expected, 'wrong status');
  const type = exchange.headers.get('content-type') ?? '';
  expect(ctx, type.startsWith('application/problem+json'), `a problem must be application/problem+json, got "${type}"`, exchange);
  const body = parsed(ctx, Problem, exchange, 'problem (RFC 9457)');
  expect(ctx, body.status === expected, `the problem's status member (${body.status}) differs from the HTTP status`, exchange);
  expect(ctx, typeof body.code === 'string' && body.code.length > 0, 'the problem has no stable `code`', exchange);
  if (code) expect(ctx, body.code === code, `expected problem code \`${code}\`, got \`${body.code}\``, exchange);
  return body;
}

/** A complete, valid answer set for a questionnaire: the best rating everywhere, first options. */
export function answersFor(questionnaire: Questionnaire, rating = 5): Answers {
  const answers: Answers = {};
  for (const item of questionnaire.items) {
    switch (item.kind) {
      case 'rating5':
        answers[item.id] = rating;
        break;
      case 'scale4':
        answers[item.id] = Math.min(rating, 4);
        break;
      case 'yes-no':
        answers[item.id] = 'yes';
        break;
      case 'single':
        answers[item.id] = item.options?.[0]?.value ?? '';
        break;
      case 'multi':
        answers[item.id] = item.options?.[0] ? [item.options[0].value] : [];
        break;
      case 'number':
        answers[item.id] = item.min ?? 1;
        break;
      case 'text':
        if (item.required) answers[item.id] = 'Kiểm thử tuân thủ';
        break;
    }
  }
  return answers;
}

/** Vietnam's calendar day (UTC+7) of an instant, YYYY-MM-DD. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export const enc = encodeURIComponent;
