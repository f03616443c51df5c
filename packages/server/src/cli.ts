#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { bundledWidgetsDir, siteDir } from './assets.js';
import { command, commandHelp, HELP, parseCommandArgs, UNIT, UsageError, withDatabase, type Commands } from './commands.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { seedDemo } from './demo.js';
import { feedbackCommands } from './feedback/commands.js';
import { logCommands } from './log/commands.js';
import { staffCommands } from './staff/commands.js';
import { opsCommands } from './ops/commands.js';
import { procedureCommands } from './procedures/commands.js';
import { resultsCommands } from './results/commands.js';
import { createServer } from './server.js';
import { StaffStore } from './staff/store.js';
import { issueKioskKey, listKioskKeys, revokeKioskKey } from './surveys/kiosk.js';
import { UnitStore } from './units/store.js';

async function start(config: ServerConfig, seed: boolean): Promise<number> {
  const { app, ctx } = await createServer(config);
  if (seed) {
    const base = [`http://${config.host}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    await seedDemo(ctx, base);
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const ready = `SIPAS server ${address} · ${ctx.db.describe()}`;
  console.log(
    config.siteDir
      ? `${ready}\n  Demo ward site: ${address}/\n  Staff desk:     ${address}/desk/ (demo: canbo / tanhoa-canbo-demo)\n  API:            ${address}/v1 · ${address}/openapi.json`
      : ready,
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1; // keep running
}

const core: Commands = {
  start: command({
    summary: 'Start the endpoint (configuration from the environment or SIPAS_CONFIG, see docs/operations.md).',
    usage: '',
    options: {},
    run: async () => start(loadConfig(), false),
  }),
  demo: command({
    summary: 'Migrate, seed the demo ward, and serve the demo site, the widgets, the desk and the API.',
    usage: '',
    options: {},
    run: async () => {
      const widgetsDir = bundledWidgetsDir();
      const site = siteDir();
      if (!widgetsDir || !site) {
        console.error('The widgets or the demo site are not built: run `npm run build` first (npm start does it for you).');
        return 1;
      }
      // The demo prints its address, not a JSON line per request (SIPAS_LOG_LEVEL=info shows them).
      const env = { SIPAS_LOG_LEVEL: 'warn', ...process.env };
      return start(loadConfig(env, { siteDir: site, widgetsDir }), true);
    },
  }),
  migrate: command({
    summary: 'Apply pending database migrations.',
    usage: '',
    options: {},
    run: async () =>
      withDatabase(async () => {
        console.log('The database is up to date.');
        return 0;
      }),
  }),
  'seed-demo': command({
    summary: 'Create the demo ward with its procedures, responses and feedback (idempotent).',
    usage: '[--origin http://host:port]',
    options: { origin: { kind: 'value', hint: '<url>', summary: 'A web origin allowed to call the demo ward' } },
    run: async ({ options }) => {
      const { app, ctx } = await createServer(loadConfig(process.env, { logLevel: 'silent' }));
      try {
        await seedDemo(ctx, options.origin ? [options.origin] : []);
        console.log('Demo ward phuong-tan-hoa is ready.');
        return 0;
      } finally {
        await app.close();
      }
    },
  }),
  'kiosk-key': command({
    summary: "Issue, list or revoke the kiosk keys that lift the per-IP limit for a unit's counter devices.",
    usage: '--unit <unit> (--label "Quầy 1" | --list | --revoke <id>)',
    options: {
      unit: UNIT,
      label: { kind: 'value', hint: '<label>', summary: 'Issue a key for this device (default "kiosk")' },
      list: { kind: 'flag', summary: "List the unit's keys" },
      revoke: { kind: 'value', hint: '<id>', summary: 'Revoke a key' },
    },
    run: async ({ options }) => {
      if ([options.label !== undefined, options.list, options.revoke !== undefined].filter(Boolean).length > 1) {
        throw new UsageError('Chọn một trong --label, --list, --revoke (one of them).');
      }
      const unit = options.unit!;
      return withDatabase(async (db) => {
        const units = new UnitStore(db);
        if (options.list) {
          for (const key of await listKioskKeys(units, unit)) console.log(`${key.id}  ${key.createdAt}  ${key.label}`);
        } else if (options.revoke !== undefined) {
          const revoked = await revokeKioskKey(units, unit, options.revoke);
          console.log(revoked ? `Kiosk key ${options.revoke} revoked.` : `No kiosk key ${options.revoke} for ${unit}.`);
          if (!revoked) return 1;
        } else {
          const key = await issueKioskKey(units, unit, options.label ?? 'kiosk');
          console.log(`Kiosk key for ${unit} (shown once, keep it on the device only):\n${key}`);
        }
        return 0;
      });
    },
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

const commands: Commands = { ...core, ...procedureCommands, ...feedbackCommands, ...resultsCommands, ...logCommands, ...staffCommands, ...opsCommands };

function help(): void {
  console.log('Cách dùng (usage): sipas-server <lệnh/command> [tùy chọn/options]   ·   sipas-server <lệnh> --help\n');
  for (const [name, cmd] of Object.entries(commands)) console.log(`  ${name.padEnd(20)} ${cmd.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    console.error(`Không có lệnh "${name}" (unknown command).`);
    help();
    return 2;
  }
  try {
    const args = parseCommandArgs(rest, { ...HELP, ...cmd.options }, cmd.positionals ?? 0);
    if (args.options.help) {
      console.log(commandHelp(name, cmd));
      return 0;
    }
    return await cmd.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`sipas-server ${name}: ${error.message}\n\n${commandHelp(name, cmd)}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    // A refused configuration names each setting already; anything else gets the command's name.
    console.error(error instanceof ConfigError ? error.message : `sipas-server: ${error.message}`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);

