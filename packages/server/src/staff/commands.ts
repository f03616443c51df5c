import { randomBytes } from 'node:crypto';
import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import { UnitStore } from '../units/store.js';
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
  'staff-add': command({
    summary: 'Create a staff account for a unit (role staff or admin).',
    usage: '--unit <unit> --username <name> --name "Họ tên" [--role staff|admin]',
    options: {
      unit: UNIT,
      username: { kind: 'value', required: true, hint: '<username>', summary: 'Sign-in name' },
      name: { kind: 'value', required: true, hint: '"Họ tên"', summary: 'Full name shown in the desk and the logs' },
      role: { kind: 'value', hint: 'staff|admin', summary: 'Role (default staff)' },
      password: { kind: 'value', hint: '<password>', summary: 'Prefer SIPAS_STAFF_PASSWORD: a command line ends up in shell history' },
    },
    run: async ({ options }) => {
      if (options.role !== undefined && options.role !== 'staff' && options.role !== 'admin') {
        throw new UsageError(`--role nhận staff hoặc admin, không phải "${options.role}" (accepted: staff, admin).`);
      }
      const role = options.role === 'admin' ? 'admin' : 'staff';
      const given = process.env.SIPAS_STAFF_PASSWORD ?? options.password;
      const password = given ?? randomBytes(12).toString('base64url');
      return withDatabase(async (db) => {
        if (!(await new UnitStore(db).get(options.unit!))) {
          console.error(`There is no unit "${options.unit}".`);
          return 1;
        }
        await new StaffStore(db).addUser({ unit: options.unit!, username: options.username!, name: options.name!, role, password });
        console.log(`Staff account ${options.username} (${role}) created for ${options.unit}.${given ? '' : `\nPassword (shown once): ${password}`}`);
        return 0;
      });
    },
  }),
};
