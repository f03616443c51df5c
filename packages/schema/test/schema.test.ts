import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  API_ROUTES,
  BNV_2023,
  foldForSearch,
  HANOI_2025_WARD,
  parsePeriod,
  PRESETS,
  Questionnaire,
  SurveyResponse,
  validateAnswers,
} from '../src/index.js';
import { buildOpenApi, openApiPath } from '../src/openapi.js';

describe('presets', () => {
  it('are valid questionnaires with the published number of service items', () => {
    for (const preset of Object.values(PRESETS)) assert.equal(Questionnaire.safeParse(preset).success, true, preset.id);
    assert.equal(BNV_2023.items.length, 19);
    assert.deepEqual([BNV_2023.items[0]!.number, BNV_2023.items.at(-1)!.number], [15, 33]);
    assert.equal(HANOI_2025_WARD.items.length * 5, 80);
  });
});

describe('validateAnswers', () => {
  const complete = Object.fromEntries(BNV_2023.items.map((item) => [item.id, 4]));

  it('accepts a complete form and "không áp dụng" where allowed', () => {
    assert.deepEqual(validateAnswers(BNV_2023, { ...complete, q31: null }), []);
  });

  it('names every problem by item', () => {
    const { q15: _omit, ...missing } = complete;
    const issues = validateAnswers(BNV_2023, { ...missing, q16: 6, q17: null, zz: 1, sex: 'x' });
    assert.deepEqual(issues, [
      { item: 'zz', code: 'unknown_item' },
      { item: 'q15', code: 'required' },
      { item: 'q16', code: 'out_of_range' },
      { item: 'q17', code: 'not_applicable_not_allowed' },
      { item: 'sex', code: 'unknown_option' },
    ]);
  });

  it('checks only the items of one step when asked', () => {
    assert.deepEqual(validateAnswers(BNV_2023, {}, { only: ['q15'] }), [{ item: 'q15', code: 'required' }]);
  });
});

describe('SurveyResponse', () => {
  it('rejects a malformed payload with paths', () => {
    const result = SurveyResponse.safeParse({ id: 'x', unit: 'Bad Unit', answers: {}, context: { channel: 'fax' } });
    assert.equal(result.success, false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    for (const path of ['id', 'unit', 'questionnaire', 'context.channel']) assert.ok(paths.includes(path), path);
  });
});

describe('foldForSearch', () => {
  it('drops diacritics, folds đ and case, collapses separators', () => {
    assert.equal(foldForSearch('Đăng ký khai sinh'), 'dang ky khai sinh');
    assert.equal(foldForSearch('  ĐẤT ĐAI – Chứng thực, bản sao! '), 'dat dai chung thuc ban sao');
  });
});

describe('parsePeriod', () => {
  it('knows quarters, the cumulative periods, the year and ranges', () => {
    assert.deepEqual(
      ['2026-Q1', '2026-H1', '2026-9M', '2026', '2024-Q1'].map((id) => [parsePeriod(id)?.from, parsePeriod(id)?.to]),
      [
        ['2026-01-01', '2026-03-31'],
        ['2026-01-01', '2026-06-30'],
        ['2026-01-01', '2026-09-30'],
        ['2026-01-01', '2026-12-31'],
        ['2024-01-01', '2024-03-31'],
      ],
    );
    assert.equal(parsePeriod('2026-Q3')!.label.vi, 'Quý III năm 2026');
    assert.equal(parsePeriod('2026-01-10..2026-01-01'), undefined);
    assert.equal(parsePeriod('2026-Q5'), undefined);
  });
});

describe('OpenAPI', () => {
  it('describes every route of the contract, with its parameters', () => {
    const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[] }>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of API_ROUTES) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.path}`);
      for (const name of route.path.match(/:(\w+)/g) ?? []) {
        assert.ok(operation.parameters.some((p) => p.name === name.slice(1)), `${route.path} ${name}`);
      }
    }
  });
});
