import type { LogEntry, LogExportAggregates, LogExportHeader, LogExportLine, Questionnaire } from '@sipas/schema';
import { snapshotAggregates } from '../results/aggregate.js';
import type { BallotBox, SignedCheckpoint } from './box.js';

interface ResponseColumns {
  id: string | null;
  unit: string | null;
  questionnaire: string | null;
  questionnaire_version: number | string | null;
  dossier: string | null;
  procedure_code: string | null;
  field: string | null;
  channel: string | null;
  source: string | null;
  answers: string | null;
  submitted_at: string | null;
  received_at: string | null;
}

const COLUMNS = 'r.id, r.unit, r.questionnaire, r.questionnaire_version, r.dossier, r.procedure_code, r.field, r.channel, r.source, r.answers, r.submitted_at, r.received_at';

/**
 * A stored row back into the response it was accepted as: the inverse of the survey store's
 * insert. If a field is added to SurveyResponse it must be added here too, or every new leaf
 * fails the audit (the log tests catch it: a receipt's leaf is re-derived from the export).
 */
export function entryFromRow(row: ResponseColumns): LogEntry | undefined {
  if (!row.id || !row.received_at) return undefined;
  let answers: unknown;
  try {
    answers = JSON.parse(row.answers ?? 'null');
  } catch {
    answers = row.answers; // a hand-edited, broken row: the hash will tell
  }
  const response = {
    id: row.id,
    unit: row.unit,
    questionnaire: { id: row.questionnaire, version: row.questionnaire_version === null ? null : Number(row.questionnaire_version) },
    answers,
    context: {
      channel: row.channel,
      ...(row.dossier !== null ? { dossier: row.dossier } : {}),
      ...(row.procedure_code !== null ? { procedure: row.procedure_code } : {}),
      ...(row.field !== null ? { field: row.field } : {}),
    },
    ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
  } as unknown as LogEntry['response'];
  return { response, receivedAt: row.received_at, ...(row.source !== null ? { source: row.source as LogEntry['source'] } : {}) };
}

const PAGE = 1000;

export type ExportItem = LogExportHeader | LogExportLine | LogExportAggregates;

export interface ExportSnapshot {
  /** The checkpoint the header names (signed just before the snapshot; the snapshot may hold more). */
  checkpoint: SignedCheckpoint;
  header: LogExportHeader;
  lines: LogExportLine[];
  aggregates?: LogExportAggregates;
}

/**
 * The export a supervisor audits, read in one consistent snapshot of the database: a header with
 * the checkpoint it was taken at, then every leaf of the tree as the snapshot holds it (those past
 * the checkpoint are "later" for the audit) with the response as the database holds it now (null
 * if the row is gone) and the receive time the log's own row records, then every response of the
 * unit that is in no leaf at all, then (with `aggregates`) the unit's stored result aggregates and
 * the questionnaires to recompute them with. One snapshot, so that a response arriving meanwhile
 * can never make the copies disagree (a false alarm).
 */
export async function exportSnapshot(box: BallotBox, unit: string, options: { aggregates?: boolean } = {}): Promise<ExportSnapshot> {
  const checkpoint = await box.checkpoint(unit);
  const header: LogExportHeader = {
    format: 'sipas-ballot-export/1',
    unit,
    origin: checkpoint.origin,
    size: checkpoint.size,
    checkpoint: checkpoint.note,
    exportedAt: new Date().toISOString(),
  };
  return box.db.transaction(async (db) => {
    // PostgreSQL's default sees each statement's own snapshot; the export needs one for all.
    if (db.dialect === 'postgres') await db.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { size } = await box.head(unit, db);
    const lines: LogExportLine[] = [];
    for (let start = 0; start < size; start += PAGE) {
      const rows = await db.all<ResponseColumns & { leaf_index: number | string; leaf_hash: string; response_id: string; leaf_received_at: string }>(
        `SELECT l.leaf_index, l.leaf_hash, l.response_id, l.received_at AS leaf_received_at, ${COLUMNS}
           FROM log_leaves l LEFT JOIN survey_responses r ON r.id = l.response_id
          WHERE l.unit = ? AND l.leaf_index >= ? AND l.leaf_index < ?
          ORDER BY l.leaf_index`,
        [unit, start, Math.min(start + PAGE, size)],
      );
      for (const row of rows) {
        const entry = entryFromRow(row);
        lines.push({
          leaf: Number(row.leaf_index),
          responseId: row.response_id,
          hash: row.leaf_hash,
          response: (entry?.response as Record<string, unknown> | undefined) ?? null,
          receivedAt: entry?.receivedAt ?? null,
          leafReceivedAt: row.leaf_received_at,
          ...(entry?.source ? { source: entry.source } : {}),
        });
      }
    }
    const strays = await db.all<ResponseColumns>(
      `SELECT ${COLUMNS} FROM survey_responses r
        WHERE r.unit = ? AND NOT EXISTS (
          -- By position (the key), and the leaf must name this very response: a row that claims a
          -- position it does not hold is outside the box too.
          SELECT 1 FROM log_leaves l WHERE l.unit = r.unit AND l.leaf_index = r.leaf_index AND l.response_id = r.id)
        ORDER BY r.received_at, r.id`,
      [unit],
    );
    for (const row of strays) {
      const entry = entryFromRow(row);
      lines.push({
        leaf: null,
        responseId: row.id ?? '',
        hash: null,
        response: (entry?.response as Record<string, unknown> | undefined) ?? null,
        receivedAt: row.received_at,
        ...(entry?.source ? { source: entry.source } : {}),
      });
    }
    if (!options.aggregates) return { checkpoint, header, lines };
    const used = await db.all<{ questionnaire: string; questionnaire_version: number | string }>(
      'SELECT DISTINCT questionnaire, questionnaire_version FROM survey_responses WHERE unit = ?',
      [unit],
    );
    const questionnaires: Questionnaire[] = [];
    for (const { questionnaire, questionnaire_version } of used) {
      const row = await db.get<{ body: string }>('SELECT body FROM questionnaires WHERE id = ? AND version = ?', [
        questionnaire,
        Number(questionnaire_version),
      ]);
      if (row) questionnaires.push(JSON.parse(row.body) as Questionnaire);
    }
    const aggregates: LogExportAggregates = { aggregates: { questionnaires, rows: await snapshotAggregates(db, unit) } };
    return { checkpoint, header, lines, aggregates };
  });
}

/** The export as JSON lines text: header, leaves and strays, and the aggregates line. */
export async function exportLogText(box: BallotBox, unit: string): Promise<string> {
  const { header, lines, aggregates } = await exportSnapshot(box, unit, { aggregates: true });
  const items: ExportItem[] = [header, ...lines, ...(aggregates ? [aggregates] : [])];
  return `${items.map((item) => JSON.stringify(item)).join('\n')}\n`;
}
