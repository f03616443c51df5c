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
import type { Database, Queryable, SqlValue } from '../db/database.js';

/**
 * The running aggregates behind every results read. Each accepted response adds one form to
 * `result_forms` and its criteria counts to `result_items`, keyed by unit, Vietnam-time day,
 * questionnaire id and version, and field (lĩnh vực). Counting uses @sipas/schema's tally rules
 * (addToTally), so the aggregates, a full scan and a rebuild all count the same way.
 */
export interface AggregateKey {
  unit: string;
  /** YYYY-MM-DD in Vietnam time (UTC+7). */
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
const ITEM_SET = ['n1', 'n2', 'n3', 'n4', 'n5', 'not_applicable'].map((c) => `${c} = result_items.${c} + excluded.${c}`).join(', ');

/**
 * Adds `forms` forms and their criteria counts under `key`, portable between SQLite and
 * PostgreSQL: the forms upsert and one multi-row upsert of every criterion — on PostgreSQL in one
 * statement (a CTE), so one round trip inside the ingest transaction.
 */
export async function addToAggregates(tx: Queryable, key: AggregateKey, forms: number, criteria: readonly CriterionTally[]): Promise<void> {
  const keyValues: SqlValue[] = [key.unit, key.day, key.questionnaire, key.version, key.field, key.source];
  const formsSql = `INSERT INTO result_forms (${COLUMNS}, forms) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (${COLUMNS}) DO UPDATE SET forms = result_forms.forms + excluded.forms`;
  if (criteria.length === 0) {
    await tx.run(formsSql, [...keyValues, forms]);
    return;
  }
  const values: SqlValue[] = [];
  for (const c of criteria) values.push(...keyValues, c.item, c.factor, ...c.counts, c.notApplicable);
  const itemsSql = `INSERT INTO result_items (${COLUMNS}, item, factor, n1, n2, n3, n4, n5, not_applicable) VALUES ${rowsOf(criteria.length)}
     ON CONFLICT (${COLUMNS}, item) DO UPDATE SET ${ITEM_SET}`;
  if (tx.dialect === 'postgres') {
    await tx.run(`WITH forms AS (${formsSql}) ${itemsSql}`, [...keyValues, forms, ...values]);
    return;
  }
  await tx.run(formsSql, [...keyValues, forms]);
  await tx.run(itemsSql, values);
}

const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const rowLists = new Map<number, string>();
/** The VALUES list for `n` rows; the same text each time, so the prepared statement is reused. */
function rowsOf(n: number): string {
  let text = rowLists.get(n);
  if (!text) rowLists.set(n, (text = Array.from({ length: n }, () => ROW).join(', ')));
  return text;
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
  await addToAggregates(tx, aggregateKey(response, receivedAt, source), 1, criteriaOf(questionnaire, response.answers));
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

  add(key: AggregateKey, criteria: readonly CriterionTally[]): void {
    const id = JSON.stringify([key.unit, key.day, key.questionnaire, key.version, key.field, key.source]);
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = { key, forms: 0, criteria: new Map() }));
    bucket.forms += 1;
    for (const c of criteria) {
      const sum = bucket.criteria.get(c.item);
      if (!sum) bucket.criteria.set(c.item, { ...c, counts: [...c.counts] });
      else {
        for (let i = 0; i < 5; i++) sum.counts[i]! += c.counts[i]!;
        sum.notApplicable += c.notApplicable;
      }
    }
  }

  /** The rows in snapshotAggregates' format, sorted. */
  rows(): string[] {
    const rows: string[] = [];
    for (const { key, forms, criteria } of this.buckets.values()) {
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
  const outcome: RebuildOutcome = { responses, skipped, formRows: buckets.size, itemRows };
  if (options.check) {
    outcome.differences = compareRows(await snapshotAggregates(db), tally.rows());
    return outcome;
  }
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM result_items');
    await tx.run('DELETE FROM result_forms');
    for (const bucket of buckets.values()) await addToAggregates(tx, bucket.key, bucket.forms, [...bucket.criteria.values()]);
  });
  return outcome;
}

/** Every aggregate row as a sorted list of strings: what tests and `--check` compare. */
export async function snapshotAggregates(db: Queryable, unit?: string): Promise<string[]> {
  const where = unit === undefined ? '' : ' WHERE unit = ?';
  const params = unit === undefined ? [] : [unit];
  const forms = await db.all<Record<string, SqlValue>>(`SELECT ${COLUMNS}, forms FROM result_forms${where}`, params);
  const items = await db.all<Record<string, SqlValue>>(
    `SELECT ${COLUMNS}, item, factor, n1, n2, n3, n4, n5, not_applicable FROM result_items${where}`,
    params,
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
