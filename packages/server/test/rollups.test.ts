import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BNV_2023,
  parsePeriod,
  scoreTally,
  vietnamDate,
  type Answers,
  type CriterionTally,
  type Results,
  type SurveyResponse,
} from '@sipas/schema';
import { listMigrations } from '../src/db/migrate.js';
import { formatReport } from '../src/log/audit.js';
import { criteriaOf, rebuildAggregates, snapshotAggregates } from '../src/results/aggregate.js';
import { periodCover, rollupPeriods } from '../src/results/rollups.js';
import { ResultsStore } from '../src/results/store.js';
import { SurveyStore } from '../src/surveys/store.js';
import type { StoredUnit } from '../src/units/store.js';
import { auditUnit, fullAnswers, setSurveySettings, testApp, TEST_FIELDS } from './helpers.js';

/**
 * Month, quarter and year roll-ups of the result aggregates (docs/results.md): kept in the same
 * transaction as each response, read for whole months, quarters and years, with the days at a
 * period's edges read from the per-day aggregates — on SQLite and PostgreSQL alike
 * (SIPAS_TEST_DATABASE=postgres).
 */
type Server = Awaited<ReturnType<typeof testApp>>;

describe('roll-ups: which rows a period reads', () => {
  it('a day counts in its year, quarter and month', () => {
    assert.deepEqual(rollupPeriods('2025-03-31'), ['2025', '2025-Q1', '2025-03']);
    assert.deepEqual(rollupPeriods('2025-04-01'), ['2025', '2025-Q2', '2025-04']);
    assert.deepEqual(rollupPeriods('2026-12-31'), ['2026', '2026-Q4', '2026-12']);
  });

  it('quý, 6 tháng, 9 tháng and cả năm are whole roll-ups; a date range adds the days at its edges', () => {
    const cover = (id: string) => {
      const { from, to } = parsePeriod(id)!;
      return periodCover(from, to);
    };
    assert.deepEqual(cover('2025'), { periods: ['2025'], days: [] });
    assert.deepEqual(cover('2025-Q3'), { periods: ['2025-Q3'], days: [] });
    assert.deepEqual(cover('2025-H1'), { periods: ['2025-Q1', '2025-Q2'], days: [] });
    assert.deepEqual(cover('2025-9M'), { periods: ['2025-Q1', '2025-Q2', '2025-Q3'], days: [] });
    assert.deepEqual(cover('2025-01-15..2025-03-10'), { periods: ['2025-02'], days: [['2025-01-15', '2025-01-31'], ['2025-03-01', '2025-03-10']] });
    assert.deepEqual(cover('2024-11-20..2026-02-03'), {
      periods: ['2024-12', '2025', '2026-01'],
      days: [['2024-11-20', '2024-11-30'], ['2026-02-01', '2026-02-03']],
    });
    assert.deepEqual(cover('2025-02-01..2025-08-31'), { periods: ['2025-02', '2025-03', '2025-Q2', '2025-07', '2025-08'], days: [] });
    // Two partial months side by side are one range of days; a range inside a month is its days.
    assert.deepEqual(cover('2025-01-20..2025-02-10'), { periods: [], days: [['2025-01-20', '2025-02-10']] });
    assert.deepEqual(cover('2025-02-03..2025-02-03'), { periods: [], days: [['2025-02-03', '2025-02-03']] });
    assert.deepEqual(cover('2024-02-01..2024-02-29'), { periods: ['2024-02'], days: [] });
  });
});

describe('roll-ups: kept with every response, equal to a full recomputation', () => {
  let server: Server;
  let store: SurveyStore;
  let results: ResultsStore;
  let unit: StoredUnit;
  const sent: Array<{ response: SurveyResponse; receivedAt: string; source: 'kiosk' | 'web' }> = [];

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 100_000 });
    await setSurveySettings(server, 'phuong-a', { fields: TEST_FIELDS, publishedChannels: ['dossier', 'kiosk', 'web'] });
    store = new SurveyStore(server.ctx.db);
    results = new ResultsStore(server.ctx.db, server.ctx.units);
    unit = (await server.ctx.units.get('phuong-a'))!;
    // Responses over two years, around Vietnam's midnight at month, quarter and year ends, sent
    // in concurrent waves so that they commit in groups.
    const instants: string[] = [];
    for (let month = 0; month < 24; month++) {
      const year = 2024 + Math.floor(month / 12);
      const m = month % 12;
      for (const [day, hour] of [[1, 2], [9, 9], [17, 12]] as const) instants.push(new Date(Date.UTC(year, m, day, hour)).toISOString());
      // 16:59:59.999 UTC is the month's last moment in Vietnam; 17:00 is the next month's first.
      const last = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
      instants.push(new Date(Date.UTC(year, m, last, 16, 59, 59, 999)).toISOString(), new Date(Date.UTC(year, m, last, 17)).toISOString());
    }
    for (let wave = 0; wave < instants.length; wave += 20) {
      await Promise.all(
        instants.slice(wave, wave + 20).map(async (receivedAt, i) => {
          const n = wave + i;
          const answers: Answers = fullAnswers((n % 5) + 1);
          if (n % 7 === 0) answers.q16 = null;
          const response: SurveyResponse = {
            id: crypto.randomUUID(),
            unit: 'phuong-a',
            questionnaire: { id: 'bnv-2023', version: 1 },
            answers,
            context: { channel: 'web', ...(n % 3 ? { field: TEST_FIELDS[n % TEST_FIELDS.length]! } : {}) },
          };
          const source = n % 4 === 0 ? 'kiosk' : 'web';
          const outcome = await store.insert(response, BNV_2023, { receivedAt, source });
          assert.equal(outcome.kind, 'created');
          sent.push({ response, receivedAt, source });
        }),
      );
    }
  });
  after(async () => server.dispose());

  it('stores month, quarter and year rows, and rebuild-results --check finds them equal to a recomputation', async () => {
    const rows = await snapshotAggregates(server.ctx.db, 'phuong-a');
    for (const period of ['2024', '2025', '2024-Q4', '2025-Q1', '2025-01', '2025-12']) {
      assert.ok(rows.some((row) => row.startsWith(`forms phuong-a ${period} bnv-2023@1 `)), period);
    }
    const check = await rebuildAggregates(server.ctx.db, { check: true });
    assert.equal(check.responses, sent.length);
    assert.deepEqual(check.differences, []);
    assert.ok(check.rollupRows > 0);
  });

  it('serves every kind of period with the figures of a full scan of the responses', async () => {
    const periods = ['2025-Q1', '2024-Q4', '2025-H1', '2025-9M', '2025', '2024', '2025-01-15..2025-03-10', '2024-11-20..2025-02-03', '2025-03-31..2025-04-01', '2024-01-01..2025-12-31'];
    for (const period of periods) {
      const { from, to } = parsePeriod(period)!;
      const inPeriod = sent.filter(({ receivedAt }) => vietnamDate(receivedAt) >= from && vietnamDate(receivedAt) <= to);
      const merged = new Map<string, CriterionTally>();
      for (const { response } of inPeriod) {
        for (const c of criteriaOf(BNV_2023, response.answers)) {
          const sum = merged.get(c.item) ?? { ...c, counts: [0, 0, 0, 0, 0], notApplicable: 0 };
          c.counts.forEach((n, i) => (sum.counts[i]! += n));
          sum.notApplicable += c.notApplicable;
          merged.set(c.item, sum);
        }
      }
      const scan = scoreTally({ forms: inPeriod.length, criteria: [...merged.values()] });
      const served = (await results.results(unit, period, { audience: 'staff', defaultMinimum: 1 }))!;
      assert.equal(served.forms, scan.forms, period);
      assert.ok(served.forms > 0, period);
      assert.equal(served.points, scan.points, period);
      assert.equal(served.maxPoints, scan.maxPoints, period);
      assert.deepEqual(
        served.criteria!.map((c) => `${c.item} ${c.valid} ${c.satisfied} ${c.notApplicable}`),
        scan.criteria.map((c) => `${c.item} ${c.valid} ${c.satisfied} ${c.notApplicable}`),
        period,
      );
      const channels = Object.fromEntries(served.channels!.map((c) => [c.channel, c.forms]));
      assert.equal(channels.kiosk, inPeriod.filter((r) => r.source === 'kiosk').length, period);
      assert.equal(channels.web, inPeriod.filter((r) => r.source === 'web').length, period);
    }
    // Over HTTP, as a badge reads it.
    const year = (await server.app.inject({ url: '/v1/units/phuong-a/results?period=2025' })).json() as Results;
    assert.equal(year.forms, sent.filter(({ receivedAt }) => vietnamDate(receivedAt).startsWith('2025-')).length);
  });

  it('a response rolled back inside a commit group leaves nothing in the day rows nor the roll-ups', async () => {
    const before = await snapshotAggregates(server.ctx.db, 'phuong-a');
    const receivedAt = '2025-05-05T03:00:00.000Z';
    const withDossier = (dossier: string): SurveyResponse => ({
      id: crypto.randomUUID(),
      unit: 'phuong-a',
      questionnaire: { id: 'bnv-2023', version: 1 },
      answers: fullAnswers(5),
      context: { channel: 'web', dossier },
    });
    // Sent together, they commit in one group; the second claims the same dossier and is refused
    // inside the transaction, after its aggregates were added to the group's batch.
    const outcomes = await Promise.all(['HS-0001', 'HS-0001', 'HS-0002'].map((dossier) => store.insert(withDossier(dossier), BNV_2023, { receivedAt, source: 'dossier' })));
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['created', 'created', 'dossier-taken']);
    const after = await snapshotAggregates(server.ctx.db, 'phuong-a');
    for (const period of ['2025-05-05', '2025-05', '2025-Q2', '2025']) {
      assert.ok(after.includes(`forms phuong-a ${period} bnv-2023@1 [] dossier 2`), `${period}: ${after.filter((r) => r.includes(' dossier ')).join('\n')}`);
    }
    assert.notDeepEqual(after, before);
    assert.deepEqual((await rebuildAggregates(server.ctx.db, { check: true })).differences, []);
  });

  it('the migration computes the roll-ups of aggregates stored before it', async () => {
    const stored = await snapshotAggregates(server.ctx.db);
    await server.ctx.db.exec('DROP TABLE result_rollup_items; DROP TABLE result_rollup_forms');
    const migration = listMigrations(server.ctx.db.dialect).find((m) => m.file.startsWith('0095_'))!;
    await server.ctx.db.transaction((tx) => tx.exec(migration.sql));
    assert.deepEqual(await snapshotAggregates(server.ctx.db), stored);
  });

  it('a multiplied roll-up is caught by rebuild-results --check and named by the audit', async () => {
    await server.ctx.db.run("UPDATE result_rollup_forms SET forms = forms * 2 WHERE unit = 'phuong-a' AND period = '2025-Q1' AND source = 'kiosk' AND field = ''");
    await server.ctx.db.run("UPDATE result_rollup_items SET n5 = n5 + 100 WHERE unit = 'phuong-a' AND period = '2025-03' AND item = 'q15'");
    const check = await rebuildAggregates(server.ctx.db, { check: true });
    assert.ok(check.differences!.some((row) => /^- forms phuong-a 2025-Q1 bnv-2023@1 \[\] kiosk \d+$/.test(row)), check.differences!.join('\n'));
    assert.ok(check.differences!.some((row) => row.startsWith('- item phuong-a 2025-03 bnv-2023@1 ')), check.differences!.join('\n'));

    const report = await auditUnit(server);
    assert.equal(report.ok, false);
    assert.equal(report.aggregatesAltered, true);
    const text = formatReport(report);
    assert.match(text, /✗ SỐ LIỆU TỔNG HỢP KẾT QUẢ BỊ SỬA: quý I năm 2025 \(số liệu cộng dồn\), phiếu bnv-2023@1: kết quả ghi (\d+) phiếu nhưng tính lại từ các phiếu trong hòm chỉ được \d+ phiếu \(gấp 2 lần\)\./);
    assert.match(text, /dòng điểm theo tiêu chí khác với điểm tính lại/);
    // The box itself is untouched.
    assert.ok(report.findings.some((f) => f.status === 'ok' && /phiếu khớp/.test(f.text)));

    // A rebuild puts them right.
    await rebuildAggregates(server.ctx.db);
    assert.deepEqual((await rebuildAggregates(server.ctx.db, { check: true })).differences, []);
    assert.equal((await auditUnit(server)).ok, true);
  });
});
