import { command, withDatabase, type Commands } from '../commands.js';
import { rebuildAggregates } from './aggregate.js';

/** `sipas-server` sub-commands of the results capability. */
export const resultsCommands: Commands = {
  'rebuild-results': command({
    summary: 'Recompute the result aggregates and their month, quarter and year roll-ups from the stored responses (--check: only compare).',
    usage: '[--check]',
    options: { check: { kind: 'flag', summary: 'Only compare the stored aggregates with a recomputation; exit 1 if they differ' } },
    run: async ({ options }) =>
      withDatabase(async (db) => {
        const started = performance.now();
        const outcome = await rebuildAggregates(db, { check: options.check === true });
        const ms = Math.round(performance.now() - started);
        const skipped = outcome.skipped ? `; ${outcome.skipped} skipped (questionnaire version not stored)` : '';
        if (outcome.differences) {
          const n = outcome.differences.length;
          console.log(`${outcome.responses} responses checked in ${ms} ms${skipped}: ${n === 0 ? 'the aggregates agree.' : `${n} rows differ:`}`);
          for (const line of outcome.differences.slice(0, 50)) console.log(`  ${line}`);
          return n === 0 ? 0 : 1;
        }
        console.log(
          `Rebuilt the results of ${outcome.responses} responses in ${ms} ms: ${outcome.formRows} form rows, ${outcome.itemRows} criterion rows, ${outcome.rollupRows} month, quarter and year roll-up rows${skipped}.`,
        );
        return 0;
      }),
  }),
};
