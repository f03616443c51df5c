import { notApplicable, type Rule } from '../kit.js';

/**
 * Signed dossier tokens: when a backend advertises them in its OpenAPI document, a dossier claim
 * must carry a valid token. Until a backend advertises the scheme, the rule does not apply.
 */
export const dossierTokenRules: Rule[] = [
  {
    id: 'survey.dossier-token',
    title: 'Signed dossier tokens are required and checked when the backend advertises them',
    async run(ctx) {
      const doc = ctx.state.openapi as { paths?: unknown; components?: { schemas?: Record<string, unknown> } } | undefined;
      const advertised = JSON.stringify(doc?.paths ?? {}).includes('dossierToken') || Boolean(doc?.components?.schemas?.DossierToken);
      if (!advertised) notApplicable('the backend does not advertise signed dossier tokens');
      notApplicable('this kit version does not check dossier tokens yet');
    },
  },
];
