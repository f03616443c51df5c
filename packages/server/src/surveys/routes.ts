import { ANSWER_ISSUE_MESSAGES, validateAnswers } from '@sipas/schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { invalid, ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import type { StoredUnit } from '../units/store.js';
import { isKioskKeyOf } from './kiosk.js';
import { receiptCode, SurveyStore } from './store.js';

/** A registered kiosk sends every minute or two all day; this bounds a stolen key, not a counter. */
const KIOSK_LIMIT_PER_MINUTE = 120;

/**
 * Per-IP limit, lifted for a kiosk key the unit issued. A whole ward office behind one address
 * uses kiosk keys on its devices; a key of another unit is refused outright.
 */
async function applyRateLimit(ctx: ServerContext, request: FastifyRequest, unit: StoredUnit): Promise<void> {
  const key = request.headers['x-sipas-kiosk-key'];
  if (typeof key === 'string' && key !== '') {
    if (!(await isKioskKeyOf(ctx.db, unit.id, key))) {
      // Wrong keys are limited per address too, so keys cannot be guessed faster than the limit.
      await ctx.rateLimiter.hit(`kiosk-guess:${request.ip}`, ctx.config.rateLimitPerMinute);
      throw new ProblemError(403, 'Khóa kiosk không hợp lệ cho đơn vị này.', { code: 'kiosk_key_invalid' });
    }
    await ctx.rateLimiter.hit(`kiosk:${key}`, KIOSK_LIMIT_PER_MINUTE);
    return;
  }
  await ctx.rateLimiter.hit(`ip:${request.ip}`, ctx.config.rateLimitPerMinute);
}

export async function registerSurveyRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new SurveyStore(ctx.db);

  handle(app, ctx, 'POST', '/v1/surveys', async ({ body, unit, request, reply }) => {
    await applyRateLimit(ctx, request, unit);
    if (body.website) {
      // A bot filled the field people never see: answer as if accepted, keep nothing.
      request.log.info('survey honeypot filled; response dropped');
      return reply.status(201).send({ id: body.id, receipt: receiptCode(randomUUID()), receivedAt: new Date().toISOString() });
    }
    const questionnaire = await ctx.units.questionnaire(body.questionnaire.id, body.questionnaire.version);
    if (!questionnaire) {
      throw invalid([
        {
          path: 'questionnaire',
          code: 'unknown_questionnaire',
          message: `Không có phiếu khảo sát "${body.questionnaire.id}" phiên bản ${body.questionnaire.version}.`,
        },
      ]);
    }
    const issues = validateAnswers(questionnaire, body.answers, { demographics: body.context.channel !== 'kiosk' });
    if (issues.length > 0) {
      throw invalid(
        issues.map((issue) => ({ path: `answers.${issue.item}`, code: issue.code, message: ANSWER_ISSUE_MESSAGES[issue.code] })),
      );
    }
    const outcome = await store.insert(body, questionnaire);
    switch (outcome.kind) {
      case 'created':
        return reply.status(201).send(outcome.receipt);
      case 'repeat':
        return reply.status(200).send(outcome.receipt);
      case 'conflict':
        throw new ProblemError(409, 'Mã phiếu này đã được dùng cho một phiếu khác.', {
          code: 'id_conflict',
          detail: 'Cùng mã phiếu (id) nhưng nội dung khác với phiếu đã nhận. Hãy tạo mã phiếu mới.',
        });
      case 'dossier-taken':
        throw new ProblemError(409, 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.', {
          code: 'dossier_already_rated',
          detail: `Mã hồ sơ ${body.context.dossier} đã có phiếu đánh giá tại đơn vị này. Cảm ơn ông/bà đã quan tâm.`,
        });
    }
  });
}
