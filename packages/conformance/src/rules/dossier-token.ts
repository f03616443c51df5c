import { DossierClaim, DossierToken } from '@sipas/schema';
import { expect, needs, type Context, type Rule } from '../kit.js';
import { parsed, problem, status } from '../checks.js';
import { staffToken } from '../staff.js';
import { kiosk, response } from './surveys.js';

const unitPath = (ctx: Context) => `/v1/units/${encodeURIComponent(ctx.options.unit)}`;

/** A token the unit signed, through the staff route a one-stop system uses (needs --staff). */
async function signedToken(ctx: Context, dossier: string): Promise<DossierToken> {
  const session = await staffToken(ctx);
  const answer = await ctx.http.post(
    `/v1/staff/units/${encodeURIComponent(ctx.options.unit)}/dossier-tokens`,
    { dossier },
    { authorization: `Bearer ${session}` },
  );
  status(ctx, answer, 201, 'signing a dossier token');
  return parsed(ctx, DossierToken, answer, 'DossierToken');
}

/**
 * Verified dossiers: only a token the unit signed claims a dossier, once. A bare dossier code or a
 * forged token is refused, so nobody can invent dossiers or rate someone else's first.
 */
export const dossierTokenRules: Rule[] = [
  {
    id: 'survey.dossier',
    title: 'A signed dossier token claims its dossier once: checked unused, 201, then 409 dossier_already_rated',
    async run(ctx) {
      needs(ctx.state.survey, 'a created response (survey.create)');
      const signed = await signedToken(ctx, `CONF-${ctx.tag}`);
      ctx.state.dossierToken = signed.token;
      const claim = `${unitPath(ctx)}/dossier-claims?token=${encodeURIComponent(signed.token)}`;
      const before = await ctx.http.get(claim);
      status(ctx, before, 200, 'the claim check of a fresh token');
      parsed(ctx, DossierClaim, before, 'DossierClaim');
      const first = await ctx.http.post('/v1/surveys', response(ctx, { context: { ...response(ctx).context, token: signed.token } }), kiosk(ctx));
      status(ctx, first, 201, 'the first response with the token');
      problem(ctx, await ctx.http.post('/v1/surveys', response(ctx, { context: { channel: 'web', token: signed.token } }), kiosk(ctx)), 409, 'dossier_already_rated');
      problem(ctx, await ctx.http.get(claim), 409, 'dossier_already_rated');
    },
  },
  {
    id: 'survey.dossier-token',
    title: 'A dossier code needs the unit’s signed token: a bare code is 400 dossier_token_required, a forged token 400',
    async run(ctx) {
      const bare = response(ctx, { context: { channel: 'web', dossier: `CONF-BARE-${ctx.tag}` } });
      const refused = problem(ctx, await ctx.http.post('/v1/surveys', bare, kiosk(ctx)), 400, 'dossier_token_required');
      expect(ctx, refused.errors?.some((error) => error.path === 'context.dossier'), 'the 400 must name `context.dossier`');
      // One character of the signature changed (or, without a signed token, one that never was).
      const token = ctx.state.dossierToken as string | undefined;
      const at = token ? token.length - 12 : 0;
      const forged = token ? `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}` : `AQ${'A'.repeat(80)}`;
      const answer = problem(ctx, await ctx.http.post('/v1/surveys', response(ctx, { context: { channel: 'web', token: forged } }), kiosk(ctx)), 400);
      expect(ctx, answer.errors?.some((error) => error.path === 'context.token'), 'the 400 must name `context.token`');
    },
  },
];
