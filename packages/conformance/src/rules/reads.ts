import { parsePeriod, Procedure, ProcedureList, Results } from '@sipas/schema';
import type { Exchange } from '../http.js';
import { expect, needs, notApplicable, type Context, type Rule } from '../kit.js';
import { enc, parsed, problem, status, vietnamToday } from '../checks.js';

/** 200 with an ETag; the ETag back is 304 without a body; another ETag is 200 again. */
async function revalidates(ctx: Context, path: string, first: Exchange): Promise<void> {
  const etag = first.headers.get('etag');
  expect(ctx, etag, `a 200 of ${path} must carry an ETag`, first);
  const again = await ctx.http.get(path, { 'if-none-match': etag });
  status(ctx, again, 304, 'If-None-Match with the current ETag');
  expect(ctx, again.text === '', 'a 304 has no body');
  expect(ctx, !again.headers.get('etag') || again.headers.get('etag') === etag, 'a 304 must repeat the same ETag');
  const other = await ctx.http.get(path, { 'if-none-match': '"sipas-conformance-stale"' });
  status(ctx, other, 200, 'If-None-Match with an ETag that does not match');
}

/** Rates, index and points exist only when published; a suppressed answer carries counts only. */
function checkSuppression(ctx: Context, results: Results, exchange: Exchange): void {
  if (results.published) {
    expect(ctx, results.forms >= results.minimumForms, `published with ${results.forms} forms, below the minimum ${results.minimumForms}`, exchange);
  } else {
    expect(ctx, results.forms < results.minimumForms, `${results.forms} forms reach the minimum ${results.minimumForms} but nothing is published`, exchange);
    for (const hidden of ['index', 'pointsRate', 'points', 'maxPoints', 'score', 'factors', 'criteria'] as const) {
      expect(ctx, results[hidden] === undefined, `below the minimum, \`${hidden}\` must not be given (small-n suppression)`, exchange);
    }
  }
  for (const row of results.fields ?? []) {
    if (row.forms < results.minimumForms) {
      expect(ctx, !row.published && row.points === undefined && row.pointsRate === undefined, `field "${row.field}" has ${row.forms} forms but shows figures`, exchange);
    }
  }
}

export const readRules: Rule[] = [
  {
    id: 'procedures.etag',
    title: 'Procedures (list and detail) revalidate with ETag / If-None-Match → 304',
    async run(ctx) {
      const path = `/v1/units/${enc(ctx.options.unit)}/procedures`;
      const list = await ctx.http.get(path);
      status(ctx, list, 200, 'the procedure list');
      const procedures = parsed(ctx, ProcedureList, list, 'ProcedureList');
      await revalidates(ctx, path, list);
      problem(ctx, await ctx.http.get(`${path}/KHONG-CO-${ctx.tag}`), 404);
      const first = procedures.procedures[0];
      if (!first) return; // a unit without procedures: the list's rule is all there is
      const detailPath = `${path}/${enc(first.code)}`;
      const detail = await ctx.http.get(detailPath);
      status(ctx, detail, 200, 'a listed procedure');
      const procedure = parsed(ctx, Procedure, detail, 'Procedure');
      expect(ctx, procedure.code === first.code, `asked for ${first.code}, got ${procedure.code}`);
      await revalidates(ctx, detailPath, detail);
    },
  },
  {
    id: 'results.periods',
    title: 'Results answer every period form (quarter, H1, 9M, year, range) with its exact days',
    async run(ctx) {
      const today = vietnamToday();
      const year = Number(today.slice(0, 4));
      const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
      const forms = [`${year}-Q${quarter}`, `${year}-H1`, `${year}-9M`, `${year}`, `${year}-01-01..${today}`, `${year - 1}-Q4`];
      for (const id of forms) {
        const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/results?period=${enc(id)}`);
        status(ctx, answer, 200, `period ${id}`);
        const results = parsed(ctx, Results, answer, 'Results');
        const expected = parsePeriod(id)!;
        expect(ctx, results.period.id === id, `asked for period ${id}, got ${results.period.id}`);
        expect(
          ctx,
          results.period.from === expected.from && results.period.to === expected.to,
          `period ${id} is ${expected.from}..${expected.to} (Vietnam calendar), got ${results.period.from}..${results.period.to}`,
        );
        expect(ctx, results.units.includes(ctx.options.unit), 'the counted units must include the unit itself');
        checkSuppression(ctx, results, answer);
      }
      const current = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/results`);
      status(ctx, current, 200, 'results without a period (the current quarter)');
      expect(ctx, parsed(ctx, Results, current, 'Results').period.id === forms[0], `without a period the answer must be the current quarter ${forms[0]}`);
    },
  },
  {
    id: 'results.suppression',
    title: 'Below the minimum number of responses nothing but the count is published',
    async run(ctx) {
      needs(ctx.state.survey, 'a response of today (survey.create)');
      const today = vietnamToday();
      const path = `/v1/units/${enc(ctx.options.unit)}/results?period=${today}..${today}`;
      const answer = await ctx.http.get(path);
      status(ctx, answer, 200, 'today’s results');
      const results = parsed(ctx, Results, answer, 'Results');
      expect(ctx, results.forms >= 1, 'today’s results do not count the response the kit just sent');
      checkSuppression(ctx, results, answer);
      if (!results.published) return; // suppressed as a whole: checked above
      // Published as a whole: the kit's own field has one response and must be suppressed.
      if (!results.fields) notApplicable('the unit has enough responses today and the backend gives no per-field rows');
      const mine = results.fields.find((row) => row.field === `Kiểm thử tuân thủ ${ctx.tag}`);
      expect(ctx, mine, 'the per-field rows do not list the field of the kit’s response');
      expect(ctx, !mine.published && mine.points === undefined, 'a field with one response must show its count only');
    },
  },
  {
    id: 'results.etag',
    title: 'Results revalidate with ETag / If-None-Match → 304',
    async run(ctx) {
      const path = `/v1/units/${enc(ctx.options.unit)}/results?period=${new Date().getFullYear() - 1}`;
      const answer = await ctx.http.get(path);
      status(ctx, answer, 200, 'last year’s results');
      await revalidates(ctx, path, answer);
    },
  },
];
