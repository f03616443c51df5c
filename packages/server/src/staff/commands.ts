import type { Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { StaffStore } from './store.js';

const UNLOCK_USAGE = 'sipas-server staff-unlock --unit <đơn vị> --username <tên đăng nhập>';

/** `sipas-server` sub-commands of the staff capability. */
export const staffCommands: Commands = {
  'staff-unlock': {
    summary: 'Mở khoá tài khoản cán bộ bị tạm khoá do đăng nhập sai (unlock a staff account after failed sign-ins).',
    usage: UNLOCK_USAGE,
    run: async ({ options }) => {
      const { unit, username } = options;
      if (typeof unit !== 'string' || typeof username !== 'string') {
        console.error(`Cách dùng (usage): ${UNLOCK_USAGE}`);
        return 2;
      }
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        await migrate(db);
        if (!(await new StaffStore(db).unlock(unit, username))) {
          console.error(`Đơn vị ${unit} không có tài khoản "${username}".`);
          return 1;
        }
        console.log(`Đã mở khoá tài khoản ${username} của ${unit}: có thể đăng nhập lại ngay.`);
        return 0;
      } finally {
        await db.close();
      }
    },
  },
};
