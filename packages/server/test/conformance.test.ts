import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RULES, runConformance, type Options, type RuleResult } from '@sipas/conformance';
import { StaffStore } from '../src/staff/store.js';
import { issueKioskKey } from '../src/surveys/kiosk.js';
import { TEST_DIALECT } from './database.js';
import { testApp } from './helpers.js';

const PASSWORD = 'kiem-thu-tuan-thu-2026';
const byId = (results: RuleResult[]) => Object.fromEntries(results.map((r) => [r.id, r]));

/** The reference server on a real port, with a staff account and a kiosk key for the kit. */
async function referenceServer() {
  const server = await testApp({ rateLimitPerMinute: 10_000 });
  await new StaffStore(server.ctx.db).addUser({ unit: 'phuong-a', username: 'kiemthu', name: 'Quản trị kiểm thử', role: 'admin', password: PASSWORD });
  const kioskKey = await issueKioskKey(server.ctx.db, 'phuong-a', 'Quầy kiểm thử');
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const options: Options = { endpoint: `${address}/`, unit: 'phuong-a', kioskKey, staff: { username: 'kiemthu', password: PASSWORD } };
  return { server, options };
}

describe('the conformance kit against the reference server', () => {
  let reference: Awaited<ReturnType<typeof referenceServer>>;
  before(async () => {
    reference = await referenceServer();
  });
  after(async () => reference.server.dispose());

  it(`passes every rule on ${TEST_DIALECT}; none is left out`, async () => {
    const results = await runConformance(reference.options);
    assert.deepEqual(
      results.filter((r) => r.outcome === 'fail'),
      [],
    );
    assert.deepEqual(
      results.filter((r) => r.outcome === 'n/a').map((r) => r.id),
      [],
    );
    assert.ok(results.length >= 25);
  });

  it('runs again on the same backend without colliding with its first run', async () => {
    const results = await runConformance(reference.options);
    assert.deepEqual(results.filter((r) => r.outcome === 'fail'), []);
  });

  it('the command prints the report and exits 0 (and 1 when a rule fails)', async () => {
    const cli = fileURLToPath(import.meta.resolve('@sipas/conformance').replace(/index\.js$/, 'cli.js'));
    const { options } = reference;
    const { stdout } = await promisify(execFile)(process.execPath, [cli, options.endpoint, '--unit', 'phuong-a', '--staff', `kiemthu:${PASSWORD}`]);
    assert.match(stdout, /✔ pass {2}survey\.repeat/);
    assert.match(stdout, /– n\/a {3}survey\.kiosk-key/);
    assert.match(stdout, /✔ pass {2}survey\.dossier /);
    assert.match(stdout, /\d+ passed, 0 failed, 1 not applicable/);
    const failing = await promisify(execFile)(process.execPath, [cli, options.endpoint, '--unit', 'khong-co-don-vi-nay']).catch((error: { code: number; stdout: string }) => error);
    assert.equal((failing as { code: number }).code, 1);
    assert.match((failing as { stdout: string }).stdout, /✘ FAIL {2}unit\.public[\s\S]*GET \/v1\/units\/khong-co-don-vi-nay\n {10}→ 404/);
  });
});

// ---------------------------------------------------------------------------------------------
// A backend that breaks one rule: the reference server behind a proxy that alters one answer.

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}
interface Breakage {
  /** The rule the kit must report as failing. */
  rule: string;
  request?(request: IncomingMessage, headers: Record<string, string>): void;
  response?(request: IncomingMessage, answer: Answer): void;
}

const isProblem = (answer: Answer, code: string) => answer.text.includes(`"code":"${code}"`);
const edit = (answer: Answer, change: (body: any) => void) => {
  const body = JSON.parse(answer.text);
  change(body);
  answer.text = JSON.stringify(body);
};
const flipHex = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);

const BREAKAGES: Record<string, Breakage> = {
  'forgets a route in its document': {
    rule: 'contract.openapi',
    response: (req, a) => req.url === '/openapi.json' && edit(a, (doc) => delete doc.paths['/v1/units/{unit}/log/proof']),
  },
  'answers errors as plain JSON': {
    rule: 'problem.not-found',
    response: (_req, a) => a.status >= 400 && (a.headers['content-type'] = 'application/json'),
  },
  'does not name the invalid fields': {
    rule: 'problem.fields',
    response: (_req, a) => a.status === 400 && edit(a, (body) => delete body.errors),
  },
  'speaks only Vietnamese': {
    rule: 'problem.language',
    request: (_req, headers) => delete headers['accept-language'],
  },
  'answers a new response with 202': {
    rule: 'survey.create',
    response: (req, a) => req.method === 'POST' && req.url === '/v1/surveys' && a.status === 201 && (a.status = 202),
  },
  'answers a resend as new': {
    rule: 'survey.repeat',
    response: (req, a) => req.method === 'POST' && req.url === '/v1/surveys' && a.status === 200 && (a.status = 201),
  },
  'accepts another body under a used id': {
    rule: 'survey.conflict',
    response: (_req, a) => isProblem(a, 'id_conflict') && Object.assign(a, { status: 200, headers: { 'content-type': 'application/json' }, text: '{}' }),
  },
  'lets a dossier be rated twice': {
    rule: 'survey.dossier',
    response: (_req, a) => isProblem(a, 'dossier_already_rated') && Object.assign(a, { status: 201 }),
  },
  'counts a bare dossier code': {
    rule: 'survey.dossier-token',
    response: (_req, a) => isProblem(a, 'dossier_token_required') && Object.assign(a, { status: 201 }),
  },
  'takes any department name': {
    rule: 'survey.fields',
    response: (_req, a) => isProblem(a, 'unknown_field') && Object.assign(a, { status: 201 }),
  },
  'does not check answers against the questionnaire': {
    rule: 'survey.answers',
    response: (_req, a) => a.status === 400 && a.text.includes('"path":"answers.') && Object.assign(a, { status: 201 }),
  },
  'accepts any kiosk key': {
    rule: 'survey.kiosk-key',
    response: (_req, a) => isProblem(a, 'kiosk_key_invalid') && Object.assign(a, { status: 201 }),
  },
  'ignores If-None-Match': {
    rule: 'procedures.etag',
    request: (_req, headers) => delete headers['if-none-match'],
  },
  'never revalidates results': {
    rule: 'results.etag',
    request: (req, headers) => req.url?.includes('/results') && delete headers['if-none-match'],
  },
  'counts a quarter with the wrong days': {
    rule: 'results.periods',
    response: (req, a) => req.url?.includes('/results') && a.status === 200 && edit(a, (body) => (body.period.to = body.period.from)),
  },
  'publishes a rate below the minimum': {
    rule: 'results.suppression',
    response: (req, a) => req.url?.includes('/results?period=') && req.url.includes('..') && a.status === 200 && edit(a, (body) => !body.published && (body.index = 0.9)),
  },
  'gives no Location for a new case': {
    rule: 'feedback.create',
    response: (req, a) => req.url === '/v1/feedback' && delete a.headers.location,
  },
  'opens a case with a wrong secret': {
    rule: 'feedback.lookup',
    response: (req, a) => req.url?.startsWith('/v1/feedback/') && isProblem(a, 'feedback_not_found') && Object.assign(a, { status: 200 }),
  },
  'lets staff skip the lifecycle': {
    rule: 'feedback.lifecycle',
    response: (_req, a) => isProblem(a, 'invalid_transition') && Object.assign(a, { status: 200 }),
  },
  'leaves a staff route open': {
    rule: 'privacy.staff-routes',
    response: (req, a) => req.url?.endsWith('/feedback-export') && a.status === 401 && Object.assign(a, { status: 200, headers: { 'content-type': 'text/csv' }, text: '' }),
  },
  'shows the sender’s name in public': {
    rule: 'privacy.public-answers',
    response: (req, a) =>
      req.method === 'GET' && /^\/v1\/units\/[^/]+\/feedback/.test(req.url ?? '') && edit(a, (body) => body.items?.forEach((item: any) => (item.senderName = 'Nguyễn Văn A'))),
  },
  'forges its checkpoint signature': {
    rule: 'log.checkpoint',
    response: (req, a) => req.url?.endsWith('/log/checkpoint') && (a.text = a.text.replace(/ (\S)(\S+)\n$/, (_m, first: string, rest: string) => ` ${first === 'A' ? 'B' : 'A'}${rest}\n`)),
  },
  'hashes leaves its own way': {
    rule: 'log.leaf',
    response: (req, a) => req.url === '/v1/surveys' && a.status === 201 && edit(a, (body) => body.leaf && (body.leaf.hash = flipHex(body.leaf.hash))),
  },
  'answers a proof that does not lead to the root': {
    rule: 'log.inclusion',
    response: (req, a) => req.url?.includes('/log/proof') && a.status === 200 && edit(a, (body) => (body.proof[0] = flipHex(body.proof[0]))),
  },
  'rewrote its history': {
    rule: 'log.consistency',
    response: (req, a) => req.url?.includes('/log/consistency') && a.status === 200 && edit(a, (body) => (body.proof[0] = flipHex(body.proof[0]))),
  },
};

async function brokenProxy(target: string, breakage: Breakage): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)),
    ) as Record<string, string>;
    breakage.request?.(req, headers);
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const answer: Answer = {
      status: upstream.status,
      headers: Object.fromEntries([...upstream.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))),
      text: await upstream.text(),
    };
    breakage.response?.(req, answer);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.status === 304 ? undefined : answer.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** The rules a broken backend can only show with a staff session (the others run without one). */
const NEEDS_STAFF = new Set(['survey.dossier', 'feedback.lifecycle', 'privacy.public-answers']);

// The breakages are the kit's own tests: once, on SQLite (the server suite runs again on PostgreSQL).
// Four broken backends at a time: each run has its own tag, proxy and requests, so they never collide.
describe('the conformance kit catches a backend that breaks a rule', { skip: TEST_DIALECT === 'postgres', concurrency: 4 }, () => {
  let reference: Awaited<ReturnType<typeof referenceServer>>;
  before(async () => {
    reference = await referenceServer();
  });
  after(async () => reference.server.dispose());

  it('an honest proxy changes nothing: every rule still passes', async () => {
    const proxy = await brokenProxy(reference.options.endpoint, { rule: '' });
    try {
      const results = await runConformance({ ...reference.options, endpoint: proxy.url });
      assert.deepEqual(results.filter((r) => r.outcome === 'fail'), []);
    } finally {
      proxy.server.close();
    }
  });

  for (const [behaviour, breakage] of Object.entries(BREAKAGES)) {
    it(`a backend that ${behaviour} fails ${breakage.rule}`, async () => {
      const proxy = await brokenProxy(reference.options.endpoint, breakage);
      try {
        // The rules up to the broken one: later rules never feed earlier ones, so the verdict is the same.
        const upTo = RULES.slice(0, RULES.findIndex((rule) => rule.id === breakage.rule) + 1);
        // Staff sign-in (10 a minute per address) and a kiosk key (120 responses a minute) are limited:
        // only the rules that need one get it, so two dozen runs a minute never wait for a 429.
        const { staff, kioskKey, ...anonymous } = reference.options;
        const options: Options = {
          ...anonymous,
          endpoint: proxy.url,
          ...(NEEDS_STAFF.has(breakage.rule) ? { staff } : {}),
          ...(breakage.rule === 'survey.kiosk-key' ? { kioskKey } : {}),
        };
        const result = byId(await runConformance(options, upTo))[breakage.rule]!;
        assert.equal(result.outcome, 'fail', `${breakage.rule} was ${result.outcome}`);
        assert.ok(result.reason && result.exchange, 'a failure names the reason and the request');
      } finally {
        proxy.server.close();
      }
    });
  }
});
