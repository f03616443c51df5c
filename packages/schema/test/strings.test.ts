import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { API_ROUTES, FeedbackSubmission, hasTextRule, line, parsePeriod, PeriodId, SurveyContext, text, Unit } from '../src/index.js';

type Def = { type: string; format?: string; [key: string]: unknown };

/** Every string schema reachable from `schema`, with its path. */
function strings(schema: z.core.$ZodType, path: string, out: { path: string; schema: z.core.$ZodType }[] = []) {
  const def = schema._zod.def as Def;
  const walk = (child: unknown, at: string) => strings(child as z.core.$ZodType, at, out);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) walk(child, `${path}.${key}`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      walk(def.innerType, path);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'union':
      (def.options as unknown[]).forEach((option, i) => walk(option, `${path}|${i}`));
      break;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case 'pipe':
      walk(def.in, path);
      break;
  }
  return out;
}

/** zod's own formats: ASCII patterns, so they cannot hold a surrogate or a control character. */
const ASCII_FORMATS = new Set(['uuid', 'email', 'datetime', 'date']);

describe('one canonical form of text', () => {
  it('every string a route accepts (params, query, body) carries the text rule', () => {
    const missing: string[] = [];
    for (const route of API_ROUTES) {
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = route[part];
        if (!schema) continue;
        for (const found of strings(schema, `${route.method} ${route.path} ${part}`)) {
          const format = (found.schema._zod.def as Def).format;
          if (hasTextRule(found.schema) || (format && ASCII_FORMATS.has(format))) continue;
          missing.push(found.path);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('refuses a lone surrogate, naming the field, in Vietnamese', () => {
    const result = SurveyContext.safeParse({ channel: 'web', field: 'x\ud800y' });
    assert.equal(result.success, false);
    const issue = result.error!.issues[0]!;
    assert.deepEqual(issue.path, ['field']);
    assert.match(issue.message, /Unicode không hợp lệ/);
    assert.equal((issue as { params?: { code?: string } }).params?.code, 'lone_surrogate');
    // A surrogate pair (an emoji) is well-formed and kept.
    assert.equal(SurveyContext.parse({ channel: 'web', field: 'Tư pháp 😀' }).field, 'Tư pháp 😀');
  });

  it('normalizes to NFC before lengths and patterns are checked', () => {
    const decomposed = 'Tu\u031b pha\u0301p'; // "Tư pháp" typed with combining marks
    assert.equal(line().parse(decomposed), 'Tư pháp');
    assert.equal(line().parse(decomposed).length, 7);
  });

  it('refuses controls and direction overrides in single-line fields; multi-line text keeps line feeds', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\u001bb', 'a\u0085b', 'abc\u202Egnp.exe']) assert.equal(line().safeParse(bad).success, false, JSON.stringify(bad));
    assert.equal(text().parse('dòng 1\r\ndòng 2\rdòng 3\n\tthụt lề'), 'dòng 1\ndòng 2\ndòng 3\n\tthụt lề');
    assert.equal(text().safeParse('a\u0000b').success, false);
  });

  it('feedback text fields follow the same rule', () => {
    const base = {
      id: crypto.randomUUID(),
      unit: 'phuong-a',
      topic: 'other',
      title: 'Ghế chờ bị hỏng',
      content: 'Hai ghế ở khu chờ bị gãy chân,\nđề nghị thay sớm.',
      sender: { name: 'Vũ Thị Mai', address: 'Số 3 ngõ 7, phường A', phone: '0977 888 999' },
      consent: { accepted: true, textVersion: 'v1', text: 'Tôi đồng ý cho cơ quan xử lý thông tin này.' },
    };
    assert.equal(FeedbackSubmission.safeParse(base).success, true);
    const bad = FeedbackSubmission.safeParse({ ...base, sender: { ...base.sender, name: 'Mai\ud83d' } });
    assert.deepEqual(bad.error?.issues[0]?.path, ['sender', 'name']);
  });

  it('any string is either refused or accepted as its own NFC form, which the rule accepts unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        for (const schema of [line(), text()]) {
          const result = schema.safeParse(input);
          if (!result.success) continue;
          assert.equal(/[\uD800-\uDFFF]/u.test(result.data), false);
          assert.equal(result.data, result.data.normalize('NFC'));
          assert.equal(schema.parse(result.data), result.data, 'idempotent');
          // What is stored survives a JSON round trip exactly (what the audit re-hashes).
          assert.equal(JSON.parse(JSON.stringify(result.data)), result.data);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('unit settings', () => {
  it('complaintsUrl takes only http(s) addresses', () => {
    const unit = { id: 'phuong-a', name: 'Phường A', parent: null, questionnaire: 'bnv-2023', allowedOrigins: [] };
    assert.equal(Unit.safeParse({ ...unit, complaintsUrl: 'https://dichvucong.gov.vn/p/phan-anh' }).success, true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.vn/a']) {
      assert.equal(Unit.safeParse({ ...unit, complaintsUrl: url }).success, false, url);
    }
  });
});

describe('periods', () => {
  it('refuses impossible dates, years out of range and the year 0000', () => {
    for (const bad of ['0000', '2026-01-01..2026-02-31', '2026-02-30..2026-03-01', '1970-01-01..9999-12-31', '2026-13-01..2026-13-02', '1899', '2026-03-01..2026-02-01']) {
      assert.equal(PeriodId.safeParse(bad).success, false, bad);
      assert.equal(parsePeriod(bad), undefined, bad);
    }
    for (const good of ['2026', '2026-Q1', '2024-02-01..2024-02-29', '2026-H1']) assert.equal(PeriodId.safeParse(good).success, true, good);
  });
});
