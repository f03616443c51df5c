import {
  AGGREGATION_RULES,
  communeScore,
  LEGACY_SOURCE,
  RESPONSE_SOURCES,
  parsePeriod,
  BNV_2023,
  scoreTally,
  trendPeriods,
  type AggregationRule,
  type CriterionTally,
  type FactorId,
  type Questionnaire,
  type Results,
  type Rounding,
} from '@sipas/schema';
import type { Database, SqlValue } from '../db/database.js';
import { periodCover } from './rollups.js';
import { publishedSources } from '../surveys/settings.js';
import type { StoredUnit, UnitStore } from '../units/store.js';

interface FormsRow {
  questionnaire: string;
  version: number;
  field: string;
  source: string;
  forms: number;
}

interface ItemRow {
  questionnaire: string;
  version: number;
  field: string;
  source: string;
  item: string;
  factor: string;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  na: number;
}

/** What the aggregates hold for a set of units and days: never a response, only sums. */
interface Sums {
  forms: FormsRow[];
  items: ItemRow[];
}

/** How a unit publishes: its own settings, else the server's. */
export interface PublicationRules {
  minimumForms: number;
  aggregation: AggregationRule;
  rounding: Rounding;
}

export function publicationRules(unit: StoredUnit, defaultMinimum: number): PublicationRules {
  const { minimumForms, aggregation, rounding } = unit.settings as Record<string, unknown>;
  return {
    minimumForms: typeof minimumForms === 'number' && Number.isInteger(minimumForms) && minimumForms >= 0 ? minimumForms : defaultMinimum,
    aggregation: AGGREGATION_RULES.includes(aggregation as AggregationRule) ? (aggregation as AggregationRule) : 'mean-of-factors',
    rounding: rounding === 'half-up' ? 'half-up' : 'truncate',
  };
}

/** The sums of the channels `keep` accepts. */
function only(sums: Sums, keep: (source: string) => boolean): Sums {
  return { forms: sums.forms.filter((row) => keep(row.source)), items: sums.items.filter((row) => keep(row.source)) };
}

/** One collator for every read: `localeCompare(…, 'vi')` builds a new one at each comparison. */
const VIETNAMESE = new Intl.Collator('vi');

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Reads results from the aggregate tables and scores them with @sipas/schema's rules. */
export class ResultsStore {
  /** Questionnaire versions never change once stored, so they are kept for the process's life. */
  private readonly questionnaires = new Map<string, Promise<Questionnaire | undefined>>();

  constructor(
    private readonly db: Database,
    private readonly units: UnitStore,
  ) {}

  private questionnaire(id: string, version: number): Promise<Questionnaire | undefined> {
    const name = `${id}@${version}`;
    let found = this.questionnaires.get(name);
    if (!found) this.questionnaires.set(name, (found = this.units.questionnaire(id, version)));
    return found;
  }

  /**
   * The sums of `units` over the days `from`…`to`: whole years, quarters and months from the
   * roll-ups, the days at the edges from the per-day aggregates (periodCover) — a year is one
   * roll-up period's rows, whatever the number of responses behind it.
   */
  async sums(units: readonly string[], from: string, to: string): Promise<Sums> {
    const cover = periodCover(from, to);
    const unitsIn = `unit IN (${placeholders(units.length)})`;
    const parts: Array<(columns: string, table: 'forms' | 'items') => string> = [];
    const params: SqlValue[] = [];
    if (cover.periods.length > 0) {
      parts.push((columns, table) => `SELECT ${columns} FROM result_rollup_${table} WHERE ${unitsIn} AND period IN (${placeholders(cover.periods.length)})`);
      params.push(...units, ...cover.periods);
    }
    for (const [first, last] of cover.days) {
      parts.push((columns, table) => `SELECT ${columns} FROM result_${table} WHERE ${unitsIn} AND day >= ? AND day <= ?`);
      params.push(...units, first, last);
    }
    const union = (columns: string, table: 'forms' | 'items') => parts.map((part) => part(columns, table)).join(' UNION ALL ');
    const keys = 'questionnaire, questionnaire_version, field, source';
    const forms = await this.db.all<FormsRow>(
      `SELECT questionnaire, questionnaire_version AS version, field, source, SUM(forms) AS forms
       FROM (${union(`${keys}, forms`, 'forms')}) AS part GROUP BY ${keys}`,
      params,
    );
    const items = await this.db.all<ItemRow>(
      `SELECT questionnaire, questionnaire_version AS version, field, source, item, factor,
         SUM(n1) AS n1, SUM(n2) AS n2, SUM(n3) AS n3, SUM(n4) AS n4, SUM(n5) AS n5, SUM(not_applicable) AS na
       FROM (${union(`${keys}, item, factor, n1, n2, n3, n4, n5, not_applicable`, 'items')}) AS part GROUP BY ${keys}, item, factor`,
      params,
    );
    // PostgreSQL returns SUM() as a string: make every figure a number once, here.
    for (const row of forms) (row.version = Number(row.version)), (row.forms = Number(row.forms));
    for (const row of items) {
      row.version = Number(row.version);
      for (const key of ['n1', 'n2', 'n3', 'n4', 'n5', 'na'] as const) row[key] = Number(row[key]);
    }
    return { forms, items };
  }

  /**
   * The results of `unit` and the units below it for `periodId`. `audience: 'public'` withholds
   * every rate below the minimum number of forms (the whole period's, and each field's); staff
   * get every figure, with `published` saying whether it could be published.
   */
  async results(unit: StoredUnit, periodId: string, options: { audience: 'public' | 'staff'; defaultMinimum: number }): Promise<Results | undefined> {
    const period = parsePeriod(periodId);
    if (!period) return undefined;
    const units = await this.units.descendants(unit.id);
    const rules = publicationRules(unit, options.defaultMinimum);
    const sources = publishedSources(unit);
    // Responses from before channels existed were published under the old rules: they stay in.
    const inIndex = (source: string) => source === LEGACY_SOURCE || (sources as string[]).includes(source);
    const all = await this.sums(units, period.from, period.to);
    const main = await this.score(only(all, inIndex), rules);
    const channels: NonNullable<Results['channels']> = [];
    for (const channel of [...RESPONSE_SOURCES, LEGACY_SOURCE] as const) {
      const part = only(all, (source) => source === channel);
      if (part.forms.length === 0 && channel === LEGACY_SOURCE) continue;
      const scored = await this.score(part, rules);
      const counted = inIndex(channel);
      const channelPublished = scored.forms >= rules.minimumForms;
      channels.push({
        channel,
        forms: scored.forms,
        inIndex: counted,
        published: counted && channelPublished,
        // Channels outside the index are for staff and supervisors only.
        ...((counted && channelPublished) || options.audience === 'staff' ? { index: scored.scored.index } : {}),
      });
    }
    const trend = [];
    for (const id of trendPeriods(period.id)) {
      const earlier = id === period.id ? main : await this.score(only(await this.sums(units, parsePeriod(id)!.from, parsePeriod(id)!.to), inIndex), rules);
      const published = earlier.forms >= rules.minimumForms;
      trend.push({
        period: id,
        label: parsePeriod(id)!.label,
        forms: earlier.forms,
        published,
        ...(published || options.audience === 'staff' ? { index: earlier.scored.index } : {}),
      });
    }
    const published = main.forms >= rules.minimumForms;
    const full = published || options.audience === 'staff';
    const fields = main.fields.map((f) => {
      const fieldPublished = f.forms >= rules.minimumForms;
      return {
        field: f.field,
        forms: f.forms,
        published: fieldPublished,
        ...(fieldPublished || options.audience === 'staff'
          ? { points: f.points, maxPoints: f.maxPoints, pointsRate: f.maxPoints === 0 ? null : f.points / f.maxPoints }
          : {}),
      };
    });
    const score = communeScore(Object.fromEntries(main.scored.factors.map((f) => [f.factor, f.rate])), { rounding: rules.rounding });
    const results: Results = {
      unit: unit.id,
      unitName: unit.name,
      units,
      period: { id: period.id, from: period.from, to: period.to, label: period.label },
      questionnaire: main.questionnaire,
      forms: main.forms,
      minimumForms: rules.minimumForms,
      published,
      aggregation: rules.aggregation,
      rounding: rules.rounding,
      fields,
      channels,
      publishedChannels: sources,
      trend,
      computedAt: new Date().toISOString(),
    };
    if (!full) return results;
    return {
      ...results,
      index: main.scored.index,
      pointsRate: main.scored.pointsRate,
      points: main.scored.points,
      maxPoints: main.scored.maxPoints,
      score: { total: score.total, max: score.max, scoredMax: score.scoredMax },
      factors: main.scored.factors.map((f) => ({
        factor: f.factor,
        ...(main.factorTitles.get(f.factor) ? { title: main.factorTitles.get(f.factor)! } : {}),
        valid: f.valid,
        rate: f.rate,
        points: f.points,
        maxPoints: f.maxPoints,
        pointsRate: f.pointsRate,
        score: score.factors.find((s) => s.factor === f.factor)?.score ?? null,
      })),
      criteria: main.scored.criteria.map((c, i) => {
        const meta = main.criteriaMeta[i]!;
        return {
          item: c.item,
          questionnaire: meta.questionnaire,
          factor: c.factor,
          ...(meta.number !== undefined ? { number: meta.number } : {}),
          ...(meta.text ? { text: meta.text } : {}),
          valid: c.valid,
          satisfied: c.satisfied,
          notApplicable: c.notApplicable,
          rate: c.rate,
          points: c.points,
          maxPoints: c.maxPoints,
        };
      }),
    };
  }

  /** Scores the sums of one period (of the channels already chosen). */
  private async score(sums: Sums, rules: PublicationRules) {
    const formsBy = new Map<string, number>();
    const fieldForms = new Map<string, number>();
    let forms = 0;
    for (const row of sums.forms) {
      forms += row.forms;
      formsBy.set(row.questionnaire, (formsBy.get(row.questionnaire) ?? 0) + row.forms);
      fieldForms.set(row.field, (fieldForms.get(row.field) ?? 0) + row.forms);
    }
    const questionnaire = [...formsBy].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;

    // Criteria: one per questionnaire and item, summed over versions and fields, in form order.
    const criteria = new Map<string, CriterionTally & { questionnaire: string; version: number }>();
    const fieldPoints = new Map<string, { points: number; valid: number }>();
    for (const row of sums.items) {
      const counts = [row.n1, row.n2, row.n3, row.n4, row.n5];
      const name = `${row.questionnaire}\u0000${row.item}`;
      const found = criteria.get(name);
      if (!found) {
        criteria.set(name, {
          item: row.item,
          factor: row.factor as FactorId,
          counts: [...counts] as CriterionTally['counts'],
          notApplicable: row.na,
          questionnaire: row.questionnaire,
          version: row.version,
        });
      } else {
        for (let i = 0; i < 5; i++) found.counts[i]! += counts[i]!;
        found.notApplicable += row.na;
        found.version = Math.max(found.version, row.version);
      }
      const field = fieldPoints.get(row.field) ?? { points: 0, valid: 0 };
      field.points += row.n1 + 2 * row.n2 + 3 * row.n3 + 4 * row.n4 + 5 * row.n5;
      field.valid += row.n1 + row.n2 + row.n3 + row.n4 + row.n5;
      fieldPoints.set(row.field, field);
    }
    const ordered = [];
    for (const c of criteria.values()) {
      const q = await this.questionnaire(c.questionnaire, c.version);
      const index = q ? q.items.findIndex((item) => item.id === c.item) : -1;
      const item = index >= 0 ? q!.items[index] : undefined;
      ordered.push({
        tally: c,
        meta: { questionnaire: c.questionnaire, ...(item?.number !== undefined ? { number: item.number } : {}), ...(item ? { text: item.text } : {}) },
        order: [c.questionnaire === questionnaire ? 0 : 1, c.questionnaire, index],
      });
    }
    ordered.sort((a, b) => (a.order[0] as number) - (b.order[0] as number) || String(a.order[1]).localeCompare(String(b.order[1])) || (a.order[2] as number) - (b.order[2] as number));
    const scored = scoreTally({ forms, criteria: ordered.map((o) => o.tally) }, rules.aggregation);

    const titlesFrom = questionnaire ? await this.questionnaire(questionnaire, Math.max(...sums.forms.filter((r) => r.questionnaire === questionnaire).map((r) => r.version))) : undefined;
    const factorTitles = new Map((titlesFrom?.factors ?? BNV_2023.factors).map((f) => [f.id, f.title] as const));

    const fields = [...fieldForms]
      .map(([field, n]) => ({ field: field === '' ? null : field, forms: n, ...(fieldPoints.get(field) ?? { points: 0, valid: 0 }) }))
      .map((f) => ({ field: f.field, forms: f.forms, points: f.points, maxPoints: f.valid * 5 }))
      .sort((a, b) => Number(a.field === null) - Number(b.field === null) || b.forms - a.forms || VIETNAMESE.compare(a.field ?? '', b.field ?? ''));
    return { forms, questionnaire, scored, criteriaMeta: ordered.map((o) => o.meta), factorTitles, fields };
  }
}
