import {
  API_ROUTES,
  FeedbackCase,
  FeedbackInbox,
  FeedbackLookup,
  FeedbackReceipt,
  PublishedFeedbackList,
  type FeedbackSubmission,
} from '@sipas/schema';
import { json } from '../http.js';
import { expect, needs, notApplicable, type Context, type Rule } from '../kit.js';
import { enc, parsed, problem, status } from '../checks.js';
import { staffToken } from '../staff.js';

function submission(ctx: Context): FeedbackSubmission {
  const digits = String(Date.now()).slice(-6);
  return {
    id: crypto.randomUUID(),
    unit: ctx.options.unit,
    topic: 'other',
    title: `Kiểm thử tuân thủ ${ctx.tag}`,
    content: 'Phản ánh do bộ kiểm thử tuân thủ SIPAS gửi để kiểm tra máy chủ; không cần xử lý.',
    sender: {
      name: `Người Kiểm Thử ${ctx.tag.toUpperCase()}`,
      address: `Số ${digits} đường Kiểm Thử, ${ctx.tag}`,
      phone: `0912 ${digits.slice(0, 3)} ${digits.slice(3)}`,
      email: `kiem-thu-${ctx.tag}@example.com`,
    },
    consent: { accepted: true, textVersion: 'conformance-1', text: 'Tôi đồng ý để cơ quan xử lý thông tin cá nhân của tôi cho phản ánh này.' },
    secret: 'KTTT2345',
  };
}

/** The sender's personal data as strings that must never appear in a public answer. */
export function personalStrings(body: FeedbackSubmission): string[] {
  return [body.sender.name, body.sender.address, body.sender.phone, body.sender.email ?? ''].filter(Boolean);
}

export const feedbackRules: Rule[] = [
  {
    id: 'feedback.create',
    title: 'Feedback: 201 with tracking code, secret and Location; same again 200; same id other body 409',
    async run(ctx) {
      const body = submission(ctx);
      const created = await ctx.http.post('/v1/feedback', body);
      status(ctx, created, 201, 'new feedback');
      const receipt = parsed(ctx, FeedbackReceipt, created, 'FeedbackReceipt');
      expect(ctx, receipt.id === body.id && receipt.secret === body.secret, 'the receipt must repeat the id and the client’s secret');
      const location = created.headers.get('location');
      expect(ctx, location?.includes(enc(receipt.trackingCode)), `Location must name the case (/v1/feedback/${receipt.trackingCode}), got ${location}`);
      ctx.state.feedback = { body, receipt };
      const again = await ctx.http.post('/v1/feedback', body);
      status(ctx, again, 200, 'a resend of the same feedback');
      expect(ctx, parsed(ctx, FeedbackReceipt, again, 'FeedbackReceipt').trackingCode === receipt.trackingCode, 'a resend must give the same tracking code');
      problem(ctx, await ctx.http.post('/v1/feedback', { ...body, title: `${body.title} (khác)` }), 409, 'id_conflict');
    },
  },
  {
    id: 'feedback.lookup',
    title: 'Lookup with code + secret or phone digits; a wrong secret is 404; no personal data',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.feedback, 'created feedback (feedback.create)');
      const path = `/v1/feedback/${enc(receipt.trackingCode)}`;
      const found = await ctx.http.get(`${path}?secret=${enc(body.secret!)}`);
      status(ctx, found, 200, 'lookup with the secret');
      const lookup = parsed(ctx, FeedbackLookup, found, 'FeedbackLookup');
      expect(ctx, lookup.trackingCode === receipt.trackingCode && lookup.status === 'received', 'a new case looks up as `received`');
      const digits = body.sender.phone.replace(/\D/g, '').slice(-4);
      status(ctx, await ctx.http.get(`${path}?phone=${digits}`), 200, 'lookup with the last four phone digits');
      problem(ctx, await ctx.http.get(`${path}?secret=WRNG2345`), 404);
      problem(ctx, await ctx.http.get(`${path}?phone=0000`), 404);
    },
  },
  {
    id: 'feedback.lifecycle',
    title: 'Staff lifecycle: route → start → answer → publish; wrong order 409; personal data refused',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.feedback, 'created feedback (feedback.create)');
      const token = await staffToken(ctx);
      const auth = { authorization: `Bearer ${token}` };
      const unit = enc(ctx.options.unit);
      const inbox = await ctx.http.get(`/v1/staff/units/${unit}/feedback`, auth);
      status(ctx, inbox, 200, 'the staff inbox');
      expect(ctx, parsed(ctx, FeedbackInbox, inbox, 'FeedbackInbox').cases.some((c) => c.trackingCode === receipt.trackingCode), 'the inbox does not list the new case');
      const actions = `/v1/staff/units/${unit}/feedback/${enc(receipt.trackingCode)}/actions`;
      const publish = { action: 'publish', title: 'Kiểm thử tuân thủ', content: 'Nội dung phản ánh đã che thông tin cá nhân.', answer: 'Đơn vị đã tiếp nhận và trả lời phản ánh kiểm thử.' };
      // Publishing is an administrator's permission: with a plain staff account it is checked up to the answer.
      const admin = ctx.state.staffRole === 'admin';
      if (admin) problem(ctx, await ctx.http.post(actions, publish, auth), 409, 'invalid_transition');
      for (const [action, extra, next] of [
        ['route', { routedTo: 'Văn phòng' }, 'routed'],
        ['start', {}, 'in_progress'],
        ['answer', { answer: 'Đơn vị đã tiếp nhận và trả lời phản ánh kiểm thử.' }, 'answered'],
      ] as const) {
        const done = await ctx.http.post(actions, { action, ...extra }, auth);
        status(ctx, done, 200, `action ${action}`);
        expect(ctx, parsed(ctx, FeedbackCase, done, 'FeedbackCase').status === next, `after ${action} the status must be ${next}`);
      }
      if (!admin) {
        problem(ctx, await ctx.http.post(actions, publish, auth), 403);
        notApplicable('the --staff account is not an administrator: route, start and answer passed; publishing (admin-only, 403 for staff) was not checked');
      }
      const leaky = await ctx.http.post(actions, { ...publish, content: `Ông/bà ${body.sender.name} phản ánh về ghế chờ.` }, auth);
      const refused = problem(ctx, leaky, 400);
      expect(ctx, refused.errors?.some((e) => e.path === 'content'), 'publishing the sender’s name must be refused naming `content`');
      const published = await ctx.http.post(actions, publish, auth);
      status(ctx, published, 200, 'publishing the redacted version');
      expect(ctx, parsed(ctx, FeedbackCase, published, 'FeedbackCase').status === 'published', 'after publish the status must be published');
      const lookup = await ctx.http.get(`/v1/feedback/${enc(receipt.trackingCode)}?secret=${enc(body.secret!)}`);
      const seen = parsed(ctx, FeedbackLookup, lookup, 'FeedbackLookup');
      expect(ctx, seen.status === 'published' && seen.answer, 'the sender’s lookup must show the published answer');
      const list = await ctx.http.get(`/v1/units/${unit}/feedback?q=${enc('Kiểm thử tuân thủ')}&limit=50`);
      status(ctx, list, 200, 'the published list');
      expect(ctx, parsed(ctx, PublishedFeedbackList, list, 'PublishedFeedbackList').items.some((i) => i.trackingCode === receipt.trackingCode), 'the published answer is not in the public list');
      ctx.state.published = true;
    },
  },
  {
    id: 'privacy.staff-routes',
    title: 'Every staff route refuses a caller without a valid session (401 problem)',
    async run(ctx) {
      const code = ctx.state.feedback?.receipt.trackingCode ?? 'TANH-2345';
      for (const route of API_ROUTES.filter((r) => r.auth === 'staff')) {
        const path = route.path
          .replace(':unit', enc(ctx.options.unit))
          .replace(':code', enc(code))
          .replace(/:[A-Za-z]+/g, 'kiem-thu');
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        problem(ctx, await ctx.http.request(route.method, path, { body }), 401);
        problem(ctx, await ctx.http.request(route.method, path, { body, headers: { authorization: `Bearer not-a-session-${ctx.tag}` } }), 401);
      }
    },
  },
  {
    id: 'privacy.public-answers',
    title: 'No public answer carries a sender’s personal data or a dossier code',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.feedback, 'created feedback (feedback.create)');
      const unit = enc(ctx.options.unit);
      // Ask every public route once more, then look through everything public the kit was answered.
      for (const path of [
        `/v1/units/${unit}`,
        `/v1/units/${unit}/feedback?limit=100`,
        `/v1/units/${unit}/feedback?q=${enc(body.sender.name)}`,
        `/v1/feedback/${enc(receipt.trackingCode)}?secret=${enc(body.secret!)}`,
        `/v1/units/${unit}/results?period=${new Date().getFullYear()}`,
        `/v1/units/${unit}/log/key`,
        `/v1/units/${unit}/log/checkpoint`,
      ]) {
        await ctx.http.get(path);
      }
      const secrets = [...personalStrings(body), `CONF-${ctx.tag}`];
      for (const exchange of ctx.http.exchanges) {
        // Public data answers only: not the staff side, not the contract document itself.
        if (!exchange.path.startsWith('/v1/') || exchange.path.startsWith('/v1/staff/') || exchange.method !== 'GET') continue;
        for (const secret of secrets) {
          expect(ctx, !exchange.text.includes(secret), `a public answer contains "${secret}"`, exchange);
        }
        const parsedBody = json(exchange);
        const keys = JSON.stringify(parsedBody ?? {}).match(/"(sender|senderName|email|phone|consent)":/g);
        expect(ctx, !keys, `a public answer has personal fields: ${keys?.join(' ')}`, exchange);
      }
    },
  },
];
