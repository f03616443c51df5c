import {
  checkOrigin,
  type AdminFeedbackSettings,
  type AdminFeedbackSettingsUpdate,
  type AllowedOriginRequest,
  type KioskPairingRequest,
  type NewKioskKey,
  type NewStaffAccount,
  type StaffAccountPatch,
} from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import type { Actor, ServerContext, StaffPrincipal } from '../context.js';
import type { Queryable } from '../db/database.js';
import { feedbackSettings, type FeedbackSettings } from '../feedback/settings.js';
import { ownOrigin } from '../http/origin.js';
import { invalid, notFound, ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import { AccountConflict, addAccount, changeAccount, findAccount, listAccounts, newPassword, setPassword } from '../staff/accounts.js';
import { issueKioskPairing, listKioskKeys, pairKiosk, revokeKioskKey } from '../surveys/kiosk.js';
import type { StoredUnit } from '../units/store.js';
import { listChanges, recordChange } from './changes.js';

/** Pairing attempts a minute per address: a tablet needs one; guessing a 144-bit code needs more than forever. */
const PAIRINGS_PER_MINUTE = 10;

const actor = (staff: StaffPrincipal | undefined): Actor => ({ id: staff!.id, name: staff!.name });

/** `smtp://user:***@host:587`: the password never leaves the server. */
export const maskSmtpUrl = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Reads the unit row for an update in a transaction (locked on PostgreSQL, so two admins never lose each other's change). */
async function unitRowForUpdate(tx: Queryable, unit: string): Promise<{ allowed_origins: string; settings: string }> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = await tx.get<{ allowed_origins: string; settings: string }>(`SELECT allowed_origins, settings FROM units WHERE id = ?${lock}`, [unit]);
  if (!row) throw notFound(`Không tìm thấy đơn vị "${unit}".`, 'unit_not_found');
  return row;
}

function settingsView(ctx: ServerContext, settings: FeedbackSettings): AdminFeedbackSettings {
  return {
    ...(settings.workingDays !== undefined ? { workingDays: settings.workingDays } : {}),
    defaultWorkingDays: ctx.config.feedbackWorkingDays,
    ...(settings.smtp?.url ? { smtpUrl: maskSmtpUrl(settings.smtp.url) } : {}),
    ...(settings.smtp?.from ? { smtpFrom: settings.smtp.from } : {}),
    smtpFromServer: !settings.smtp?.url && Boolean(ctx.config.smtpUrl),
    ...(settings.lookupUrl ? { lookupUrl: settings.lookupUrl } : {}),
  };
}

/** `***` as the password keeps the stored one: the admin form never holds the real password. */
function mergeSmtpUrl(next: string, stored: string | undefined): string {
  const masked = /\/\/([^:@/]+):\*\*\*@/.exec(next);
  if (!masked) return next;
  const password = stored ? /\/\/[^:@/]+:([^@/]*)@/.exec(stored)?.[1] : undefined;
  if (password === undefined) {
    throw invalid([{ path: 'smtpUrl', code: 'password_required', message: 'Chưa có mật khẩu thư đã lưu: nhập mật khẩu thật thay cho ***.' }]);
  }
  return next.replace(':***@', `:${password}@`);
}

export async function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { db } = ctx;

  // Staff accounts.
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/accounts', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return { accounts: await listAccounts(db, unit!.id) };
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/accounts', async ({ unit, body, staff, reply }) => {
    const secret = await newPassword();
    try {
      const created = await db.transaction(async (tx) => {
        const result = await addAccount(tx, unit!.id, body, secret);
        await recordChange(tx, unit!.id, actor(staff), 'account.added', body.username, { name: body.name, role: body.role });
        return result;
      });
      return reply.status(201).header('cache-control', 'no-store').send(created);
    } catch (error) {
      if (error instanceof AccountConflict) throw new ProblemError(409, error.message, { code: 'username_taken' });
      throw error;
    }
  });

  handle(app, ctx, 'PATCH', '/v1/staff/units/:unit/accounts/:username', async ({ unit, params, body, staff }) => {
    try {
      const changed = await db.transaction(async (tx) => {
        const result = await changeAccount(tx, unit!.id, params.username!, body);
        if (!result) return undefined;
        const detail: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of ['name', 'role', 'disabled'] as const) {
          if (result.before[key] !== result.after[key]) detail[key] = { from: result.before[key], to: result.after[key] };
        }
        if (Object.keys(detail).length > 0) await recordChange(tx, unit!.id, actor(staff), 'account.changed', result.after.username, detail);
        return result.after;
      });
      if (!changed) throw notFound('Không có tài khoản này trong đơn vị.', 'account_not_found');
      return changed;
    } catch (error) {
      if (error instanceof AccountConflict) throw new ProblemError(409, error.message, { code: 'last_admin' });
      throw error;
    }
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/accounts/:username/password', async ({ unit, params, staff, reply }) => {
    const secret = await newPassword();
    const result = await db.transaction(async (tx) => {
      const found = await findAccount(tx, unit!.id, params.username!);
      if (!found || !(await setPassword(tx, unit!.id, found.id, secret.hash))) return undefined;
      await recordChange(tx, unit!.id, actor(staff), 'account.password_reset', found.username);
      return { account: found, password: secret.password };
    });
    if (!result) throw notFound('Không có tài khoản này trong đơn vị.', 'account_not_found');
    return reply.header('cache-control', 'no-store').send(result);
  });

  // Kiosk keys.
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/kiosk-keys', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return { keys: await listKioskKeys(db, unit!.id) };
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/kiosk-keys', async ({ unit, body, staff, request, reply }) => {
    const issued = await db.transaction(async (tx) => {
      const result = await issueKioskPairing(tx, unit!.id, body.label, staff!.name);
      await recordChange(tx, unit!.id, actor(staff), 'kiosk_key.issued', body.label, { id: result.key.id, pairingExpiresAt: result.expiresAt });
      return result;
    });
    // The fragment never reaches a server log: the code goes from the QR to the kiosk page's script only.
    const fragment = new URLSearchParams({ unit: unit!.id, code: issued.code }).toString();
    const pairingUrl = `${ownOrigin(request)}/kiosk/#${fragment}`;
    return reply
      .status(201)
      .header('cache-control', 'no-store')
      .send({ key: issued.key, pairingCode: issued.code, pairingUrl, expiresAt: issued.expiresAt });
  });

  handle(app, ctx, 'DELETE', '/v1/staff/units/:unit/kiosk-keys/:id', async ({ unit, params, staff, reply }) => {
    const label = await db.transaction(async (tx) => {
      const revoked = await revokeKioskKey(tx, unit!.id, params.id!, staff!.name);
      if (revoked !== undefined) await recordChange(tx, unit!.id, actor(staff), 'kiosk_key.revoked', revoked, { id: params.id });
      return revoked;
    });
    if (label === undefined) throw notFound('Không có khóa kiosk này (hoặc đã thu hồi).', 'kiosk_key_not_found');
    return reply.status(204).send();
  });

  handle(app, ctx, 'POST', '/v1/kiosk/pairings', async ({ unit, body, request, reply }) => {
    await ctx.rateLimiter.hit(`kiosk-pair:${request.ip}`, PAIRINGS_PER_MINUTE);
    const paired = await db.transaction(async (tx) => {
      const result = await pairKiosk(tx, unit!.id, body.code);
      if (result) await recordChange(tx, unit!.id, { id: null, name: 'Máy kiosk' }, 'kiosk_key.paired', result.label, { id: result.id });
      return result;
    });
    if (!paired) {
      throw new ProblemError(410, 'Mã ghép nối này không dùng được nữa: đã dùng, đã hết hạn hoặc khóa đã bị thu hồi.', {
        code: 'pairing_code_spent',
        detail: 'Quản trị viên cấp khóa mới tại Bàn làm việc → Quản trị → Khóa kiosk rồi quét mã QR mới.',
      });
    }
    return reply.status(201).header('cache-control', 'no-store').send({ unit: unit!.id, label: paired.label, key: paired.key });
  });

  // Allowed origins.
  const originsOf = (unit: StoredUnit) => ({ origins: unit.allowedOrigins });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/origins', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return originsOf(unit!);
  });

  const changeOrigins = async (unitId: string, staff: StaffPrincipal | undefined, change: (list: string[]) => string[], action: 'origin.added' | 'origin.removed', origin: string) => {
    const origins = await db.transaction(async (tx) => {
      const row = await unitRowForUpdate(tx, unitId);
      const before = JSON.parse(row.allowed_origins) as string[];
      const after = change(before);
      if (after.length === before.length) return before;
      await tx.run('UPDATE units SET allowed_origins = ?, updated_at = ? WHERE id = ?', [JSON.stringify(after), new Date().toISOString(), unitId]);
      await recordChange(tx, unitId, actor(staff), action, origin);
      return after;
    });
    // This process answers with the new list at once; other processes within their unit cache time (5 s).
    ctx.units.forget(unitId);
    return { origins };
  };

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/origins', async ({ unit, body, staff, reply }) => {
    const checked = checkOrigin(body.origin);
    if (!checked.ok) throw invalid([{ path: 'origin', code: 'invalid_origin', message: checked.message }]);
    reply.header('cache-control', 'no-store');
    return changeOrigins(unit!.id, staff, (list) => (list.includes(checked.origin) ? list : [...list, checked.origin]), 'origin.added', checked.origin);
  });

  handle(app, ctx, 'DELETE', '/v1/staff/units/:unit/origins', async ({ unit, query, staff, reply }) => {
    const checked = checkOrigin(query.origin!);
    if (!checked.ok) throw invalid([{ path: 'origin', code: 'invalid_origin', message: checked.message }]);
    reply.header('cache-control', 'no-store');
    return changeOrigins(unit!.id, staff, (list) => list.filter((origin) => origin !== checked.origin), 'origin.removed', checked.origin);
  });

  // Feedback settings.
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/feedback-settings', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return settingsView(ctx, feedbackSettings(unit!));
  });

  handle(app, ctx, 'PUT', '/v1/staff/units/:unit/feedback-settings', async ({ unit, body, staff, reply }) => {
    const next = await db.transaction(async (tx) => {
      const row = await unitRowForUpdate(tx, unit!.id);
      const settings = JSON.parse(row.settings) as Record<string, unknown>;
      const before: FeedbackSettings = (settings.feedback as FeedbackSettings | undefined) ?? {};
      const after: FeedbackSettings = { ...(before.holidays ? { holidays: before.holidays } : {}) };
      if (body.workingDays !== null) after.workingDays = body.workingDays;
      if (body.smtpUrl !== null) {
        after.smtp = { url: mergeSmtpUrl(body.smtpUrl, before.smtp?.url), ...(body.smtpFrom ? { from: body.smtpFrom } : {}) };
      }
      if (body.lookupUrl !== null) after.lookupUrl = body.lookupUrl;
      const shown = (s: FeedbackSettings) => ({
        workingDays: s.workingDays ?? null,
        smtpUrl: s.smtp?.url ? maskSmtpUrl(s.smtp.url) : null,
        smtpFrom: s.smtp?.from ?? null,
        lookupUrl: s.lookupUrl ?? null,
      });
      const [was, now] = [shown(before), shown(after)];
      const detail: Record<string, { from: unknown; to: unknown } | boolean> = {};
      for (const key of ['workingDays', 'smtpUrl', 'smtpFrom', 'lookupUrl'] as const) {
        if (was[key] !== now[key]) detail[key] = { from: was[key], to: now[key] };
      }
      if (before.smtp?.url && after.smtp?.url && before.smtp.url !== after.smtp.url && !detail.smtpUrl) detail.smtpPassword = true;
      if (Object.keys(detail).length > 0) {
        await tx.run('UPDATE units SET settings = ?, updated_at = ? WHERE id = ?', [
          JSON.stringify({ ...settings, feedback: after }),
          new Date().toISOString(),
          unit!.id,
        ]);
        await recordChange(tx, unit!.id, actor(staff), 'feedback_settings.changed', 'feedback', detail);
      }
      return after;
    });
    ctx.units.forget(unit!.id);
    reply.header('cache-control', 'no-store');
    return settingsView(ctx, next);
  });

  // The change log.
  handle(app, ctx, 'GET', '/v1/staff/units/:unit/changes', async ({ unit, query, reply }) => {
    reply.header('cache-control', 'no-store');
    return listChanges(db, unit!.id, { ...(query.before ? { before: query.before } : {}), ...(query.limit ? { limit: Number(query.limit) } : {}) });
  });
}
