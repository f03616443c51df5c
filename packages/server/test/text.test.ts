import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { auditUnit, surveyBody, TEST_FIELDS, testApp } from './helpers.js';
import { TEST_DIALECT } from './database.js';

type Server = Awaited<ReturnType<typeof testApp>>;

/** Pieces that make the interesting cases likely: Vietnamese letters typed both ways, emoji, lone halves, controls. */
const PIECES = ['e', 'u', 'ư', 'u\u031b', 'a\u0301', 'á', '\u0323', 'Đ', ' ', '-', '–', '😀', '\ud83d', '\ude00', '\ud800', '\u202e', '\u0000', '\n', '\t', '\u00a0', 'ﬁ', 'Å', 'A\u030a'];
/** The unit's closed field list, spelled as citizens' keyboards spell it: NFD, hyphen for dash, extra spaces. */
const fieldSpellings = fc.constantFrom(
  ...TEST_FIELDS.flatMap((f) => [f, f.normalize('NFD'), f.replace(/–/g, '-'), ` ${f.replace(/ /g, '  ')} `]),
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 16 }),
);

describe(`one canonical form of text (${TEST_DIALECT})`, () => {
  let server: Server;
  before(async () => {
    server = await testApp({ rateLimitPerMinute: 1_000_000 });
  });
  after(() => server.dispose());

  it('"x\\ud800y" in context.field is refused, naming the field, and the audit stays clean', async () => {
    const ok = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: surveyBody() });
    assert.equal(ok.statusCode, 201);
    // Written as the attacker sends it: the JSON escape of a lone surrogate.
    const raw = JSON.stringify(surveyBody({ context: { channel: 'web', field: 'PLACEHOLDER' } })).replace('PLACEHOLDER', 'x\\ud800y');
    const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: raw, headers: { 'content-type': 'application/json' } });
    assert.equal(response.statusCode, 400, response.body);
    const problem = response.json();
    assert.deepEqual(
      problem.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['context.field', 'lone_surrogate']],
    );
    assert.match(problem.errors[0].message, /Unicode không hợp lệ/);
    const report = await auditUnit(server);
    assert.equal(report.ok, true, JSON.stringify(report.findings));
  });

  it('every accepted response re-hashes from its stored row to exactly its leaf (property, full Unicode)', async () => {
    const accepted: { id: string; field?: string; procedure?: string }[] = [];
    let n = 0;
    await fc.assert(
      // The field comes from the unit's closed list (anything else is 400, tested in fields.test);
      // the procedure is free text. Dossier codes need a signed token (dossiers.test).
      fc.asyncProperty(fc.option(fieldSpellings), anyText, async (field, procedure) => {
        const context = {
          channel: 'web' as const,
          ...(field ? { field } : {}),
          ...(procedure ? { procedure: `${procedure}-${++n}` } : {}),
        };
        const body = surveyBody({ context });
        const response = await server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body });
        assert.ok(response.statusCode === 201 || response.statusCode === 400, `${response.statusCode} ${response.body}`);
        if (response.statusCode === 400) {
          for (const error of response.json().errors) assert.match(error.path, /^context\.procedure$/);
          return;
        }
        accepted.push({ id: body.id, ...context });
      }),
      { numRuns: 2000 },
    );
    assert.ok(accepted.length > 200, `only ${accepted.length} accepted: the generator is too hostile to prove anything`);
    // Stored as NFC: the row holds exactly the canonical form of what was sent.
    const sample = accepted.find((a) => a.procedure && a.procedure !== a.procedure.normalize('NFC'));
    if (sample) {
      const row = await server.ctx.db.get<{ procedure: string }>('SELECT procedure_code AS procedure FROM survey_responses WHERE id = ?', [sample.id]);
      assert.equal(row?.procedure, sample.procedure!.normalize('NFC'));
    }
    // A field typed another way is stored as the list spells it: one department, one row.
    const fields = await server.ctx.db.all<{ field: string }>('SELECT DISTINCT field FROM survey_responses WHERE field IS NOT NULL');
    for (const { field } of fields) assert.ok(TEST_FIELDS.includes(field), field);
    const report = await auditUnit(server);
    assert.equal(report.ok, true, report.findings.filter((f) => f.status === 'bad').map((f) => f.text).join('\n'));
    assert.ok(report.findings.some((f) => f.text.includes(`cả ${accepted.length + 1} phiếu khớp`)), JSON.stringify(report.findings));
  });
});
