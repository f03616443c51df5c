import { FACTOR_IDS, scoredItems, type FactorId, type Questionnaire } from './questionnaire.js';
import type { Answers } from './survey.js';
import { roundTo, type Rounding } from './rules/numbers.js';


/**
 * Scoring by the SIPAS rules, as pure functions over tallies so that the same code serves a
 * full scan, an incremental aggregate and a test. Rates are fractions (0.8855); format them for
 * people with `formatPercent`.
 */

/** Answer counts of one criterion: `counts[0]` is the number of 1s … `counts[4]` the number of 5s. */
export interface CriterionTally {
  item: string;
  factor: FactorId;
  counts: [number, number, number, number, number];
  notApplicable: number;
}

/** Tallies of a set of responses, one per scored criterion, plus the number of forms. */
export interface Tally {
  forms: number;
  criteria: CriterionTally[];
}

export function emptyTally(questionnaire: Questionnaire): Tally {
  return {
    forms: 0,
    criteria: scoredItems(questionnaire).map((item) => ({
      item: item.id,
      factor: item.factor as FactorId,
      counts: [0, 0, 0, 0, 0],
      notApplicable: 0,
    })),
  };
}

/** Adds one response's answers to a tally (in place). Unanswered and non-rating values are ignored. */
export function addToTally(tally: Tally, answers: Answers): Tally {
  tally.forms += 1;
  for (const criterion of tally.criteria) {
    const value = answers[criterion.item];
    if (value === null) criterion.notApplicable += 1;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
      criterion.counts[value - 1]! += 1;
    }
  }
  return tally;
}

export function tallyResponses(questionnaire: Questionnaire, responses: Iterable<{ answers: Answers }>): Tally {
  const tally = emptyTally(questionnaire);
  for (const response of responses) addToTally(tally, response.answers);
  return tally;
}

/** Valid answers: levels 1–5. "Không áp dụng" and unanswered are not scores. */
export function validCount(counts: readonly number[]): number {
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Answers of 4 (Hài lòng) or 5 (Rất hài lòng). */
export function satisfiedCount(counts: readonly number[]): number {
  return (counts[3] ?? 0) + (counts[4] ?? 0);
}

/** Satisfaction rate of a criterion: answers 4–5 ÷ valid answers; null when nobody answered. */
export function satisfactionRate(counts: readonly number[]): number | null {
  const valid = validCount(counts);
  return valid === 0 ? null : satisfiedCount(counts) / valid;
}

/** Sum of the levels answered (the points view of seed 002). */
export function pointsOf(counts: readonly number[]): number {
  return counts.reduce((sum, n, index) => sum + n * (index + 1), 0);
}

/** The most points the valid answers could have earned: 5 each. */
export function maxPointsOf(counts: readonly number[]): number {
  return validCount(counts) * 5;
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/**
 * How the overall index is built from criteria. The methodology annex was not verified, so the
 * rule is a named option:
 * - `mean-of-factors` (default): mean of the factor indexes, each the mean of its criteria rates;
 * - `mean-of-criteria`: mean of all criteria rates, every criterion weighing the same;
 * - `pooled`: all answers 4–5 ÷ all valid answers.
 */
export const AGGREGATION_RULES = ['mean-of-factors', 'mean-of-criteria', 'pooled'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export interface CriterionResult {
  item: string;
  factor: FactorId;
  valid: number;
  satisfied: number;
  notApplicable: number;
  rate: number | null;
  points: number;
  maxPoints: number;
}

export interface FactorResult {
  factor: FactorId;
  valid: number;
  /** Mean of the factor's criteria rates; null when none was answered. */
  rate: number | null;
  points: number;
  maxPoints: number;
  /** points ÷ maxPoints; null when none was answered. */
  pointsRate: number | null;
}

export interface ScoredResults {
  forms: number;
  aggregation: AggregationRule;
  criteria: CriterionResult[];
  factors: FactorResult[];
  /** The overall index by the chosen aggregation rule. */
  index: number | null;
  points: number;
  maxPoints: number;
  pointsRate: number | null;
}

export function scoreTally(tally: Tally, aggregation: AggregationRule = 'mean-of-factors'): ScoredResults {
  const criteria: CriterionResult[] = tally.criteria.map((criterion) => ({
    item: criterion.item,
    factor: criterion.factor,
    valid: validCount(criterion.counts),
    satisfied: satisfiedCount(criterion.counts),
    notApplicable: criterion.notApplicable,
    rate: satisfactionRate(criterion.counts),
    points: pointsOf(criterion.counts),
    maxPoints: maxPointsOf(criterion.counts),
  }));
  const factors: FactorResult[] = FACTOR_IDS.filter((factor) => criteria.some((c) => c.factor === factor)).map(
    (factor) => {
      const own = criteria.filter((c) => c.factor === factor);
      const points = own.reduce((sum, c) => sum + c.points, 0);
      const maxPoints = own.reduce((sum, c) => sum + c.maxPoints, 0);
      return {
        factor,
        valid: own.reduce((sum, c) => sum + c.valid, 0),
        rate: mean(own.map((c) => c.rate)),
        points,
        maxPoints,
        pointsRate: maxPoints === 0 ? null : points / maxPoints,
      };
    },
  );
  const points = criteria.reduce((sum, c) => sum + c.points, 0);
  const maxPoints = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const valid = criteria.reduce((sum, c) => sum + c.valid, 0);
  const satisfied = criteria.reduce((sum, c) => sum + c.satisfied, 0);
  const index =
    aggregation === 'mean-of-factors'
      ? mean(factors.map((f) => f.rate))
      : aggregation === 'mean-of-criteria'
        ? mean(criteria.map((c) => c.rate))
        : valid === 0
          ? null
          : satisfied / valid;
  return {
    forms: tally.forms,
    aggregation,
    criteria,
    factors,
    index,
    points,
    maxPoints,
    pointsRate: maxPoints === 0 ? null : points / maxPoints,
  };
}

export interface CommuneScore {
  factors: { factor: FactorId; score: number | null }[];
  /** Sum of the scored factors, each already cut to two decimals, as the published table adds them. */
  total: number;
  /** 6 × 5 = 30, as published even when a factor is unscored. */
  max: number;
  /** 6 × the factors that were scored. */
  scoredMax: number;
}

/**
 * The commune score of seed 002: each factor is worth `pointsPerFactor` (6) points, its rate × 6;
 * a factor with no cases (rate null) is not scored. 2023: 5,09 + 5,08 + 5,26 + 5,13 = 20,56/30.
 */
export function communeScore(
  factorRates: Partial<Record<FactorId, number | null>>,
  options: { pointsPerFactor?: number; rounding?: Rounding } = {},
): CommuneScore {
  const perFactor = options.pointsPerFactor ?? 6;
  const factors = FACTOR_IDS.map((factor) => {
    const rate = factorRates[factor];
    return { factor, score: rate === null || rate === undefined ? null : roundTo(rate * perFactor, 2, options.rounding) };
  });
  const scored = factors.filter((f): f is { factor: FactorId; score: number } => f.score !== null);
  // Sum in hundredths so 5.09 + 5.08 + 5.26 + 5.13 is exactly 20.56.
  const total = scored.reduce((sum, f) => sum + Math.round(f.score * 100), 0) / 100;
  return { factors, total, max: perFactor * FACTOR_IDS.length, scoredMax: perFactor * scored.length };
}
