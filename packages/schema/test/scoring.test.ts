import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  communeScore,
  emptyTally,
  formatPercent,
  formatScore,
  HANOI_2025_WARD,
  BNV_2023,
  ratePercent,
  roundTo,
  satisfactionRate,
  scoreTally,
  tallyResponses,
  type Answers,
} from '../src/index.js';

/** Forms of the Hà Nội ward questionnaire (16 items) whose points add up to `total`. */
function formsWithPoints(forms: number, total: number): { answers: Answers }[] {
  const items = HANOI_2025_WARD.items.map((item) => item.id);
  const cells = forms * items.length;
  // Start everyone at 4, then move single answers up or down until the sum is right.
  const values = new Array<number>(cells).fill(4);
  let diff = total - cells * 4;
  for (let i = 0; diff !== 0; i = (i + 1) % cells) {
    if (diff > 0 && values[i]! < 5) (values[i]! += 1), (diff -= 1);
    else if (diff < 0 && values[i]! > 1) (values[i]! -= 1), (diff += 1);
  }
  return Array.from({ length: forms }, (_, f) => ({
    answers: Object.fromEntries(items.map((id, i) => [id, values[f * items.length + i]!])),
  }));
}

describe('seed 002: the points view', () => {
  it('Tư pháp–Hộ tịch: 25 forms, 1771/2000 → 88,55 %', () => {
    const results = scoreTally(tallyResponses(HANOI_2025_WARD, formsWithPoints(25, 1771)));
    assert.equal(results.forms, 25);
    assert.equal(results.points, 1771);
    assert.equal(results.maxPoints, 2000);
    assert.equal(ratePercent(results.pointsRate!), 88.55);
    assert.match(formatPercent(results.pointsRate!), /^88,55\s?%$/);
  });

  it('LĐTB&XH 786/960 and ĐC-XD-NN-MT 532/640 are cut, not rounded, as the seed prints them', () => {
    const ldtb = scoreTally(tallyResponses(HANOI_2025_WARD, formsWithPoints(12, 786)));
    assert.deepEqual([ldtb.points, ldtb.maxPoints], [786, 960]);
    assert.equal(ratePercent(ldtb.pointsRate!), 81.87);
    const dc = scoreTally(tallyResponses(HANOI_2025_WARD, formsWithPoints(8, 532)));
    assert.deepEqual([dc.points, dc.maxPoints], [532, 640]);
    assert.equal(ratePercent(dc.pointsRate!), 83.12);
    assert.equal(ratePercent(786 / 960, 'half-up'), 81.88);
  });
});

describe('seed 002: the 30-point commune score', () => {
  it('5,09 + 5,08 + 5,26 + 5,13 → 20,56/30 with PAKN unscored', () => {
    const score = communeScore({ access: 0.8484, procedure: 0.8467, official: 0.8767, result: 0.855, feedback: null });
    assert.deepEqual(
      score.factors.map((f) => f.score),
      [5.09, 5.08, 5.26, 5.13, null],
    );
    assert.equal(score.total, 20.56);
    assert.equal(score.max, 30);
    assert.equal(score.scoredMax, 24);
    assert.equal(formatScore(score.total), '20,56');
  });
});

describe('satisfaction rates', () => {
  it('counts 4 and 5 over valid answers; "không áp dụng" and unanswered do not count', () => {
    const tally = tallyResponses(BNV_2023, [
      { answers: { q15: 5, q31: null } },
      { answers: { q15: 4 } },
      { answers: { q15: 3, q31: 2 } },
      { answers: { q15: 1 } },
    ]);
    const results = scoreTally(tally);
    const q15 = results.criteria.find((c) => c.item === 'q15')!;
    assert.deepEqual([q15.valid, q15.satisfied, q15.rate], [4, 2, 0.5]);
    const q31 = results.criteria.find((c) => c.item === 'q31')!;
    assert.deepEqual([q31.valid, q31.notApplicable, q31.rate], [1, 1, 0]);
  });

  it('no responses: every rate is null, nothing divides by zero', () => {
    const results = scoreTally(emptyTally(BNV_2023));
    assert.equal(results.forms, 0);
    assert.equal(results.index, null);
    assert.equal(results.pointsRate, null);
    assert.ok(results.factors.every((f) => f.rate === null && f.pointsRate === null));
    assert.equal(satisfactionRate([0, 0, 0, 0, 0]), null);
  });

  it('all unanswered: forms are counted, rates stay null', () => {
    const results = scoreTally(tallyResponses(BNV_2023, [{ answers: {} }, { answers: { q31: null } }]));
    assert.equal(results.forms, 2);
    assert.equal(results.index, null);
  });

  it('a factor with no answers is left out of the mean, not counted as zero', () => {
    const answers: Answers = {};
    for (const item of BNV_2023.items) if (item.factor !== 'feedback') answers[item.id] = 5;
    const results = scoreTally(tallyResponses(BNV_2023, [{ answers }]));
    assert.equal(results.factors.find((f) => f.factor === 'feedback')!.rate, null);
    assert.equal(results.index, 1);
    const score = communeScore(Object.fromEntries(results.factors.map((f) => [f.factor, f.rate])));
    assert.equal(score.total, 24);
    assert.equal(score.scoredMax, 24);
  });

  it('the aggregation rule is a named option', () => {
    // access: two criteria at 100 % and 0 %; procedure: one at 100 %, answered by more people.
    const tally = tallyResponses(BNV_2023, [
      { answers: { q15: 5, q16: 1, q19: 5 } },
      { answers: { q19: 5 } },
      { answers: { q19: 5 } },
    ]);
    assert.equal(scoreTally(tally, 'mean-of-factors').index, (0.5 + 1) / 2);
    assert.equal(scoreTally(tally, 'mean-of-criteria').index, (1 + 0 + 1) / 3);
    assert.equal(scoreTally(tally, 'pooled').index, 4 / 5);
  });
});

describe('rounding', () => {
  it('truncates through binary noise and rounds half up on request', () => {
    assert.equal(roundTo(88.55, 2), 88.55);
    assert.equal(roundTo(0.8855 * 100, 2), 88.55);
    assert.equal(roundTo(81.875, 2), 81.87);
    assert.equal(roundTo(81.875, 2, 'half-up'), 81.88);
  });
});
