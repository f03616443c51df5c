import { command, UNIT, withDatabase, type Commands } from '../commands.js';
import { StaffStore } from './store.js';

/** `sipas-server` sub-commands of the staff capability. */
export const staffCommands: Commands = {
  'staff-unlock': command({
    summary: 'Mở khoá tài khoản cán bộ bị tạm khoá do đăng nhập sai (unlock a staff account after failed sign-ins).',
    usage: '--unit <đơn vị> --username <tên đăng nhập>',
    options: { unit: UNIT, username: { kind: 'value', required: true, hint: '<username>', summary: 'Sign-in name' } },
    run: async ({ options }) =>
      withDatabase(async (db) => {
        if (!(await new StaffStore(db).unlock(options.unit!, options.username!))) {
          console.error(`Đơn vị ${options.unit} không có tài khoản "${options.username}".`);
          return 1;
        }
        console.log(`Đã mở khoá tài khoản ${options.username} của ${options.unit}: có thể đăng nhập lại ngay.`);
        return 0;
      }),
  }),
};
