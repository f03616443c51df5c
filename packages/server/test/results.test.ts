import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  BNV_2023,
  HANOI_2025_WARD,
  parsePeriod,
  quarterOf,
  ratePercent,
  scoreTally,
  trendPeriods,
  validateAnswers,
  vietnamDate,
  type Answers,
  type CriterionTally,
  type Questionnaire,
  type Results,
  type SurveyResponse,
} from '@sipas/schema';
import { addToAggregates, criteriaOf, rebuildAggregates, snapshotAggregates } from '../src/results/aggregate.js';
import { ResultsStore } from '../src/results/store.js';
import { StaffStore } from '../src/staff/store.js';
import { demoResponses, seedDemoResponses } from '../src/surveys/demo.js';
import { SurveyStore } from '../src/surveys/store.js';
import { setSurveySettings, testApp } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;

const UNITS = [
  { id: 'tinh-a', name: 'Tỉnh A', parent: null, questionnaire: 'bnv-2023', allowedOrigins: [] },
  { id: 'phuong-a', name: 'Phường A', parent: 'tinh-a', questionnaire: 'bnv-2023', allowedOrigins: [] },
  { id: 'phuong-b', name: 'Phường B', parent: 'tinh-a', questionnaire: 'hanoi-2025-ward', allowedOrigins: [] },
  { id: 'xa-c', name: 'Xã C', parent: 'tinh-a', questionnaire: 'hanoi-2025-ward', allowedOrigins: [] },
  { id: 'xa-nho', name: 'Xã Nhỏ', parent: 'tinh-a', questionnaire: 'hanoi-2025-ward', allowedOrigins: [] },
];

/**
 * These figures are seed 002's, from responses sent over the open web: the units publish that
 * channel too (the default publishes verified dossiers and kiosks only; see the channels tests).
 */
async function openWebUnits(server: Server): Promise<void> {
  const fields = ['Tư pháp – Hộ tịch', 'Lao động – Thương binh và Xã hội', 'Địa chính – Xây dựng – Nông nghiệp – Môi trường', 'Địa chính – Xây dựng'];
  for (const unit of UNITS) await setSurveySettings(server, unit.id, { fields, publishedChannels: ['dossier', 'kiosk', 'web'] });
}

const HANOI_ITEMS = HANOI_2025_WARD.items.map((item) => item.id);

/** Forms of the Hà Nội questionnaire (16 items × 5 = 80 points) whose points add up to `total`. */
function formsWithPoints(forms: number, total: number): Answers[] {
  const cells = forms * HANOI_ITEMS.length;
  const values = new Array<number>(cells).fill(4);
  let diff = total - cells * 4;
  for (let i = 0; diff !== 0; i = (i + 1) % cells) {
    if (diff > 0 && values[i]! < 5) (values[i]! += 1), (diff -= 1);
    else if (diff < 0 && values[i]! > 1) (values[i]! -= 1), (diff += 1);
  }
  return Array.from({ length: forms }, (_, f) => Object.fromEntries(HANOI_ITEMS.map((id, i) => [id, values[f * HANOI_ITEMS.length + i]!])));
}

/**
 * 93 forms whose factor rates give seed 002's 2023 score: per factor, `satisfied` answers of 4–5
 * spread over its criteria, the rest 3; PAKN (factor E) "không áp dụng" on every form.
 */
function formsForScore(): Answers[] {
  const N = 93;
  const satisfied: Record<string, number> = { access: 237, procedure: 315, official: 245, result: 239 };
  const forms: Answers[] = Array.from({ length: N }, () => ({}));
  for (const factor of Object.keys(satisfied)) {
    const items = HANOI_2025_WARD.items.filter((item) => item.factor === factor);
    let left = satisfied[factor]!;
    items.forEach((item, i) => {
      const mine = Math.floor(left / (items.length - i));
      left -= mine;
      forms.forEach((answers, f) => (answers[item.id] = f < mine ? (f % 3 === 0 ? 5 : 4) : f % 2 ? 3 : 2));
    });
  }
  for (const answers of forms) for (const item of HANOI_2025_WARD.items.filter((x) => x.factor === 'feedback')) answers[item.id] = null;
  return forms;
}

const body = (unit: string, answers: Answers, field?: string, questionnaire = HANOI_2025_WARD): SurveyResponse => ({
  id: crypto.randomUUID(),
  unit,
  questionnaire: { id: questionnaire.id, version: questionnaire.version },
  answers,
  context: { channel: 'web', ...(field ? { field } : {}) },
});

const post = (server: Server, payload: SurveyResponse) =>
  server.app.inject({ method: 'POST', url: '/v1/surveys', payload: payload as object });

async function staffToken(server: Server, unit: string): Promise<string> {
  const username = `canbo-${unit}`;
  await new StaffStore(server.ctx.db).addUser({ unit, username, name: 'Cán bộ', role: 'staff', password: 'mat-khau-dai-du' });
  const response = await server.app.inject({ method: 'POST', url: '/v1/staff/sessions', payload: { unit, username, password: 'mat-khau-dai-du' } });
  return response.json().token as string;
}

describe('results: seed 002 end to end, responses in, report out', () => {
  let server: Server;
  let token: string;
  const quarter = quarterOf(new Date());
  before(async () => {
    server = await testApp({ units: UNITS, rateLimitPerMinute: 100_000 });
    await openWebUnits(server);
    const departments: [string, number, number][] = [
      ['Tư pháp – Hộ tịch', 25, 1771],
      ['Lao động – Thương binh và Xã hội', 12, 786],
      ['Địa chính – Xây dựng – Nông nghiệp – Môi trường', 8, 532],
    ];
    for (const [field, forms, points] of departments) {
      for (const answers of formsWithPoints(forms, points)) assert.equal((await post(server, body('phuong-b', answers, field))).statusCode, 201);
    }
    for (const answers of formsForScore()) assert.equal((await post(server, body('xa-c', answers))).statusCode, 201);
    token = await staffToken(server, 'phuong-b');
  });
  after(async () => server.dispose());

  const results = async (unit: string, period = quarter): Promise<Results> => {
    const response = await server.app.inject({ url: `/v1/units/${unit}/results?period=${period}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as Results;
  };
  const report = (unit: string, format: string, auth = token) =>
    server.app.inject({ url: `/v1/staff/units/${unit}/report?period=${quarter}&format=${format}`, headers: auth ? { authorization: `Bearer ${auth}` } : {} });

  it('per department: 25 forms 1771/2000 → 88,55 %, 786/960 → 81,87 %, 532/640 → 83,12 %', async () => {
    const unit = (await server.ctx.units.get('phuong-b'))!;
    const staff = (await new ResultsStore(server.ctx.db, server.ctx.units).results(unit, quarter, { audience: 'staff', defaultMinimum: 30 }))!;
    assert.equal(staff.forms, 45);
    assert.equal(staff.published, true);
    assert.deepEqual(
      staff.fields!.map((f) => [f.field, f.forms, f.points, f.maxPoints, ratePercent(f.pointsRate!)]),
      [
        ['Tư pháp – Hộ tịch', 25, 1771, 2000, 88.55],
        ['Lao động – Thương binh và Xã hội', 12, 786, 960, 81.87],
        ['Địa chính – Xây dựng – Nông nghiệp – Môi trường', 8, 532, 640, 83.12],
      ],
    );
    assert.deepEqual([staff.points, staff.maxPoints], [1771 + 786 + 532, 2000 + 960 + 640]);
    // In public, the unit's 45 forms publish its index, but no department reaches 30 on its own.
    const r = await results('phuong-b');
    assert.equal(r.published, true);
    assert.equal(ratePercent(r.pointsRate!), 85.8);
    assert.deepEqual(r.fields, [
      { field: 'Tư pháp – Hộ tịch', forms: 25, published: false },
      { field: 'Lao động – Thương binh và Xã hội', forms: 12, published: false },
      { field: 'Địa chính – Xây dựng – Nông nghiệp – Môi trường', forms: 8, published: false },
    ]);
  });

  it('per factor: 5,09 + 5,08 + 5,26 + 5,13 → 20,56/30 with PAKN unscored', async () => {
    const r = await results('xa-c');
    assert.equal(r.forms, 93);
    assert.deepEqual(r.factors!.map((f) => [f.factor, f.score]), [
      ['access', 5.09],
      ['procedure', 5.08],
      ['official', 5.26],
      ['result', 5.13],
      ['feedback', null],
    ]);
    assert.deepEqual(r.score, { total: 20.56, max: 30, scoredMax: 24 });
    const pakn = r.criteria!.filter((c) => c.factor === 'feedback');
    assert.deepEqual(pakn.map((c) => [c.valid, c.notApplicable, c.rate]), [[0, 93, null], [0, 93, null], [0, 93, null]]);
  });

  it('the CSV report has seed 002 table, the factor scores and the unit, period and forms', async () => {
    const csv = await report('phuong-b', 'csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="bao-cao-sipas-phuong-b-${quarter}.csv"`));
    const text = csv.body;
    assert.ok(text.startsWith('\uFEFF'), 'a BOM for Excel');
    assert.match(text, /^"Đơn vị","Phường B"$/m);
    assert.match(text, new RegExp(`^"Kỳ báo cáo","${parsePeriod(quarter)!.label.vi}`, 'm'));
    assert.match(text, /^"Số phiếu",45$/m);
    assert.match(text, /^1,"Tư pháp – Hộ tịch",25,1771,2000,"88,55\s?%"$/m);
    assert.match(text, /^2,"Lao động – Thương binh và Xã hội",12,786,960,"81,87\s?%"$/m);
    assert.match(text, /^3,"Địa chính – Xây dựng – Nông nghiệp – Môi trường",8,532,640,"83,12\s?%"$/m);
    assert.match(text, /^"","Toàn đơn vị",45,3089,3600,"85,80\s?%"$/m);
    assert.match(text, /^"","Tổng điểm","","","","30,00\/30"$/m);
  });

  it('the XLSX report holds the same figures as numbers', async () => {
    const xlsx = await report('phuong-b', 'xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    const rows: unknown[][] = [];
    let tuPhapRow = 0;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[1] === 'Tư pháp – Hộ tịch') tuPhapRow = row.number;
      rows.push(values);
    });
    assert.deepEqual(rows.find((row) => row[1] === 'Tư pháp – Hộ tịch'), [1, 'Tư pháp – Hộ tịch', 25, 1771, 2000, 0.8855]);
    assert.equal(sheet.getCell(`F${tuPhapRow}`).numFmt, '0.00%');
    assert.ok(rows.some((row) => row[0] === 'Số phiếu' && row[1] === 45), 'the header block holds numbers too');
  });

  it('the HTML report is a standalone A4 page with the tables and the 30-point total', async () => {
    const html = await report('xa-c', 'html', await staffToken(server, 'xa-c'));
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(html.body, /@page \{ size: A4 portrait/);
    assert.match(html.body, /<p class="unit">Xã C<\/p>/);
    assert.match(html.body, /<td class="n">5,09\/6<\/td>/);
    assert.match(html.body, /<td class="n">Không chấm điểm<\/td>/);
    assert.match(html.body, /<tr class="total"><td><\/td><td>Tổng điểm<\/td>.*20,56\/30/);
    assert.match(html.body, /Số phiếu<\/dt><dd>93<\/dd>/);
  });

  it('the staff report refuses without a session, and for a unit that is not the staff member’s', async () => {
    const anonymous = await report('phuong-b', 'csv', '');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'unauthenticated');
    const forged = await report('phuong-b', 'csv', 'st_invented');
    assert.equal(forged.statusCode, 401);
    const other = await report('xa-c', 'csv');
    assert.equal(other.statusCode, 403);
  });

  it('a province sees its units rolled up', async () => {
    const r = await results('tinh-a');
    assert.equal(r.forms, 45 + 93);
    assert.deepEqual(r.units.sort(), ['phuong-a', 'phuong-b', 'tinh-a', 'xa-c', 'xa-nho']);
    const provinceToken = await staffToken(server, 'tinh-a');
    const csv = await report('phuong-b', 'csv', provinceToken);
    assert.equal(csv.statusCode, 200, 'a province’s staff may read its wards’ reports');
  });

  it('publishes with cache headers and an ETag, and answers 304 while nothing changed', async () => {
    const first = await server.app.inject({ url: `/v1/units/phuong-b/results?period=${quarter}` });
    assert.match(String(first.headers['cache-control']), /public, max-age=60/);
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await server.app.inject({ url: `/v1/units/phuong-b/results?period=${quarter}`, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await post(server, body('phuong-b', formsWithPoints(1, 70)[0]!, 'Tư pháp – Hộ tịch'));
    const changed = await server.app.inject({ url: `/v1/units/phuong-b/results?period=${quarter}`, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().forms, 46);
  });

  it('defaults to the current quarter and refuses a period that is not one', async () => {
    const current = await server.app.inject({ url: '/v1/units/phuong-b/results' });
    assert.equal(current.json().period.id, quarter);
    for (const bad of ['2026-Q5', '2026-02-30..2026-03-01x', 'hom-nay', '2026-03-01..2026-02-01']) {
      const response = await server.app.inject({ url: `/v1/units/phuong-b/results?period=${encodeURIComponent(bad)}` });
      assert.equal(response.statusCode, 400, bad);
    }
    const missing = await server.app.inject({ url: '/v1/units/khong-co/results' });
    assert.equal(missing.statusCode, 404);
  });

  it('a trend of the last four periods of the same kind, oldest first', async () => {
    const r = await results('phuong-b');
    assert.deepEqual(r.trend.map((t) => t.period), trendPeriods(quarter));
    assert.equal(r.trend.at(-1)!.forms, r.forms);
    assert.deepEqual(trendPeriods('2026-Q1'), ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    assert.deepEqual(trendPeriods('2026-9M'), ['2023-9M', '2024-9M', '2025-9M', '2026-9M']);
    assert.deepEqual(trendPeriods('2026-01-11..2026-01-20', 2), ['2026-01-01..2026-01-10', '2026-01-11..2026-01-20']);
  });
});

describe('results: small numbers are not published', () => {
  let server: Server;
  before(async () => {
    server = await testApp({ units: UNITS, rateLimitPerMinute: 100_000 });
    await openWebUnits(server);
    for (const answers of formsWithPoints(29, 29 * 70)) await post(server, body('xa-nho', answers, 'Tư pháp – Hộ tịch'));
  });
  after(async () => server.dispose());

  it('below 30 forms only the count is public: no index, no factor, no criterion, no field rate', async () => {
    const r = (await server.app.inject({ url: '/v1/units/xa-nho/results' })).json() as Results;
    assert.equal(r.forms, 29);
    assert.equal(r.published, false);
    assert.equal(r.minimumForms, 30);
    for (const key of ['index', 'pointsRate', 'points', 'score', 'factors', 'criteria'] as const) assert.equal(r[key], undefined, key);
    assert.deepEqual(r.fields, [{ field: 'Tư pháp – Hộ tịch', forms: 29, published: false }]);
    assert.equal(r.trend.at(-1)!.index, undefined);
    assert.ok(!JSON.stringify(r).includes('rate"'), 'no rate anywhere in the public answer');
  });

  it('the 30th form publishes it; staff always see the figures, marked unpublished', async () => {
    const token = await staffToken(server, 'xa-nho');
    const csv = await server.app.inject({ url: '/v1/staff/units/xa-nho/report?format=csv', headers: { authorization: `Bearer ${token}` } });
    assert.match(csv.body, /Chưa đủ số phiếu tối thiểu để công bố công khai \(29\/30 phiếu\)/);
    assert.match(csv.body, /^1,"Tư pháp – Hộ tịch",29,2030,2320,/m);
    await post(server, body('xa-nho', formsWithPoints(1, 70)[0]!, 'Tư pháp – Hộ tịch'));
    const r = (await server.app.inject({ url: '/v1/units/xa-nho/results' })).json() as Results;
    assert.equal(r.published, true);
    assert.equal(typeof r.index, 'number');
  });

  it('a unit may set its own minimum', async () => {
    const unit = UNITS.find((u) => u.id === 'xa-nho')!;
    await server.ctx.units.upsert(unit, { minimumForms: 50 });
    const r = (await server.app.inject({ url: '/v1/units/xa-nho/results' })).json() as Results;
    assert.deepEqual([r.forms, r.minimumForms, r.published], [30, 50, false]);
  });
});

describe('results: the aggregates', () => {
  let server: Server;
  let store: SurveyStore;
  const hanoiV2: Questionnaire = {
    ...HANOI_2025_WARD,
    version: 2,
    items: [...HANOI_2025_WARD.items.filter((item) => item.id !== 'a2'), { ...HANOI_2025_WARD.items[0]!, id: 'a4', text: { vi: 'Có chỗ gửi xe' } }],
  };
  before(async () => {
    server = await testApp({ units: UNITS, rateLimitPerMinute: 100_000 });
    await openWebUnits(server);
    store = new SurveyStore(server.ctx.db);
    await server.ctx.units.saveQuestionnaire(hanoiV2);
  });
  after(async () => server.dispose());

  it('assign a response to its day in Vietnam time (UTC+7)', async () => {
    assert.equal(vietnamDate('2026-03-31T16:59:59.999Z'), '2026-03-31');
    assert.equal(vietnamDate('2026-03-31T17:00:00.000Z'), '2026-04-01');
    await store.insert(body('phuong-b', formsWithPoints(1, 80)[0]!), HANOI_2025_WARD, { receivedAt: '2025-03-31T17:30:00.000Z' });
    const q1 = (await server.app.inject({ url: '/v1/units/phuong-b/results?period=2025-Q1' })).json() as Results;
    const q2 = (await server.app.inject({ url: '/v1/units/phuong-b/results?period=2025-Q2' })).json() as Results;
    assert.deepEqual([q1.forms, q2.forms], [0, 1]);
  });

  it('incremental figures equal a rebuild and a full scan after many random inserts', async () => {
    const questionnaires = [HANOI_2025_WARD, hanoiV2, BNV_2023];
    const unitOf = (q: Questionnaire) => (q.id === 'bnv-2023' ? 'phuong-a' : 'phuong-b');
    const answer = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 1, max: 5 }), fc.constant(7), fc.constant('4'));
    const responseArb = fc.record({
      q: fc.integer({ min: 0, max: 2 }),
      // Anywhere in 2025–2026, to the millisecond, so midnight in Vietnam is crossed often.
      at: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') }),
      field: fc.constantFrom(undefined, 'Tư pháp – Hộ tịch', 'Địa chính – Xây dựng', 'Lao động – Thương binh và Xã hội'),
      answers: fc.array(answer, { minLength: 20, maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(responseArb, { minLength: 1, maxLength: 40 }), async (batch) => {
        for (const r of batch) {
          const q = questionnaires[r.q]!;
          const answers: Answers = {};
          q.items.forEach((item, i) => {
            const value = r.answers[i % 20];
            if (value !== undefined) answers[item.id] = value;
          });
          await store.insert(body(unitOf(q), answers, r.field, q), q, { receivedAt: new Date(r.at).toISOString() });
        }
        const incremental = await snapshotAggregates(server.ctx.db);
        const check = await rebuildAggregates(server.ctx.db, { check: true });
        assert.deepEqual(check.differences, []);
        await rebuildAggregates(server.ctx.db);
        assert.deepEqual(await snapshotAggregates(server.ctx.db), incremental);
      }),
      { numRuns: 12 },
    );

    // The served figures equal a full scan of the responses scored by @sipas/schema directly.
    const stored = await server.ctx.db.all<{ unit: string; questionnaire: string; questionnaire_version: number; answers: string; received_at: string }>(
      'SELECT unit, questionnaire, questionnaire_version, answers, received_at FROM survey_responses',
    );
    for (const period of ['2025', '2026-Q1', '2026-H1', '2026-9M', '2025-12-25..2026-01-05']) {
      const { from, to } = parsePeriod(period)!;
      const inPeriod = stored.filter((row) => ['tinh-a', 'phuong-a', 'phuong-b'].includes(row.unit) && vietnamDate(row.received_at) >= from && vietnamDate(row.received_at) <= to);
      const merged = new Map<string, CriterionTally>();
      for (const row of inPeriod) {
        const q = questionnaires.find((x) => x.id === row.questionnaire && x.version === Number(row.questionnaire_version))!;
        for (const c of criteriaOf(q, JSON.parse(row.answers) as Answers)) {
          const name = `${row.questionnaire}:${c.item}`;
          const sum = merged.get(name) ?? { ...c, counts: [0, 0, 0, 0, 0], notApplicable: 0 };
          c.counts.forEach((n, i) => (sum.counts[i]! += n));
          sum.notApplicable += c.notApplicable;
          merged.set(name, sum);
        }
      }
      const scan = scoreTally({ forms: inPeriod.length, criteria: [...merged.values()] });
      const served = (await server.app.inject({ url: `/v1/units/tinh-a/results?period=${period}` })).json() as Results;
      assert.equal(served.forms, scan.forms, period);
      if (scan.forms < 30) continue;
      assert.equal(served.points, scan.points, period);
      assert.equal(served.maxPoints, scan.maxPoints, period);
      assert.ok(Math.abs(served.index! - scan.index!) < 1e-12, period);
      const key = (c: { questionnaire?: string; item: string }) => c.item;
      assert.deepEqual(
        served.criteria!.map((c) => `${key(c)} ${c.valid} ${c.satisfied} ${c.notApplicable} ${c.points}`).sort(),
        scan.criteria.map((c) => `${c.item} ${c.valid} ${c.satisfied} ${c.notApplicable} ${c.points}`).sort(),
        period,
      );
    }
  });

  it('a year of a unit reads from the aggregates alone, whatever the number of responses', async () => {
    // A year of aggregates as a busy unit would have them: 365 days × 4 fields × 16 criteria,
    // each row standing for ~170 forms (≈ 1,000,000 forms a year). The read cost depends on
    // these rows, never on the responses.
    const fields = ['Tư pháp – Hộ tịch', 'Lao động – Thương binh và Xã hội', 'Địa chính – Xây dựng', ''];
    // Written through the server's own aggregate path, so the month, quarter and year roll-ups
    // hold them too.
    await server.ctx.db.transaction(async (tx) => {
      const criteria = HANOI_2025_WARD.items.map((item) => ({ item: item.id, factor: item.factor!, counts: [5, 10, 60, 300, 300] as CriterionTally['counts'], notApplicable: 10 }));
      for (let d = 0; d < 365; d++) {
        const day = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        for (const field of fields) {
          await addToAggregates(tx, { unit: 'xa-nho', day, questionnaire: 'hanoi-2025-ward', version: 1, field, source: 'web' }, 685, criteria);
        }
      }
    });
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await server.app.inject({ url: `/v1/units/xa-nho/results?period=2024&n=${i}` });
      timings.push(performance.now() - started);
      assert.equal(response.json().forms, 365 * 4 * 685);
    }
    // No response of this unit exists: the figures can only have come from the aggregates. How fast
    // that is belongs to bench/results.bench.mjs, not to a timed assertion on a shared machine.
    const responses = await server.ctx.db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM survey_responses WHERE unit = 'xa-nho'");
    assert.equal(Number(responses!.n), 0);
    console.log(`  a year of ${365 * 4 * 685} forms (4 years of trend included): ${Math.min(...timings).toFixed(1)} ms`);
  });
});

describe('results: the demo season', () => {
  let server: Server;
  before(async () => {
    server = await testApp({ units: [...UNITS, { id: 'phuong-tan-hoa', name: 'UBND phường Tân Hòa', parent: 'tinh-a', questionnaire: 'bnv-2023', allowedOrigins: [] }] });
  });
  after(async () => server.dispose());

  it('is valid, deterministic, idempotent and publishes the current quarter', async () => {
    const now = new Date();
    const season = demoResponses('phuong-tan-hoa', BNV_2023, now);
    assert.deepEqual(demoResponses('phuong-tan-hoa', BNV_2023, now), season, 'deterministic');
    for (const { response } of season) assert.deepEqual(validateAnswers(BNV_2023, response.answers, { demographics: false }), []);
    const fields = new Set(season.map((s) => s.response.context.field));
    assert.ok(fields.has('Tư pháp – Hộ tịch') && fields.has('Địa chính – Xây dựng'));
    const started = performance.now();
    await seedDemoResponses(server.ctx, 'phuong-tan-hoa', now);
    const first = performance.now() - started;
    const count = async () => Number((await server.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses'))!.n);
    assert.equal(await count(), season.length);
    const again = performance.now();
    await seedDemoResponses(server.ctx, 'phuong-tan-hoa', now);
    console.log(`  demo season: ${season.length} responses in ${first.toFixed(0)} ms; again in ${(performance.now() - again).toFixed(1)} ms`);
    assert.equal(await count(), season.length, 'idempotent');
    const r = (await server.app.inject({ url: '/v1/units/phuong-tan-hoa/results' })).json() as Results;
    assert.equal(r.published, true);
    assert.ok(r.index! > 0.6 && r.index! < 0.98, `a believable index: ${r.index}`);
    assert.ok(r.trend.every((t) => t.forms >= 30), 'four quarters of trend');
    assert.ok(season.every((s) => s.receivedAt <= now.toISOString()), 'nothing from the future');
  });
});
