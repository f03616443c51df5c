import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { FeedbackSubmission, Uuid } from '../src/index.js';
import {
  addDays,
  codeFromBytes,
  FEEDBACK_LIMITS,
  normalizeTrackingCode,
  quarterStartDate,
  randomCode,
  summarize,
  TRACKING_CODE_PATTERN,
  UNAMBIGUOUS_ALPHABET,
  validateFeedback,
  vietnamDate,
  vietnamDayStart,
  vietnamMoment,
  type FeedbackFields,
} from '../src/rules/index.js';
import { newId } from '../src/rules/ids.js';

const source = (dir: URL) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.includes('generated'))
    .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));

/** Import statements that bring runtime values (not `import type`). */
const valueImports = (text: string) =>
  [...text.matchAll(/^import\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)'/gms)].map(([, what, from]) => ({ what: what!, from: from! }));

describe('@sipas/schema/rules: the zod-free folder', () => {
  const rules = new URL('../../src/rules/', import.meta.url);

  it('imports no zod and no value from outside the folder', () => {
    for (const { file, text } of source(rules)) {
      for (const { from } of valueImports(text)) {
        assert.ok(from.startsWith('./'), `${file} imports a value from ${from}`);
      }
      assert.doesNotMatch(text, /from 'zod/, file);
    }
  });

  it('is where the embeddable widgets take every runtime value of the schema from', () => {
    for (const { file, text } of source(new URL('../../../widgets/src/', import.meta.url))) {
      for (const { what, from } of valueImports(text)) {
        if (from !== '@sipas/schema') continue;
        // `import { type A, type B } from '@sipas/schema'` brings no value.
        const values = what.replace(/[{}\s]/g, '').split(',').filter((name) => name && !name.startsWith('type'));
        assert.deepEqual(values, [], `widgets/src/${file} imports ${values.join(', ')} from @sipas/schema, not @sipas/schema/rules`);
      }
    }
  });
});

const valid: Required<FeedbackFields> = {
  topic: 'procedure',
  procedureCode: '1.001193',
  title: 'Hẹn trả kết quả',
  content: 'Hồ sơ nộp ngày 2/12 chưa được trả kết quả đúng hẹn.',
  name: 'Nguyễn Văn A',
  address: '12 Hàng Bạc, Hoàn Kiếm',
  phone: '0912 345 678',
  email: 'a@example.vn',
  consent: true,
};

/** The submission the form sends for these fields (as the element builds it). */
const submission = (f: FeedbackFields) => ({
  id: '3f9c2b7e-1a4d-4c8e-9f00-1234567890ab',
  unit: 'phuong-a',
  topic: f.topic,
  ...(f.topic === 'procedure' ? { procedureCode: f.procedureCode ?? '' } : {}),
  title: f.title,
  content: f.content,
  sender: { name: f.name, address: f.address, phone: f.phone, email: f.email ?? '' },
  consent: { accepted: f.consent === true ? true : false, textVersion: 'pakn-2026-01', text: 'Tôi đồng ý để cơ quan xử lý thông tin.' },
});

describe('validateFeedback', () => {
  it('accepts a complete form, and the server schema accepts what it becomes', () => {
    assert.deepEqual(validateFeedback(valid), []);
    assert.equal(FeedbackSubmission.safeParse(submission(valid)).success, true);
  });

  it('names each field that breaks a rule', () => {
    assert.deepEqual(validateFeedback({}).map((i) => i.field), ['topic', 'title', 'content', 'name', 'address', 'phone', 'consent']);
    assert.deepEqual(validateFeedback({ ...valid, title: ' abc ' }), [{ field: 'title', code: 'too_short' }]);
    assert.deepEqual(validateFeedback({ ...valid, procedureCode: '' }), [{ field: 'procedureCode', code: 'required' }]);
    assert.deepEqual(validateFeedback({ ...valid, phone: 'gọi tôi' }), [{ field: 'phone', code: 'invalid' }]);
    assert.deepEqual(validateFeedback({ ...valid, email: 'a@b' }), [{ field: 'email', code: 'invalid' }]);
    assert.deepEqual(validateFeedback({ ...valid, content: 'x'.repeat(FEEDBACK_LIMITS.content + 1) }), [{ field: 'content', code: 'too_long' }]);
  });

  it('agrees with the server schema on the lengths of title, content, name and address', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ă', ' ', 'Đ'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (title, content, name, address) => {
        const fields = { ...valid, title, content: content.repeat(1), name, address };
        const formOk = validateFeedback(fields).length === 0;
        const serverOk = FeedbackSubmission.safeParse(submission(fields)).success;
        assert.equal(formOk, serverOk, JSON.stringify(fields));
      }),
      { numRuns: 300 },
    );
  });
});

describe('codes and Vietnam time', () => {
  it('makes codes of the one alphabet', () => {
    const code = randomCode(10, (n) => Math.floor(Math.random() * n));
    assert.match(code, new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{10}$`));
    assert.equal(codeFromBytes(new Uint8Array([0, 1, 28, 29]), 4), '23Z2');
    assert.equal(normalizeTrackingCode('k7qm4tzx'), 'K7QM-4TZX');
    assert.match(normalizeTrackingCode('k7qm 4tzx'), TRACKING_CODE_PATTERN);
  });

  it('makes response ids the contract accepts, UUID v7, in the order they were made', () => {
    const at = Date.UTC(2026, 11, 2, 3, 4, 5, 678);
    const id = newId(at);
    assert.ok(Uuid.safeParse(id).success, id);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), at, 'the first 48 bits are the time');
    const ids = Array.from({ length: 1000 }, (_, i) => newId(at + i));
    assert.deepEqual([...ids].sort(), ids, 'ids made later sort later');
    assert.equal(new Set(Array.from({ length: 1000 }, () => newId(at))).size, 1000, 'the same millisecond: 72 random bits apart');
  });

  it('counts days in Vietnam (UTC+7) whatever the machine clock says', () => {
    assert.equal(vietnamDate('2026-03-31T16:59:59.999Z'), '2026-03-31');
    assert.equal(vietnamDate('2026-03-31T17:00:00.000Z'), '2026-04-01');
    assert.equal(vietnamDayStart('2026-04-01'), '2026-03-31T17:00:00.000Z');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(quarterStartDate('2026-09-30T17:30:00Z'), '2026-10-01');
    assert.equal(vietnamMoment('2026-12-16').toISOString(), '2026-12-16T05:00:00.000Z');
  });

  it('summarizes a procedure once (a summary stays as it is)', () => {
    const summary = summarize({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      level: 'Cấp xã',
      field: 'Hộ tịch',
      channels: [{ kind: 'online', url: 'https://dichvucong.gov.vn' }],
      updatedAt: '2026-01-01',
    } as never);
    assert.deepEqual(summary, { code: '1.001193', name: 'Đăng ký khai sinh', level: 'Cấp xã', field: 'Hộ tịch', online: true, updatedAt: '2026-01-01' });
    assert.equal(summarize(summary), summary);
  });
});
