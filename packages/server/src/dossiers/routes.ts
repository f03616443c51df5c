import { vietnamDate, type DossierClaim, type DossierToken } from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import { surveySettings, unitFields, unitSurveyUrl, updateSurveySettings } from '../surveys/settings.js';
import { signDossierToken, verifyDossierToken } from './tokens.js';

/**
 * The problem a second claim of a dossier gets, at the check and at the send alike. It never names
 * the dossier: the answer is public, and the holder has the code on the receipt already.
 */
export function dossierTakenProblem(): ProblemError {
  return new ProblemError(409, 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.', {
    code: 'dossier_already_rated',
    detail: 'Hồ sơ trên phiếu hẹn này đã có phiếu đánh giá tại đơn vị. Cảm ơn ông/bà đã quan tâm.',
  });
}

export async function dossierTaken(ctx: ServerContext, unit: string, dossier: string): Promise<boolean> {
  return (await ctx.db.get('SELECT 1 AS found FROM survey_responses WHERE unit = ? AND dossier = ?', [unit, dossier])) !== undefined;
}

/** Verified dossiers (tokens), a unit's list of fields and its survey settings. */
export async function registerDossierRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  handle(app, ctx, 'GET', '/v1/units/:unit/dossier-claims', async ({ unit, query, request, reply }): Promise<DossierClaim> => {
    // Each check is a guess at a token: limited per address like a write.
    await ctx.rateLimiter.hit(`ip:${request.ip}`, ctx.config.rateLimitPerMinute * 2);
    const claim = verifyDossierToken(ctx.dossierKeys, unit, query.token);
    if (await dossierTaken(ctx, unit.id, claim.dossier)) throw dossierTakenProblem();
    reply.header('cache-control', 'no-store');
    return {
      unit: unit.id,
      state: 'unused',
      ...(claim.procedure ? { procedure: claim.procedure } : {}),
      issued: claim.issued,
      expires: claim.expires,
    };
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/dossier-tokens', async ({ unit, body, staff, reply, request }) => {
    const signed = signDossierToken(ctx.dossierKeys, unit, {
      dossier: body.dossier,
      procedure: body.procedure ?? '',
      issued: body.issued ?? vietnamDate(new Date()),
    });
    request.log.info({ unit: unit.id, dossier: body.dossier, by: staff.id }, 'dossier token signed');
    const surveyUrl = body.surveyUrl ?? unitSurveyUrl(unit);
    const result: DossierToken = {
      token: signed.token,
      dossier: signed.dossier,
      ...(signed.procedure ? { procedure: signed.procedure } : {}),
      issued: signed.issued,
      expires: signed.expires,
      keyId: signed.keyId,
      ...(surveyUrl ? { url: tokenUrl(surveyUrl, signed.token) } : {}),
    };
    return reply.status(201).header('cache-control', 'no-store').send(result);
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/fields', async ({ unit, reply }) => {
    reply.header('cache-control', 'public, max-age=60');
    return { unit: unit.id, ...(await unitFields(ctx.db, unit)) };
  });

  // Every member of the staff may read the settings; changing them needs `surveys.settings` (admin).
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/survey-settings', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return surveySettings(ctx.db, ctx.dossierKeys, unit);
  });

  handle(app, ctx, 'PATCH', '/v1/staff/units/:unit/survey-settings', async ({ unit, staff, body, reply, request }) => {
    const updated = await updateSurveySettings(ctx.db, ctx.units, unit, body, { id: staff.id, name: staff.name });
    request.log.info({ unit: unit.id, by: staff.id, changed: Object.keys(body) }, 'survey settings changed');
    reply.header('cache-control', 'no-store');
    return surveySettings(ctx.db, ctx.dossierKeys, updated);
  });
}

/** The survey page's address with `token=` added (kept short: nothing else is added). */
export function tokenUrl(surveyUrl: string, token: string): string {
  const url = new URL(surveyUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
