import {
  FEEDBACK_STATUS_LABELS,
  normalizeTrackingCode,
  personalDataLeft,
  type FeedbackStatus,
  type FeedbackTopic,
} from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import type { ServerContext, StaffPrincipal } from '../context.js';
import { invalid, notFound, ProblemError } from '../http/problem.js';
import { assertPermitted, handle } from '../http/route.js';
import type { StoredUnit } from '../units/store.js';
import { answerMail, sendMail } from './mail.js';
import { calendarFor, feedbackSettings, smtpFor, workingDaysFor } from './settings.js';
import { newTrackingCode, randomUnambiguous } from './codes.js';
import { ACTION_PERMISSION, actionAllowed } from './lifecycle.js';
import { FeedbackStore, PHONE_TRIES, type CaseRow } from './sql.js';
import { vietnamDate } from './working-days.js';
import { feedbackCsv } from './csv.js';

/** The schema's words for each status (the same the elements show). */
const STATUS_WORDS = Object.fromEntries(Object.entries(FEEDBACK_STATUS_LABELS).map(([status, label]) => [status, label.vi])) as Record<FeedbackStatus, string>;

/** The line the server logs at start about how senders learn of answers. */
export async function smtpStatusLine(ctx: ServerContext): Promise<string> {
  const units = await ctx.units.list();
  const withOwn = units.filter((unit) => feedbackSettings(unit).smtp?.url).map((unit) => unit.id);
  if (ctx.config.smtpUrl) return 'Feedback: answers are emailed to senders through the configured SMTP server (SIPAS_SMTP_URL).';
  if (withOwn.length > 0) {
    return `Feedback: answers are emailed through the SMTP servers of ${withOwn.join(', ')}; for other units no SMTP is configured, so senders follow their case on the lookup view (tracking code).`;
  }
  return 'Feedback: no SMTP server configured (SIPAS_SMTP_URL or a unit setting), so no email is sent: senders follow their case on the lookup view with their tracking code.';
}

/** Sends the "answered" email once, when a case is first published; records the outcome in the audit trail. */
export async function notifySender(ctx: ServerContext, store: FeedbackStore, unit: StoredUnit, row: CaseRow): Promise<void> {
  if (!row.sender_email || row.emailed_at) return;
  const smtp = smtpFor(ctx.config, unit);
  if (!smtp) return;
  const mail = answerMail(unit, row, feedbackSettings(unit).lookupUrl);
  const system = { id: null, name: 'Hệ thống' };
  try {
    await sendMail(smtp, { to: row.sender_email, ...mail });
    await store.record(row.id, system, 'email_sent', 'Đã gửi thư báo kết quả đến địa chỉ thư điện tử của người gửi.', {
      emailed_at: new Date().toISOString(),
    });
  } catch (error) {
    ctx.log.warn({ err: error, code: row.tracking_code }, 'feedback answer email failed');
    await store.record(row.id, system, 'email_failed', `Không gửi được thư báo kết quả: ${(error as Error).message}`);
  }
}

/** The case's address for the 201's Location header (reading it needs the secret). */
const caseLocation = (trackingCode: string) => `/v1/feedback/${encodeURIComponent(trackingCode)}`;

const PERSONAL_WORDS: Record<string, string> = { name: 'họ tên', email: 'thư điện tử', address: 'địa chỉ', phone: 'số điện thoại' };

export async function registerFeedbackRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const store = new FeedbackStore(ctx.db);
  const today = () => vietnamDate();

  app.addHook('onReady', async () => {
    ctx.log.info(await smtpStatusLine(ctx));
  });

  handle(app, ctx, 'POST', '/v1/feedback', async ({ body, unit, request, reply }) => {
    await ctx.rateLimiter.hit(`feedback:${request.ip}`, ctx.config.rateLimitPerMinute);
    const receivedAt = new Date().toISOString();
    const calendar = await calendarFor(ctx, unit);
    const due = (at: string) => calendar.addWorkingDays(vietnamDate(at), workingDaysFor(ctx.config, unit));
    if (body.website) {
      // A bot filled the field people never see: answer as if accepted, keep nothing.
      request.log.info('feedback honeypot filled; submission dropped');
      const trackingCode = newTrackingCode();
      return reply.status(201).header('location', caseLocation(trackingCode)).send({
        id: body.id,
        trackingCode,
        secret: body.secret ?? randomUnambiguous(10),
        receivedAt,
        dueOn: due(receivedAt),
      });
    }
    if (body.topic === 'procedure' && !body.procedureCode) {
      throw invalid([{ path: 'procedureCode', code: 'required', message: 'Chọn hoặc nhập thủ tục hành chính.' }]);
    }
    const outcome = await store.submit(body, due);
    switch (outcome.kind) {
      case 'created':
        return reply
          .status(201)
          .header('cache-control', 'no-store')
          .header('location', caseLocation(outcome.receipt.trackingCode))
          .send(outcome.receipt);
      case 'repeat':
        return reply.status(200).header('cache-control', 'no-store').send(outcome.receipt);
      case 'conflict':
        throw new ProblemError(409, 'Mã này đã được dùng cho một phản ánh khác.', {
          code: 'id_conflict',
          detail: 'Cùng mã (id) nhưng nội dung khác với phản ánh đã nhận. Hãy tạo mã mới.',
        });
    }
  });

  handle(app, ctx, 'GET', '/v1/feedback/:code', async ({ params, query, request, reply }) => {
    await ctx.rateLimiter.hit(`feedback-lookup:${request.ip}`, ctx.config.rateLimitPerMinute);
    reply.header('cache-control', 'no-store');
    if (!query.secret && !query.phone) {
      throw invalid([{ path: 'secret', code: 'required', message: 'Cần mã bí mật hoặc 4 số cuối số điện thoại.' }]);
    }
    const outcome = await store.lookup(
      normalizeTrackingCode(params.code),
      { ...(query.secret ? { secret: query.secret } : {}), ...(query.phone ? { phone: query.phone } : {}) },
      today(),
    );
    if (outcome.kind === 'phone-locked') {
      throw new ProblemError(403, 'Đã nhập sai 4 số cuối điện thoại quá nhiều lần cho phản ánh này.', {
        code: 'phone_lookup_locked',
        detail: `Để bảo vệ người gửi, sau ${PHONE_TRIES} lần sai chỉ còn tra cứu được bằng mã bí mật ghi trên giấy biên nhận. Nếu mất mã bí mật, xin liên hệ bộ phận tiếp nhận của đơn vị.`,
        errors: [{ path: 'phone', code: 'phone_lookup_locked', message: 'Hãy tra cứu bằng mã bí mật.' }],
      });
    }
    if (outcome.kind === 'none') {
      throw notFound('Không tìm thấy phản ánh với mã theo dõi và mã bí mật (hoặc số điện thoại) này.', 'feedback_not_found');
    }
    return outcome.view;
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/feedback', async ({ unit, query, reply }) => {
    const limit = Math.min(50, Math.max(1, Number(query.limit ?? 10)));
    const offset = Number(query.offset ?? 0);
    const list = await store.published(unit.id, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.topic ? { topic: query.topic as FeedbackTopic } : {}),
      offset,
      limit,
    });
    reply.header('cache-control', 'public, max-age=60');
    return { unit: unit.id, ...list };
  });

  // ---- Staff routes: the contract marks them `auth: 'staff'`; handle() checks the session and the unit.

  const caseOf = async (unit: StoredUnit, code: string): Promise<CaseRow> => {
    const row = await store.byCode(normalizeTrackingCode(code));
    if (!row || row.unit !== unit.id) throw notFound('Không có phản ánh này ở đơn vị này.', 'feedback_not_found');
    return row;
  };

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/feedback', async ({ unit, query, reply }) => {
    reply.header('cache-control', 'no-store');
    const day = today();
    const cases = await store.inbox(unit.id, day, {
      ...(query.status ? { status: query.status as FeedbackStatus } : {}),
      ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
    });
    return { unit: unit.id, today: day, cases };
  });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/feedback/:code', async ({ unit, params, reply }) => {
    reply.header('cache-control', 'no-store');
    return store.staffView(await caseOf(unit, params.code), today());
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/feedback/:code/actions', async ({ unit, params, body, staff, reply }) => {
    reply.header('cache-control', 'no-store');
    assertPermitted(staff, ACTION_PERMISSION[body.action]);
    const row = await caseOf(unit, params.code);
    if (!actionAllowed(body.action, row.status)) {
      throw new ProblemError(409, `Không thể thực hiện thao tác này khi phản ánh ở trạng thái "${STATUS_WORDS[row.status]}".`, {
        code: 'invalid_transition',
      });
    }
    if (body.action === 'publish') {
      const sender = { name: row.sender_name, address: row.sender_address, phone: row.sender_phone, email: row.sender_email ?? '' };
      const errors = (['title', 'content', 'answer'] as const).flatMap((field) =>
        personalDataLeft(body[field], sender).map((kind) => ({
          path: field,
          code: 'personal_data',
          message: `Bản công khai còn chứa ${PERSONAL_WORDS[kind]} của người gửi. Hãy che đi trước khi công khai.`,
        })),
      );
      if (errors.length > 0) throw invalid(errors);
    }
    const member = staff as StaffPrincipal;
    const updated = await store.act(row, { id: member.id, name: member.name }, body);
    if (body.action === 'publish') await notifySender(ctx, store, unit, updated);
    const fresh = (await store.byId(row.id))!;
    return store.staffView(fresh, today());
  });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/feedback-export', async ({ unit, query, staff, reply, request }) => {
    const from = query.from;
    const to = query.to;
    if (to < from) throw invalid([{ path: 'to', code: 'too_small', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
    const rows = await store.receivedBetween(unit.id, from, to);
    request.log.info({ unit: unit.id, from, to, staff: staff?.id, rows: rows.length }, 'feedback exported');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="phan-anh-${unit.id}-${from}-${to}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(feedbackCsv(rows, today(), STATUS_WORDS));
  });

}
