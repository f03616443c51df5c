import { webUrl } from '@sipas/schema';
import type { Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { UnitStore } from '../units/store.js';
import { feedbackSettings, type FeedbackSettings } from './settings.js';

const USAGE =
  'sipas-server feedback-settings --unit <unit> [--days 10] [--holidays 2026-02-16,2026-02-17] [--smtp-url smtp://user:pass@host:587] [--smtp-from "UBND phường <no-reply@…>"] [--lookup-url https://…/gop-y.html] [--no-smtp]';

/** `sipas-server` sub-commands of the feedback capability. */
export const feedbackCommands: Commands = {
  'feedback-settings': {
    summary: "Show or change a unit's feedback settings: answering period, holidays, SMTP server, lookup page.",
    usage: USAGE,
    run: async ({ options }) => {
      const unitId = options.unit;
      if (typeof unitId !== 'string') {
        console.error(`Usage: ${USAGE}`);
        return 2;
      }
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        await migrate(db);
        const units = new UnitStore(db);
        const unit = await units.get(unitId);
        if (!unit) {
          console.error(`There is no unit "${unitId}".`);
          return 1;
        }
        const next: FeedbackSettings = { ...feedbackSettings(unit) };
        if (typeof options.days === 'string') {
          const days = Number(options.days);
          if (!Number.isInteger(days) || days < 1 || days > 90) {
            console.error('--days must be a whole number of working days between 1 and 90');
            return 2;
          }
          next.workingDays = days;
        }
        if (typeof options.holidays === 'string') {
          const dates = options.holidays.split(',').map((d) => d.trim()).filter(Boolean);
          const wrong = dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)));
          if (wrong.length) {
            console.error(`Not dates (YYYY-MM-DD): ${wrong.join(', ')}`);
            return 2;
          }
          next.holidays = dates;
        }
        if (typeof options['smtp-url'] === 'string') {
          next.smtp = { url: options['smtp-url'], ...(typeof options['smtp-from'] === 'string' ? { from: options['smtp-from'] } : {}) };
        }
        if (options['no-smtp'] === true) delete next.smtp;
        if (typeof options['lookup-url'] === 'string') {
          // It becomes a link in the emails to citizens: only a web address.
          if (!webUrl().safeParse(options['lookup-url']).success) {
            console.error('--lookup-url: cần một địa chỉ web bắt đầu bằng https:// hoặc http:// (an http(s) URL).');
            return 2;
          }
          next.lookupUrl = options['lookup-url'];
        }
        const { settings, ...plain } = unit;
        await units.upsert(plain, { ...settings, feedback: next });
        const shown = { ...next, ...(next.smtp ? { smtp: { ...next.smtp, url: next.smtp.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') } } : {}) };
        console.log(`Feedback settings of ${unitId}:\n${JSON.stringify(shown, null, 2)}`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
};
