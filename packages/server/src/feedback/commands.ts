import { webUrl } from '@sipas/schema';
import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import { UnitStore } from '../units/store.js';
import { feedbackSettings, type FeedbackSettings } from './settings.js';


/** `sipas-server` sub-commands of the feedback capability. */
export const feedbackCommands: Commands = {
  'feedback-settings': command({
    summary: "Show or change a unit's feedback settings: answering period, extra days off, SMTP server, lookup page.",
    usage: '--unit <unit> [--days 10] [--holidays 2026-02-16,2026-02-17] [--smtp-url smtp://user:pass@host:587] [--smtp-from "…"] [--lookup-url https://…] [--no-smtp]',
    options: {
      unit: UNIT,
      days: { kind: 'value', hint: '<1–90>', summary: 'Working days to answer a case' },
      holidays: { kind: 'value', hint: '<dates>', summary: "The unit's own extra days off, YYYY-MM-DD,… (public holidays are computed; see the desk's holiday list)" },
      'smtp-url': { kind: 'value', hint: '<url>', summary: "The unit's own SMTP server" },
      'smtp-from': { kind: 'value', hint: '<address>', summary: 'Sender address of its notices' },
      'no-smtp': { kind: 'flag', summary: "Remove the unit's own SMTP server" },
      'lookup-url': { kind: 'value', hint: '<url>', summary: 'The page where the feedback element is (linked from emails)' },
    },
    run: async ({ options }) => {
      const unitId = options.unit!;
      if (options['smtp-url'] !== undefined && options['no-smtp']) throw new UsageError('--smtp-url và --no-smtp không đi cùng nhau (not together).');
      return withDatabase(async (db) => {
        const units = new UnitStore(db);
        const unit = await units.get(unitId);
        if (!unit) {
          console.error(`There is no unit "${unitId}".`);
          return 1;
        }
        const next: FeedbackSettings = { ...feedbackSettings(unit) };
        if (typeof options.days === 'string') {
          const days = Number(options.days);
          if (!Number.isInteger(days) || days < 1 || days > 90) throw new UsageError('--days nhận số ngày làm việc từ 1 đến 90 (a whole number from 1 to 90).');
          next.workingDays = days;
        }
        if (typeof options.holidays === 'string') {
          const dates = options.holidays.split(',').map((d) => d.trim()).filter(Boolean);
          const wrong = dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)));
          if (wrong.length) throw new UsageError(`--holidays: không phải ngày NĂM-THÁNG-NGÀY (not dates YYYY-MM-DD): ${wrong.join(', ')}`);
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
      });
    },
  }),
};
