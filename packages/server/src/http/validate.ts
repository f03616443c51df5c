import type { ProblemField } from '@sipas/schema';
import type * as z from 'zod/mini';
import { invalid, withEnglish } from './problem.js';

/** Vietnamese words for zod's issue codes, so a citizen-facing client can show them as they are. */
function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Trường này bắt buộc.' : `Sai kiểu dữ liệu (cần ${issue.expected}).`;
    case 'too_small':
      return issue.origin === 'string' ? `Quá ngắn (tối thiểu ${issue.minimum} ký tự).` : `Quá nhỏ (tối thiểu ${issue.minimum}).`;
    case 'too_big':
      return issue.origin === 'string' ? `Quá dài (tối đa ${issue.maximum} ký tự).` : `Quá lớn (tối đa ${issue.maximum}).`;
    case 'invalid_format':
      // A pattern the schema explains in Vietnamese keeps its explanation; zod's own words are English.
      return issue.format === 'regex' && issue.message && !issue.message.startsWith('Invalid') ? issue.message : `Sai định dạng (${issue.format}).`;
    case 'invalid_value':
      return 'Giá trị không được chấp nhận.';
    case 'unrecognized_keys':
      return `Trường không được biết: ${issue.keys.join(', ')}.`;
    default:
      return issue.message || 'Không hợp lệ.';
  }
}

/** The same in English, for clients that ask for it (Accept-Language). */
function englishFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Wrong data type (expected ${issue.expected}).`;
    case 'too_small':
      return issue.origin === 'string' ? `Too short (at least ${issue.minimum} characters).` : `Too small (at least ${issue.minimum}).`;
    case 'too_big':
      return issue.origin === 'string' ? `Too long (at most ${issue.maximum} characters).` : `Too large (at most ${issue.maximum}).`;
    case 'invalid_format':
      return `Wrong format (${issue.format}).`;
    case 'invalid_value':
      return 'This value is not accepted.';
    case 'unrecognized_keys':
      return `Unknown fields: ${issue.keys.join(', ')}.`;
    default:
      return 'Not valid.';
  }
}

function codeFor(issue: z.core.$ZodIssue): string {
  // The schema's own rules (text: `lone_surrogate`, `control_character`) name their code in params.
  const own = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  if (typeof own === 'string') return own;
  return issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code;
}

export function issuesToFields(issues: readonly z.core.$ZodIssue[], prefix = ''): ProblemField[] {
  return issues.map((issue) =>
    withEnglish(
      {
        path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
        code: codeFor(issue),
        message: messageFor(issue),
      },
      englishFor(issue),
    ),
  );
}

/** Parses `value` or throws a 400 problem naming every invalid field. */
export function parseOr400<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(issuesToFields(result.error.issues, prefix));
  return result.data as z.infer<S>;
}
