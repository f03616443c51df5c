import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Procedure } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { issueOf, parseRows, type RowIssue } from './parse.js';
import { readImportBytes, readImportText, type ReadFile } from './read.js';
import { ProcedureStore, type SaveOutcome } from './store.js';

export interface ImportOptions {
  /** Import the valid rows and list the others, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Remove the unit's procedures that are not in the file. */
  replace?: boolean;
  /** Check only; write nothing. */
  dryRun?: boolean;
  /** `updatedAt` for records that carry none (default: today). */
  date?: string;
}

export interface ImportReport {
  /** What was read: "xlsx", "csv ; windows-1258"… */
  format: string;
  total: number;
  valid: number;
  /** Valid rows whose flattened national fields were taken apart without any doubt. */
  clean: number;
  invalid: RowIssue[];
  warnings: { position: string; code: string | undefined; warnings: string[] }[];
  /** Undefined when nothing was written (errors without --skip-invalid, or a dry run). */
  saved: SaveOutcome | undefined;
}

/** Imports procedures from a file's text or bytes: every bad row is reported; any bad row stops the import unless skipInvalid. */
export async function importProcedures(
  db: Database,
  unit: string,
  content: string | Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const read = typeof content === 'string' ? readImportText(content, fileName) : await readImportBytes(content, fileName);
  const { report, valid } = checkImport(read, options);
  if (options.dryRun || (report.invalid.length > 0 && !options.skipInvalid)) return report;
  report.saved = await new ProcedureStore(db).save(unit, valid, { replace: options.replace ?? false });
  return report;
}

/** Parses and validates every row of a read file; writes nothing. */
export function checkImport(read: ReadFile, options: Pick<ImportOptions, 'date'> = {}): { report: ImportReport; valid: Procedure[] } {
  const sources = read.rows;
  const rows = parseRows(sources, options.date);
  const invalid = rows.flatMap((row, i) => (row.problems.length ? [issueOf(row, sources[i]!)] : []));
  const valid = rows.flatMap((row) => (row.procedure ? [row.procedure] : []));
  const report: ImportReport = {
    format: read.format,
    total: rows.length,
    valid: valid.length,
    clean: rows.filter((row) => row.procedure && row.warnings.length === 0).length,
    invalid,
    warnings: rows.flatMap((row, i) =>
      row.warnings.length ? [{ position: row.position, code: issueOf(row, sources[i]!).code, warnings: row.warnings }] : [],
    ),
    saved: undefined,
  };
  return { report, valid };
}

export async function importProceduresFile(db: Database, unit: string, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importProcedures(db, unit, new Uint8Array(await readFile(file)), basename(file), options);
}
