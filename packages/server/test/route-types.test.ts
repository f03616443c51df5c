import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../src/context.js';
import { handle } from '../src/http/route.js';

/**
 * Compile-time checks, never run: handlers get params, query, body, unit and staff from the route's
 * schemas in the contract. If handle() stops inferring them, `npm run build` fails on the
 * @ts-expect-error lines below (an expected error that no longer happens is an error too).
 */
export function routeTypeChecks(app: FastifyInstance, ctx: ServerContext): void {
  handle(app, ctx, 'POST', '/v1/surveys', async ({ body, unit, staff, params }) => {
    const channel: 'web' | 'kiosk' | 'qr' = body.context.channel;
    const id: string = unit.id; // the body names the unit: resolved, never undefined
    // @ts-expect-error a public route has no staff member
    void staff.id;
    // @ts-expect-error this route has no path parameters
    void params.unit.length;
    return `${channel}${id}`;
  });
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/feedback/:code', async ({ params, staff, body }) => {
    const code: string = params.code; // no `!`: the contract says it is there
    const who: string = staff.name; // a staff route: signed in
    // @ts-expect-error a GET has no body
    void body.anything;
    return `${code}${who}`;
  });
  handle(app, ctx, 'GET', '/v1/units/:unit/results', async ({ query }) => {
    // @ts-expect-error `period` is optional in the contract
    const period: string = query.period;
    return period;
  });
  // @ts-expect-error a route that is not in the contract cannot get a handler
  handle(app, ctx, 'GET', '/v1/not-in-the-contract', async () => undefined);
}

it('handle() infers each handler’s input from the contract (checked when the tests compile)', () => {
  assert.equal(typeof routeTypeChecks, 'function');
});
