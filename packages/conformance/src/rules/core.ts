import { API_ROUTES, PublicUnit, Questionnaire } from '@sipas/schema';
import { json } from '../http.js';
import { expect, type Rule } from '../kit.js';
import { enc, parsed, problem, status } from '../checks.js';

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export const coreRules: Rule[] = [
  {
    id: 'contract.openapi',
    title: 'GET /openapi.json is OpenAPI 3.1 and has every route of the contract',
    async run(ctx) {
      const answer = await ctx.http.get('/openapi.json');
      status(ctx, answer, 200, 'the contract document');
      const doc = json(answer);
      expect(ctx, typeof doc?.openapi === 'string' && doc.openapi.startsWith('3.1'), 'not an OpenAPI 3.1 document');
      const missing = API_ROUTES.filter((route) => !doc.paths?.[openApiPath(route.path)]?.[route.method.toLowerCase()]).map(
        (route) => `${route.method} ${route.path}`,
      );
      expect(ctx, missing.length === 0, `routes missing from the document: ${missing.join(', ')}`);
      ctx.state.openapi = doc;
    },
  },
  {
    id: 'unit.public',
    title: 'GET /v1/units/{unit} gives the unit’s public data',
    async run(ctx) {
      const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}`);
      status(ctx, answer, 200, 'the unit under test must exist');
      const unit = parsed(ctx, PublicUnit, answer, 'PublicUnit');
      expect(ctx, unit.id === ctx.options.unit, `the answer is unit "${unit.id}", not "${ctx.options.unit}"`);
      ctx.state.unit = unit;
      const questionnaire = await ctx.http.get(`/v1/questionnaires/${enc(unit.questionnaire)}`);
      status(ctx, questionnaire, 200, 'the unit’s questionnaire');
      ctx.state.questionnaire = parsed(ctx, Questionnaire, questionnaire, 'Questionnaire');
    },
  },
  {
    id: 'problem.not-found',
    title: 'An unknown unit is a 404 application/problem+json with a code',
    async run(ctx) {
      problem(ctx, await ctx.http.get(`/v1/units/khong-co-${ctx.tag}`), 404);
      problem(ctx, await ctx.http.get(`/v1/questionnaires/khong-co-${ctx.tag}`), 404);
    },
  },
  {
    id: 'problem.fields',
    title: 'Invalid input is a 400 problem whose `errors` name each field',
    async run(ctx) {
      const badParam = await ctx.http.get('/v1/units/KH%C3%94NG%20H%E1%BB%A2P%20L%E1%BB%86');
      const param = problem(ctx, badParam, 400);
      expect(ctx, param.errors?.some((error) => error.path === 'unit'), 'the 400 does not name the parameter `unit` in `errors`');
      const badBody = await ctx.http.post('/v1/surveys', {
        id: 'not-a-uuid',
        unit: ctx.options.unit,
        questionnaire: { id: 'bnv-2023', version: 1 },
        answers: {},
        context: { channel: 'web' },
      });
      const body = problem(ctx, badBody, 400);
      expect(ctx, body.errors?.some((error) => error.path === 'id'), 'the 400 does not name the field `id` in `errors`');
      expect(
        ctx,
        body.errors!.every((error) => error.message && error.code),
        'every entry of `errors` needs a `code` and a `message`',
      );
      const badPeriod = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/results?period=2026-Q5`);
      const period = problem(ctx, badPeriod, 400);
      expect(ctx, period.errors?.some((error) => error.path === 'period'), 'an invalid period must name `period` in `errors`');
    },
  },
  {
    id: 'problem.language',
    title: 'Problems follow Accept-Language: Vietnamese by default, English when preferred',
    async run(ctx) {
      const path = `/v1/units/khong-co-${ctx.tag}`;
      const vi = await ctx.http.get(path);
      problem(ctx, vi, 404);
      expect(ctx, (vi.headers.get('content-language') ?? 'vi').startsWith('vi'), 'without Accept-Language the problem must be Vietnamese');
      const en = await ctx.http.get(path, { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.4' });
      const body = problem(ctx, en, 404);
      expect(ctx, en.headers.get('content-language')?.startsWith('en'), 'Accept-Language: en must give Content-Language: en');
      expect(ctx, !VIETNAMESE_LETTERS.test(body.title), `the English title is not English: "${body.title}"`);
      const field = await ctx.http.post(
        '/v1/surveys',
        { id: 'not-a-uuid', unit: ctx.options.unit, questionnaire: { id: 'bnv-2023', version: 1 }, answers: {}, context: { channel: 'web' } },
        { 'accept-language': 'en' },
      );
      const fields = problem(ctx, field, 400);
      expect(
        ctx,
        fields.errors?.every((error) => !VIETNAMESE_LETTERS.test(error.message)),
        'field messages must be English when English is preferred',
      );
    },
  },
];
