import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prefersEnglish } from '../src/http/problem.js';
import { PROBLEM_TITLES_EN } from '../src/http/messages-en.js';
import { surveyBody, testApp } from './helpers.js';

describe('problem details follow Accept-Language', () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    server = await testApp();
  });
  after(async () => server.dispose());

  it('Vietnamese by default, English when the client prefers it', async () => {
    const vi = await server.app.inject('/v1/units/khong-co');
    assert.equal(vi.json().title, 'Không tìm thấy đơn vị "khong-co".');
    assert.equal(vi.headers['content-language'], 'vi');
    const en = await server.app.inject({ url: '/v1/units/khong-co', headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' } });
    assert.equal(en.statusCode, 404);
    assert.equal(en.json().code, 'unit_not_found');
    assert.equal(en.json().title, 'No such unit.');
    assert.equal(en.headers['content-language'], 'en');
    assert.match(String(en.headers.vary), /accept-language/i);
  });

  it('a page in English gets English field messages, with their numbers, for the same named fields', async () => {
    const body = { ...surveyBody(), id: 'not-a-uuid', answers: {} };
    const vi = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body });
    const en = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body, headers: { 'accept-language': 'en' } });
    assert.equal(en.statusCode, 400);
    assert.deepEqual(
      en.json().errors.map((e: { path: string }) => e.path),
      vi.json().errors.map((e: { path: string }) => e.path),
    );
    assert.equal(en.json().title, 'The data sent is not valid.');
    assert.match(en.json().errors[0].message, /format/i);
    assert.doesNotMatch(JSON.stringify(en.json()), /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    const short = await server.app.inject({
      method: 'POST',
      url: '/v1/staff/sessions',
      payload: { unit: 'phuong-a', username: '', password: 'x' },
      headers: { 'accept-language': 'en-US' },
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().errors[0].message, /at least 1/);
  });

  it('the preference is read as RFC 9110 weights; Vietnamese wins ties and wildcards', () => {
    assert.equal(prefersEnglish(undefined), false);
    assert.equal(prefersEnglish('*'), false);
    assert.equal(prefersEnglish('vi-VN,vi;q=0.9,en;q=0.8'), false);
    assert.equal(prefersEnglish('en;q=0.5,vi;q=0.5'), false);
    assert.equal(prefersEnglish('fr,en;q=0.7'), true);
    assert.equal(prefersEnglish('en;q=0'), false);
  });

  it('every code the server throws has its English title', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const root = new URL('../src/', import.meta.url).pathname;
    const codes = new Set<string>();
    for (const entry of await readdir(root, { recursive: true })) {
      if (!entry.endsWith('.js')) continue;
      const text = await readFile(join(root, entry), 'utf8');
      for (const match of text.matchAll(/(?:ProblemError\(\d+,[^;]*?code: '|notFound\([^;]*?, ')([a-z_]+)'/gs)) codes.add(match[1]!);
    }
    assert.ok(codes.size > 10);
    assert.deepEqual([...codes].filter((code) => !PROBLEM_TITLES_EN[code]), []);
  });
});
