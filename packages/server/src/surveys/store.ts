import {
  canonicalJson,
  codeFromBytes,
  type Questionnaire,
  type ResponseSource,
  type SurveyReceipt,
  type SurveyResponse,
} from '@sipas/schema';
import { createHash } from 'node:crypto';
import { UniqueViolation, type Database } from '../db/database.js';
import { appendToLog } from '../log/append.js';
import { recordInAggregates } from '../results/aggregate.js';

interface ResponseRow {
  id: string;
  body_hash: string;
  receipt: string;
  received_at: string;
  seq: number;
}

/** What a resend is compared on: everything the citizen sent except the honeypot. */
export function surveyCanonical(response: SurveyResponse): string {
  const { website: _honeypot, ...meaning } = response;
  return canonicalJson(meaning);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A short code the citizen can note: 8 unambiguous characters derived from the response id. */
export function receiptCode(id: string): string {
  const code = codeFromBytes(createHash('sha256').update(id).digest(), 8);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type InsertOutcome =
  | { kind: 'created'; receipt: SurveyReceipt }
  | { kind: 'repeat'; receipt: SurveyReceipt }
  | { kind: 'conflict' }
  | { kind: 'dossier-taken' };

export class SurveyStore {
  constructor(private readonly db: Database) {}

  private async receiptFor(row: ResponseRow): Promise<SurveyReceipt> {
    const leaf = await this.db
      .get<{ leaf_index: number; leaf_hash: string; source: ResponseSource | null }>(
        `SELECT l.leaf_index, l.leaf_hash, r.source FROM survey_responses r
           JOIN log_leaves l ON l.unit = r.unit AND l.leaf_index = r.leaf_index
          WHERE r.id = ?`,
        [row.id],
      )
      .catch(() => undefined); // the log table exists only once the ballot box is installed
    return {
      id: row.id,
      receipt: row.receipt,
      receivedAt: row.received_at,
      ...(leaf ? { leaf: { index: Number(leaf.leaf_index), hash: leaf.leaf_hash } } : {}),
      ...(leaf?.source ? { source: leaf.source } : {}),
    };
  }

  private async existing(id: string): Promise<ResponseRow | undefined> {
    return this.db.get<ResponseRow>(
      'SELECT id, body_hash, receipt, received_at, seq FROM survey_responses WHERE id = ?',
      [id],
    );
  }

  /**
   * Stores a validated response exactly once. A resend of the same body returns the first
   * receipt; the same id with another body, or a dossier already rated, is refused.
   */
  async insert(
    response: SurveyResponse,
    questionnaire: Questionnaire,
    options: {
      /** The channel the server decided for it (never the client's word); default open web. */
      source?: ResponseSource;
      /** Only for seeding and imports: when the response was received. */
      receivedAt?: string;
    } = {},
  ): Promise<InsertOutcome> {
    const canonical = surveyCanonical(response);
    const bodyHash = sha256(canonical);
    const compare = async (row: ResponseRow): Promise<InsertOutcome> =>
      row.body_hash === bodyHash ? { kind: 'repeat', receipt: await this.receiptFor(row) } : { kind: 'conflict' };

    // No look-up first: a resend is rare, and the id's UNIQUE constraint finds it inside the
    // transaction (its savepoint rolls back alone, log append included; see the catch below).
    const receivedAt = options.receivedAt ?? new Date().toISOString();
    const source = options.source ?? 'web';
    const receipt = receiptCode(response.id);
    try {
      // The log append comes first: on PostgreSQL it takes the unit's log head row, on which a
      // unit's inserts serialize anyway, before any other row (so grouped inserts never wait on
      // each other in a cycle); the leaf is made from the receive time written to the row below.
      const leaf = await this.db.transaction(
        async (tx) => {
          const sealed = await appendToLog(tx, response.unit, response.id, canonical, receivedAt, source);
          await tx.run(
            `INSERT INTO survey_responses (id, unit, questionnaire, questionnaire_version, dossier, procedure_code, field,
               channel, source, answers, submitted_at, received_at, body_hash, receipt, leaf_index)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              response.id,
              response.unit,
              response.questionnaire.id,
              response.questionnaire.version,
              response.context.dossier ?? null,
              response.context.procedure ?? null,
              response.context.field ?? null,
              response.context.channel,
              source,
              JSON.stringify(response.answers),
              response.submittedAt ?? null,
              receivedAt,
              bodyHash,
              receipt,
              sealed?.index ?? null,
            ],
          );
          await recordInAggregates(tx, response, questionnaire, receivedAt, source);
          return sealed;
        },
        { group: `ballot-box:${response.unit}` },
      );
      return {
        kind: 'created',
        receipt: { id: response.id, receipt, receivedAt, ...(leaf ? { leaf, source } : {}) },
      };
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      // Two sends of the same id raced: the other one won, so this is a resend.
      const raced = await this.existing(response.id);
      if (raced) return compare(raced);
      return { kind: 'dossier-taken' };
    }
  }

  async count(unit?: string): Promise<number> {
    const row = unit
      ? await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses WHERE unit = ?', [unit])
      : await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM survey_responses');
    return Number(row?.n ?? 0);
  }
}
