import type { Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { UnitStore } from '../units/store.js';
import { importProceduresFile, type ImportReport } from './import.js';

const USAGE = 'sipas-server import-procedures <file.json|file.csv> --unit <unit> [--skip-invalid] [--replace] [--dry-run] [--warnings]';

function describe(issue: ImportReport['invalid'][number]): string {
  const what = [issue.code, issue.name ? `"${issue.name.slice(0, 60)}"` : undefined].filter(Boolean).join(' ');
  return `  ${issue.position}${what ? ` (${what})` : ''}:\n${issue.problems.map((p) => `      ${p}`).join('\n')}`;
}

/** `sipas-server` sub-commands of the procedures capability. */
export const procedureCommands: Commands = {
  'import-procedures': {
    summary: "Import a unit's procedures from JSON or CSV (our schema or the national database's field names).",
    usage: USAGE,
    run: async ({ positionals, options }) => {
      const [file] = positionals;
      if (!file || typeof options.unit !== 'string') {
        console.error(`Usage: ${USAGE}`);
        return 2;
      }
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        await migrate(db);
        if (!(await new UnitStore(db).get(options.unit))) {
          console.error(`No unit "${options.unit}". Create it first (configuration "units", or seed-demo).`);
          return 1;
        }
        const report = await importProceduresFile(db, options.unit, file, {
          skipInvalid: options['skip-invalid'] === true,
          replace: options.replace === true,
          dryRun: options['dry-run'] === true,
        });
        console.log(`${file}: ${report.total} records, ${report.valid} valid (${report.clean} parsed without warnings), ${report.invalid.length} invalid.`);
        if (options.warnings === true) {
          for (const w of report.warnings) console.log(`  ${w.position}${w.code ? ` (${w.code})` : ''}: ${w.warnings.join('; ')}`);
        } else if (report.warnings.length) {
          console.log(`${report.warnings.length} records had fields taken apart with doubt (--warnings lists them).`);
        }
        if (report.invalid.length) {
          console.error(`${report.saved ? 'Skipped' : 'Invalid'} records:\n${report.invalid.map(describe).join('\n')}`);
        }
        if (!report.saved) {
          console.error(
            options['dry-run'] === true
              ? 'Dry run: nothing was imported.'
              : 'Nothing was imported. Fix the records above, or pass --skip-invalid to import the valid ones.',
          );
          return options['dry-run'] === true && report.invalid.length === 0 ? 0 : 1;
        }
        const s = report.saved;
        console.log(`Imported into ${options.unit}: ${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed.`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
};
