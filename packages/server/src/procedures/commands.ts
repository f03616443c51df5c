import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import { UnitStore } from '../units/store.js';
import { importProceduresFile, type ImportReport } from './import.js';


function describe(issue: ImportReport['invalid'][number]): string {
  const what = [issue.code, issue.name ? `"${issue.name.slice(0, 60)}"` : undefined].filter(Boolean).join(' ');
  return `  ${issue.position}${what ? ` (${what})` : ''}:\n${issue.problems.map((p) => `      ${p}`).join('\n')}`;
}

/** `sipas-server` sub-commands of the procedures capability. */
export const procedureCommands: Commands = {
  'import-procedures': command({
    summary:
      "Import a unit's procedures from XLSX, CSV (, ; tab; UTF-8, UTF-16, Windows-1258) or JSON: our field names, the national database's, provincial systems' or Vietnamese headings.",
    usage: '<file.xlsx|file.csv|file.json> --unit <unit> [--skip-invalid] [--replace] [--dry-run] [--warnings]',
    positionals: 1,
    options: {
      unit: UNIT,
      'skip-invalid': { kind: 'flag', summary: 'Import the valid records and list the others (default: all or nothing)' },
      replace: { kind: 'flag', summary: "Remove the unit's procedures that are not in the file" },
      'dry-run': { kind: 'flag', summary: 'Check only; write nothing' },
      warnings: { kind: 'flag', summary: 'List the records whose fields were taken apart with doubt' },
    },
    run: async ({ positionals, options }) => {
      const [file] = positionals;
      if (!file) throw new UsageError('Thiếu tên tệp (the file is missing).');
      return withDatabase(async (db) => {
        if (!(await new UnitStore(db).get(options.unit!))) {
          console.error(`No unit "${options.unit}". Create it first (configuration "units", or seed-demo).`);
          return 1;
        }
        const report = await importProceduresFile(db, options.unit!, file, {
          skipInvalid: options['skip-invalid'] === true,
          replace: options.replace === true,
          dryRun: options['dry-run'] === true,
        });
        console.log(`${file} (${report.format}): ${report.total} records, ${report.valid} valid (${report.clean} parsed without warnings), ${report.invalid.length} invalid.`);
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
      });
    },
  }),
};
