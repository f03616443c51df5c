import { SurveyReceipt, UnitFields, type Questionnaire, type SurveyResponse } from '@sipas/schema';
import { json } from '../http.js';
import { expect, needs, notApplicable, type Context, type Rule } from '../kit.js';
import { answersFor, parsed, problem, status } from '../checks.js';

/** Survey posts carry the kiosk key when one was given (the per-key limit is higher than per address). */
export const kiosk = (ctx: Context): Record<string, string> => (ctx.options.kioskKey ? { 'x-sipas-kiosk-key': ctx.options.kioskKey } : {});

/** A valid response: the questionnaire's answers, and the first field of the unit's closed list if it has one. */
export function response(ctx: Context, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  const questionnaire = needs<Questionnaire>(ctx.state.questionnaire, 'the unit’s questionnaire (unit.public)');
  const field = (ctx.state.fields as string[] | undefined)?.[0];
  return {
    id: crypto.randomUUID(),
    unit: ctx.options.unit,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    answers: answersFor(questionnaire),
    context: { channel: 'web', ...(field ? { field } : {}) },
    ...overrides,
  };
}

export const surveyRules: Rule[] = [
  {
    id: 'survey.fields',
    title: 'The unit’s departments/fields are a public closed list: a response naming another is 400 unknown_field',
    async run(ctx) {
      const list = await ctx.http.get(`/v1/units/${encodeURIComponent(ctx.options.unit)}/fields`);
      status(ctx, list, 200, 'the unit’s field list');
      ctx.state.fields = parsed(ctx, UnitFields, list, 'UnitFields').fields;
      const body = response(ctx, { context: { channel: 'web', field: `Không có trong danh sách ${ctx.tag}` } });
      const refused = problem(ctx, await ctx.http.post('/v1/surveys', body, kiosk(ctx)), 400, 'unknown_field');
      expect(ctx, refused.errors?.some((error) => error.path === 'context.field'), 'the 400 must name `context.field`');
    },
  },
  {
    id: 'survey.create',
    title: 'A valid response is 201 with a receipt for its id',
    async run(ctx) {
      const body = response(ctx);
      const answer = await ctx.http.post('/v1/surveys', body, kiosk(ctx));
      status(ctx, answer, 201, 'a new response');
      const receipt = parsed(ctx, SurveyReceipt, answer, 'SurveyReceipt');
      expect(ctx, receipt.id === body.id, `the receipt is for id ${receipt.id}, not ${body.id}`);
      ctx.state.survey = { body, receipt };
    },
  },
  {
    id: 'survey.repeat',
    title: 'The same id and body again is 200 with the very same receipt',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.survey, 'a created response (survey.create)');
      const answer = await ctx.http.post('/v1/surveys', body, kiosk(ctx));
      status(ctx, answer, 200, 'a resend of the same response');
      const again = parsed(ctx, SurveyReceipt, answer, 'SurveyReceipt');
      expect(ctx, JSON.stringify(again) === JSON.stringify(receipt), 'a resend must give the same receipt, member for member');
    },
  },
  {
    id: 'survey.conflict',
    title: 'The same id with another body is 409 id_conflict',
    async run(ctx) {
      const { body } = needs(ctx.state.survey, 'a created response (survey.create)');
      const questionnaire = ctx.state.questionnaire as Questionnaire;
      const other = { ...body, answers: answersFor(questionnaire, 4) };
      problem(ctx, await ctx.http.post('/v1/surveys', other, kiosk(ctx)), 409, 'id_conflict');
    },
  },
  {
    id: 'survey.answers',
    title: 'Answers are checked against the questionnaire: a wrong one is 400 naming answers.<item>',
    async run(ctx) {
      const questionnaire = needs<Questionnaire>(ctx.state.questionnaire, 'the unit’s questionnaire');
      const rated = questionnaire.items.find((item) => item.kind === 'rating5');
      if (!rated) notApplicable('the questionnaire has no rating item');
      const body = response(ctx, { context: { channel: 'web' } });
      body.answers[rated.id] = 9;
      const refused = problem(ctx, await ctx.http.post('/v1/surveys', body, kiosk(ctx)), 400);
      expect(ctx, refused.errors?.some((error) => error.path === `answers.${rated.id}`), `the 400 must name \`answers.${rated.id}\``);
    },
  },
  {
    id: 'survey.kiosk-key',
    title: 'A kiosk key lifts the per-address limit; a wrong key is 403 kiosk_key_invalid',
    async run(ctx) {
      if (!ctx.options.kioskKey) notApplicable('no --kiosk-key given');
      needs(ctx.state.survey, 'a response accepted with the key (survey.create)');
      const refused = await ctx.http.post('/v1/surveys', response(ctx, { context: { channel: 'kiosk' } }), {
        'x-sipas-kiosk-key': `kiosk_wrong_${ctx.tag}`,
      });
      problem(ctx, refused, 403, 'kiosk_key_invalid');
      // Nothing about the wrong key was stored: the same id with the right key is new.
      const body = response(ctx, { context: { channel: 'kiosk' } });
      const accepted = await ctx.http.post('/v1/surveys', body, kiosk(ctx));
      status(ctx, accepted, 201, 'a kiosk response with the unit’s key');
      expect(ctx, json(accepted)?.id === body.id, 'the receipt is for another id');
    },
  },
];
