import { StaffSession } from '@sipas/schema';
import { notApplicable, type Context } from './kit.js';
import { parsed, status } from './checks.js';

/** A staff session for the given --staff account, signed in once per run; n/a without one. */
export async function staffToken(ctx: Context): Promise<string> {
  if (ctx.state.staffToken) return ctx.state.staffToken;
  const staff = ctx.options.staff;
  if (!staff) notApplicable('no --staff user:password given');
  const answer = await ctx.http.post('/v1/staff/sessions', { unit: ctx.options.unit, username: staff.username, password: staff.password });
  status(ctx, answer, 201, 'staff sign-in with the given account');
  const session = parsed(ctx, StaffSession, answer, 'StaffSession');
  ctx.state.staffToken = session.token;
  ctx.state.staffRole = session.staff.role;
  return ctx.state.staffToken;
}
