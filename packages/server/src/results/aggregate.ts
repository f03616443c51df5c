import {
  addToTally,
  emptyTally,
  LEGACY_SOURCE,
  vietnamDate,
  type Answers,
  type CriterionTally,
  type Questionnaire,
  type ResponseSource,
  type SurveyResponse,
} from '@sipas/schema';
import type { CommitBatch, Database, Queryable, SqlValue } from '../db/database.js';
import { rollupPeriods } from './rollups.js';

/**
 * The running aggregates behind every results read. Each accepted response adds one form to
 * `result_forms` and its criteria counts to `result_items`, keyed by unit, Vietnam-time day,
 * questionnaire id and version, field (lĩnh vực) and channel — and the same to the month, quarter
 * and year roll-ups (`result_rollup_forms`, `result_rollup_items`, rollups.ts). Counting uses
 * @sipas/schema's tally rules (addToTally), so the aggregates, a full scan and a rebuild all
 * count the same way.
 */
export interface AggregateKey {
  unit: string;
  /** YYYY-MM-DD in Vietnam time (UTC+7); for a roll-up row, its period (`2026`, `2026-Q1`, `2026-03`). */
  day: string;
  questionnaire: string;
  version: number;
  /** '' when the response named no field. */
  field: string;
  /** The channel the server decided (channels.ts); `legacy` for responses from before channels. */
  source: string;
}

/** One response's contribution: its scored criteria, counted by the schema's rules. */
export function criteriaOf(questionnaire: Questionnaire, answers: Answers): CriterionTally[] {
  return addToTally(emptyTally(questionnaire), answers).criteria;
}

const COLUMNS = 'unit, day, questionnaire, questionnaire_version, field, source';
const ROLLUP_COLUMNS = 'unit, period, questionnaire, questionnaire_version, field, source';
const COUNTS = ['n1', 'n2', 'n3', 'n4', 'n5', 'not_applicable'];
const addCounts = (table: string) => COUNTS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/** The four upserts of one key's sums: the day's forms and criteria, and the same for its roll-ups. */
const UPSERTS = {
  forms: (rows: number) => `INSERT INTO result_forms (${COLUMNS}, forms) VALUES ${rowsOf(rows, 7)}
     ON CONFLICT (${COLUMNS}) DO UPDATE SET forms = result_forms.forms + excluded.forms`,
  items: (rows: number) => `INSERT INTO result_items (${COLUMNS}, item, factor, n1, n2, n3, n4, n5, not_applicable) VALUES ${rowsOf(rows, 14)}
     ON CONFLICT (${COLUMNS}, item) DO UPDATE SET ${addCounts('result_items')}`,
  rollupForms: (rows: number) => `INSERT INTO result_rollup_forms (${ROLLUP_COLUMNS}, forms) VALUES ${rowsOf(rows, 7)}
     ON CONFLICT (${ROLLUP_COLUMNS}) DO UPDATE SET forms = result_rollup_forms.forms + excluded.forms`,
  rollupItems: (rows: number) => `INSERT INTO result_rollup_items (${ROLLUP_COLUMNS}, item, factor, n1, n2, n3, n4, n5, not_applicable) VALUES ${rowsOf(rows, 14)}
     ON CONFLICT (${ROLLUP_COLUMNS}, item) DO UPDATE SET ${addCounts('result_rollup_items')}`,
};

/**
 * Adds `forms` forms and their criteria counts under `key` (a day) to the per-day tables and to
 * the day's month, quarter and year roll-ups, portable between SQLite and PostgreSQL: on SQLite
 * four upserts (two single rows, two multi-row), on PostgreSQL the four in one statement (a CTE),
 * so one round trip inside the ingest transaction.
 */
export async function addToAggregates(tx: Queryable, key: AggregateKey, forms: number, criteria: readonly CriterionTally[]): Promise<void> {
  const keyValues: SqlValue[] = [key.unit, key.day, key.questionnaire, key.version, key.field, key.source];
  const periods = rollupPeriods(key.day);
  const rollupKeys = periods.map((period): SqlValue[] => [key.unit, period, key.questionnaire, key.version, key.field, key.source]);
  const statements: Array<[sql: string, values: SqlValue[]]> = [
    [UPSERTS.forms(1), [...keyValues, forms]],
    [UPSERTS.rollupForms(periods.length), rollupKeys.flatMap((k) => [...k, forms])],
  ];
  if (criteria.length > 0) {
    const counts = (c: CriterionTally): SqlValue[] => [c.item, c.factor, ...c.counts, c.notApplicable];
    statements.push([UPSERTS.items(criteria.length), criteria.flatMap((c) => [...keyValues, ...counts(c)])]);
    statements.push([UPSERTS.rollupItems(criteria.length * periods.length), rollupKeys.flatMap((k) => criteria.flatMap((c) => [...k, ...counts(c)]))]);
  }
  if (tx.dialect === 'postgres') {
    const ctes = statements.slice(0, -1).map(([sql], i) => `w${i} AS (${sql})`);
    await tx.run(`WITH ${ctes.join(', ')} ${statements.at(-1)![0]}`, statements.flatMap(([, values]) => values));
    return;
  }
  for (const [sql, values] of statements) await tx.run(sql, values);
}

const rowLists = new Map<string, string>();
/** The VALUES list for `n` rows of `width` values; the same text each time, so the prepared statement is reused. */
function rowsOf(n: number, width: number): string {
  const name = `${n}x${width}`;
  let text = rowLists.get(name);
  if (!text) {
    const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    rowLists.set(name, (text = Array.from({ length: n }, () => row).join(', ')));
  }
  return text;
}

/**
 * The aggregates a transaction adds, summed in memory and written just before its COMMIT (the
 * database's CommitBatch): under group commit, the inserts committed together write their sums
 * once per key — a day, a questionnaire, a field, a channel — instead of once per response.
 */
export class AggregateBatch implements CommitBatch {
  static readonly KIND = 'result-aggregates';
  readonly tally = new AggregateTally();

  merge(other: CommitBatch): void {
    for (const bucket of (other as AggregateBatch).tally.buckets.values()) this.tally.add(bucket.key, [...bucket.criteria.values()], bucket.forms);
  }

  async flush(tx: Queryable): Promise<void> {
    for (const bucket of this.tally.buckets.values()) await addToAggregates(tx, bucket.key, bucket.forms, [...bucket.criteria.values()]);
  }
}

export function aggregateKey(
  response: Pick<SurveyResponse, 'unit' | 'questionnaire' | 'context'>,
  receivedAt: string,
  source: string = LEGACY_SOURCE,
): AggregateKey {
  return {
    unit: response.unit,
    day: vietnamDate(receivedAt),
    questionnaire: response.questionnaire.id,
    version: response.questionnaire.version,
    field: response.context.field ?? '',
    source,
  };
}

/**
 * Adds an accepted response to the unit's running result aggregates, inside the same
 * transaction as the insert so the two can never disagree.
 */
export async function recordInAggregates(
  tx: Queryable,
  response: SurveyResponse,
  questionnaire: Questionnaire,
  receivedAt: string,
  source: ResponseSource,
): Promise<void> {
  const key = aggregateKey(response, receivedAt, source);
  const criteria = criteriaOf(questionnaire, response.answers);
  // In a transaction the sums wait for its commit (once per key for a whole commit group).
  if (tx.batch) tx.batch(AggregateBatch.KIND, () => new AggregateBatch()).tally.add(key, criteria);
  else await addToAggregates(tx, key, 1, criteria);
}

interface StoredResponseRow {
  seq: number;
  unit: string;
  questionnaire: string;
  questionnaire_version: number;
  field: string | null;
  source: string | null;
  answers: string;
  received_at: string;
}

export interface RebuildOutcome {
  responses: number;
  /** Responses whose questionnaire version is not stored (they cannot be scored). */
  skipped: number;
  formRows: number;
  itemRows: number;
  /** Month, quarter and year roll-up rows (forms and criteria). */
  rollupRows: number;
  /** With `check`: rows that differ between the stored aggregates and the recomputed ones. */
  differences?: string[];
}

interface Bucket {
  key: AggregateKey;
  forms: number;
  criteria: Map<string, CriterionTally>;
}

/**
 * Aggregates counted in memory from responses, independently of the incremental path: what
 * `rebuild-aggregates` writes and what the audit compares the stored aggregates with.
 */
export class AggregateTally {
  readonly buckets = new Map<string, Bucket>();

  /** Adds `forms` forms (one response by default) and their criteria counts under `key`. */
  add(key: AggregateKey, criteria: readonly CriterionTally[], forms = 1): void {
    const id = `${key.unit}\u0000${key.day}\u0000${key.questionnaire}\u0000${key.version}\u0000${key.field}\u0000${key.source}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = { key, forms: 0, criteria: new Map() }));
    bucket.forms += forms;
    for (const c of criteria) {
      const sum = bucket.criteria.get(c.item);
      if (!sum) bucket.criteria.set(c.item, { ...c, counts: [...c.counts] });
      else {
        for (let i = 0; i < 5; i++) sum.counts[i]! += c.counts[i]!;
        sum.notApplicable += c.notApplicable;
      }
    }
  }

  /** The month, quarter and year roll-ups of these day buckets, as a tally of their own. */
  rollups(): AggregateTally {
    const rollups = new AggregateTally();
    for (const { key, forms, criteria } of this.buckets.values()) {
      for (const period of rollupPeriods(key.day)) rollups.add({ ...key, day: period }, [...criteria.values()], forms);
    }
    return rollups;
  }

  /** The rows in snapshotAggregates' format (the day rows and the roll-up rows), sorted. */
  rows(): string[] {
    const rows: string[] = [];
    for (const { key, forms, criteria } of [...this.buckets.values(), ...this.rollups().buckets.values()]) {
      const where = `${key.unit} ${key.day} ${key.questionnaire}@${key.version} [${key.field}] ${key.source}`;
      rows.push(`forms ${where} ${forms}`);
      for (const c of criteria.values()) rows.push(`item ${where} ${c.item} ${c.factor} ${c.counts.join(' ')} ${c.notApplicable}`);
    }
    return rows.sort();
  }
}

/**
 * Recomputes every aggregate from the stored responses, independently of the incremental path:
 * responses are read in pages by `seq` and tallied in memory, then the tables are replaced in
 * one transaction. With `check`, nothing is written and the differences are listed instead.
 */
export async function rebuildAggregates(db: Database, options: { check?: boolean; pageSize?: number } = {}): Promise<RebuildOutcome> {
  const pageSize = options.pageSize ?? 5000;
  const questionnaires = new Map<string, Questionnaire | null>();
  const questionnaire = async (id: string, version: number) => {
    const name = `${id}@${version}`;
    if (!questionnaires.has(name)) {
      const row = await db.get<{ body: string }>('SELECT body FROM questionnaires WHERE id = ? AND version = ?', [id, version]);
      questionnaires.set(name, row ? (JSON.parse(row.body) as Questionnaire) : null);
    }
    return questionnaires.get(name)!;
  };
  const tally = new AggregateTally();
  let responses = 0;
  let skipped = 0;
  for (let after = 0; ; ) {
    const rows = await db.all<StoredResponseRow>(
      `SELECT seq, unit, questionnaire, questionnaire_version, field, source, answers, received_at
       FROM survey_responses WHERE seq > ? ORDER BY seq LIMIT ?`,
      [after, pageSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      after = Number(row.seq);
      const version = Number(row.questionnaire_version);
      const q = await questionnaire(row.questionnaire, version);
      if (!q) {
        skipped += 1;
        continue;
      }
      responses += 1;
      const key: AggregateKey = {
        unit: row.unit,
        day: vietnamDate(row.received_at),
        questionnaire: row.questionnaire,
        version,
        field: row.field ?? '',
        source: row.source ?? LEGACY_SOURCE,
      };
      tally.add(key, criteriaOf(q, JSON.parse(row.answers) as Answers));
    }
  }
  const buckets = tally.buckets;
  const itemRows = [...buckets.values()].reduce((n, b) => n + b.criteria.size, 0);
  const rollups = tally.rollups().buckets;
  const rollupRows = [...rollups.values()].reduce((n, b) => n + 1 + b.criteria.size, 0);
  const outcome: RebuildOutcome = { responses, skipped, formRows: buckets.size, itemRows, rollupRows };
  if (options.check) {
    outcome.differences = compareRows(await snapshotAggregates(db), tally.rows());
    return outcome;
  }
  await db.transaction(async (tx) => {
    for (const table of ['result_items', 'result_forms', 'result_rollup_items', 'result_rollup_forms']) await tx.run(`DELETE FROM ${table}`);
    for (const bucket of buckets.values()) await addToAggregates(tx, bucket.key, bucket.forms, [...bucket.criteria.values()]);
  });
  return outcome;
}

/** Every aggregate row as a sorted list of strings: what tests and `--check` compare. */
export async function snapshotAggregates(db: Queryable, unit?: string): Promise<string[]> {
  const where = unit === undefined ? '' : ' WHERE unit = ?';
  const params = unit === undefined ? [] : [unit];
  // A roll-up row reads like a day row, its period where the day is (`2026`, `2026-Q1`, `2026-03`).
  const forms = await db.all<Record<string, SqlValue>>(
    `SELECT ${COLUMNS}, forms FROM result_forms${where}
     UNION ALL SELECT unit, period AS day, questionnaire, questionnaire_version, field, source, forms FROM result_rollup_forms${where}`,
    [...params, ...params],
  );
  const items = await db.all<Record<string, SqlValue>>(
    `SELECT ${COLUMNS}, item, factor, n1, n2, n3, n4, n5, not_applicable FROM result_items${where}
     UNION ALL SELECT unit, period AS day, questionnaire, questionnaire_version, field, source, item, factor, n1, n2, n3, n4, n5, not_applicable
     FROM result_rollup_items${where}`,
    [...params, ...params],
  );
  return [
    ...forms.map((r) => `forms ${r.unit} ${r.day} ${r.questionnaire}@${r.questionnaire_version} [${r.field}] ${r.source} ${r.forms}`),
    ...items.map(
      (r) =>
        `item ${r.unit} ${r.day} ${r.questionnaire}@${r.questionnaire_version} [${r.field}] ${r.source} ${r.item} ${r.factor} ` +
        `${r.n1} ${r.n2} ${r.n3} ${r.n4} ${r.n5} ${r.not_applicable}`,
    ),
  ].sort();
}

/** Rows only in `stored` (prefixed "- ") and rows only in `computed` ("+ "). */
export function compareRows(stored: readonly string[], computed: readonly string[]): string[] {
  const have = new Set(stored);
  const want = new Set(computed);
  return [...stored.filter((row) => !want.has(row)).map((row) => `- ${row}`), ...computed.filter((row) => !have.has(row)).map((row) => `+ ${row}`)];
}
