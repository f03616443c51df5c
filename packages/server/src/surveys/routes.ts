import { ANSWER_ISSUE_MESSAGES, validateAnswers, type ResponseSource, type SurveyResponse } from '@sipas/schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { invalid, ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import type { StoredUnit } from '../units/store.js';
import { dossierTakenProblem } from '../dossiers/routes.js';
import { verifyDossierToken } from '../dossiers/tokens.js';
import { isKioskKeyOf } from './kiosk.js';
import { canonicalField } from './settings.js';
import { receiptCode, SurveyStore } from './store.js';

/** A registered kiosk sends every minute or two all day; this bounds a stolen key, not a counter. */
const KIOSK_LIMIT_PER_MINUTE = 120;

/**
 * Per-IP limit, lifted for a kiosk key the unit issued. A whole ward office behind one address
 * uses kiosk keys on its devices; a key of another unit is refused outright. True for a kiosk.
 */
async function applyRateLimit(ctx: ServerContext, request: FastifyRequest, unit: StoredUnit): Promise<boolean> {
  const key = request.headers['x-sipas-kiosk-key'];
  if (typeof key === 'string' && key !== '') {
    if (!(await isKioskKeyOf(ctx.db, unit.id, key))) {
      // Wrong keys are limited per address too, so keys cannot be guessed faster than the limit.
      await ctx.rateLimiter.hit(`kiosk-guess:${request.ip}`, ctx.config.rateLimitPerMinute);
      throw new ProblemError(403, 'Khóa kiosk không hợp lệ cho đơn vị này.', { code: 'kiosk_key_invalid' });
    }
    await ctx.rateLimiter.hit(`kiosk:${key}`, KIOSK_LIMIT_PER_MINUTE);
    return true;
  }
  await ctx.rateLimiter.hit(`ip:${request.ip}`, ctx.config.rateLimitPerMinute);
  return false;
}

/**
 * The response as it will be stored, and its channel — decided here, never taken from the client:
 * a dossier is claimed only with the unit's signed token (its code and procedure are taken from
 * the token, the token itself is not kept), a field only from the unit's closed list.
 */
async function admit(ctx: ServerContext, unit: StoredUnit, body: SurveyResponse, kiosk: boolean): Promise<{ response: SurveyResponse; source: ResponseSource }> {
  const { token, ...context } = body.context;
  let source: ResponseSource = kiosk ? 'kiosk' : 'web';
  if (token !== undefined) {
    const claim = verifyDossierToken(ctx.dossierKeys, unit, token, 'context.token');
    if (context.dossier !== undefined && context.dossier !== claim.dossier) {
      throw invalid([{ path: 'context.dossier', code: 'dossier_token_mismatch', message: `Mã hồ sơ khác với mã trong mã QR (${claim.dossier}).` }]);
    }
    context.dossier = claim.dossier;
    if (claim.procedure) context.procedure = claim.procedure;
    source = 'dossier';
  } else if (context.dossier !== undefined) {
    throw new ProblemError(400, 'Mã hồ sơ phải đi kèm mã QR có chữ ký của đơn vị.', {
      code: 'dossier_token_required',
      detail:
        'Chỉ phiếu mở từ mã QR trên phiếu hẹn (có chữ ký của đơn vị) mới được gắn với một hồ sơ. ' +
        'Xin quét mã QR trên phiếu hẹn, hoặc gửi phiếu không kèm mã hồ sơ.',
      errors: [{ path: 'context.dossier', code: 'dossier_token_required', message: 'Mã hồ sơ không kèm mã QR có chữ ký của đơn vị.' }],
    });
  }
  if (context.field !== undefined) context.field = await canonicalField(ctx.db, unit, context.field);
  return { response: { ...body, context }, source };
}

export async function registerSurveyRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new SurveyStore(ctx.db);

  handle(app, ctx, 'POST', '/v1/surveys', async ({ body, unit, request, reply }) => {
    const kiosk = await applyRateLimit(ctx, request, unit);
    if (body.website) {
      // A bot filled the field people never see: answer as if accepted, keep nothing.
      request.log.info('survey honeypot filled; response dropped');
      return reply.status(201).send({ id: body.id, receipt: receiptCode(randomUUID()), receivedAt: new Date().toISOString() });
    }
    const { response, source } = await admit(ctx, unit!, body, kiosk);
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
    const outcome = await store.insert(response, questionnaire, { source });
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
        throw dossierTakenProblem();
    }
  });
}
