import * as z from 'zod/mini';

/**
 * The one canonical form of text. Every string an endpoint accepts goes through `line()` or
 * `text()`, so no route can forget it: well-formed Unicode (a lone UTF-16 surrogate cannot be
 * stored and re-hashed the same, so it would read later as tampering), NFC (the same Vietnamese
 * word typed on two keyboards hashes alike), and no control characters where none belong.
 * The checks run in this order before the caller's own, so lengths and patterns see NFC text.
 */

/** With the `u` flag a surrogate in a valid pair is part of one code point: only lone ones match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** C0, DEL and C1 controls, and the bidirectional overrides and isolates that reorder what is shown. */
const LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** Multi-line text keeps line feeds and tabs; other controls and overrides are still refused. */
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export const TEXT_ISSUE_MESSAGES = {
  lone_surrogate: 'Chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16 đứng riêng); hãy gõ lại đoạn chữ này.',
  control_character: 'Chứa ký tự điều khiển hoặc ký tự đảo chiều không được phép trong trường này.',
} as const;
export type TextIssueCode = keyof typeof TEXT_ISSUE_MESSAGES;

const position = (value: string, pattern: RegExp) => value.search(pattern);

/** Refuses lone surrogates; aborts, so nothing after it sees ill-formed text. */
export const WELL_FORMED = z.superRefine<string>((value, ctx) => {
  if (LONE_SURROGATE.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: TEXT_ISSUE_MESSAGES.lone_surrogate,
      params: { code: 'lone_surrogate', at: position(value, LONE_SURROGATE) },
      input: value,
      continue: false,
    });
  }
});

const NFC = z.normalize('NFC');
/** Windows and old Macs end lines differently; stored text ends them with \n only. */
const LINE_FEEDS = z.overwrite((value: string) => value.replace(/\r\n?/g, '\n'));

const refuse = (pattern: RegExp) =>
  z.superRefine<string>((value, ctx) => {
    if (pattern.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: TEXT_ISSUE_MESSAGES.control_character,
        params: { code: 'control_character', at: position(value, pattern) },
        input: value,
        continue: false,
      });
    }
  });
const NO_CONTROLS_IN_LINE = refuse(LINE_FORBIDDEN);
const NO_CONTROLS_IN_TEXT = refuse(TEXT_FORBIDDEN);

type StringCheck = z.core.CheckFn<string> | z.core.$ZodCheck<string>;

/** A single-line string (names, titles, codes, fields): well-formed, NFC, no controls. */
export function line(...checks: StringCheck[]) {
  return z.string().check(WELL_FORMED, NFC, NO_CONTROLS_IN_LINE, ...checks);
}

/** Multi-line free text (content, answers, notes): as `line`, but line feeds and tabs are kept. */
export function text(...checks: StringCheck[]) {
  return z.string().check(WELL_FORMED, LINE_FEEDS, NFC, NO_CONTROLS_IN_TEXT, ...checks);
}

/** An absolute http(s) URL: never `javascript:`, `data:` or anything a link must not run. */
export function webUrl(...checks: StringCheck[]) {
  return line(
    z.maxLength(2000),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'Cần một địa chỉ web bắt đầu bằng https:// hoặc http://.'),
    ...checks,
  );
}

/** True when `schema` is a string schema that carries the text rule (for the contract's own test). */
export function hasTextRule(schema: z.core.$ZodType): boolean {
  const checks = (schema._zod.def as { checks?: unknown[] }).checks ?? [];
  return checks.includes(WELL_FORMED);
}
