#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, type Command, type Commands } from './commands.js';
import { loadConfig, type ServerConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { seedDemo } from './demo.js';
import { dossierCommands } from './dossiers/commands.js';
import { feedbackCommands } from './feedback/commands.js';
import { logCommands } from './log/commands.js';
import { procedureCommands } from './procedures/commands.js';
import { resultsCommands } from './results/commands.js';
import { createServer } from './server.js';
import { StaffStore } from './staff/store.js';
import { issueKioskKey, listKioskKeys, revokeKioskKey } from './surveys/kiosk.js';
import { randomBytes } from 'node:crypto';
import { UnitStore } from './units/store.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

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
  start: {
    summary: 'Start the endpoint (configuration from the environment, see README).',
    usage: 'sipas-server start',
    run: async () => start(loadConfig(), false),
  },
  demo: {
    summary: 'Migrate, seed the demo ward, and serve the demo site, the widgets and the API.',
    usage: 'sipas-server demo',
    run: async () => {
      const widgetsDir = `${repoRoot}packages/widgets/dist`;
      if (!existsSync(`${widgetsDir}/sipas.js`)) {
        console.error('The widgets are not built: run `npm run build` first (npm start does it for you).');
        return 1;
      }
      // The demo prints its address, not a JSON line per request (SIPAS_LOG_LEVEL=info shows them).
      const env = { SIPAS_LOG_LEVEL: 'warn', ...process.env };
      return start(loadConfig(env, { siteDir: `${repoRoot}demo`, widgetsDir }), true);
    },
  },
  migrate: {
    summary: 'Apply pending database migrations.',
    usage: 'sipas-server migrate',
    run: async () => {
      const db = await openDatabase(loadConfig().databaseUrl);
      const applied = await migrate(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      await db.close();
      return 0;
    },
  },
  'seed-demo': {
    summary: 'Create the demo ward with its procedures, responses and feedback (idempotent).',
    usage: 'sipas-server seed-demo [--origin http://host:port]',
    run: async ({ options }) => {
      const { app, ctx } = await createServer(loadConfig(process.env, { logLevel: 'silent' }));
      const origin = typeof options.origin === 'string' ? [options.origin] : [];
      await seedDemo(ctx, origin);
      console.log('Demo ward phuong-tan-hoa is ready.');
      await app.close();
      return 0;
    },
  },
  'kiosk-key': {
    summary: "Issue, list or revoke the kiosk keys that lift the per-IP limit for a unit's counter devices.",
    usage: 'sipas-server kiosk-key --unit <unit> (--label "Quầy 1" | --list | --revoke <id>)',
    run: async ({ options }) => {
      if (typeof options.unit !== 'string') {
        console.error('Usage: sipas-server kiosk-key --unit <unit> (--label "Quầy 1" | --list | --revoke <id>)');
        return 2;
      }
      const db = await openDatabase(loadConfig().databaseUrl);
      await migrate(db);
      const units = new UnitStore(db);
      try {
        if (options.list === true) {
          for (const key of await listKioskKeys(units, options.unit)) console.log(`${key.id}  ${key.createdAt}  ${key.label}`);
        } else if (typeof options.revoke === 'string') {
          const revoked = await revokeKioskKey(units, options.unit, options.revoke);
          console.log(revoked ? `Kiosk key ${options.revoke} revoked.` : `No kiosk key ${options.revoke} for ${options.unit}.`);
          if (!revoked) return 1;
        } else {
          const key = await issueKioskKey(units, options.unit, String(options.label ?? 'kiosk'));
          console.log(`Kiosk key for ${options.unit} (shown once, keep it on the device only):\n${key}`);
        }
        return 0;
      } finally {
        await db.close();
      }
    },
  },
  'staff-add': {
    summary: 'Create a staff account for a unit (role staff or admin).',
    usage: 'sipas-server staff-add --unit <unit> --username <name> --name "Họ tên" [--role staff|admin] [--password …]',
    run: async ({ options }) => {
      const { unit, username, name } = options;
      if (typeof unit !== 'string' || typeof username !== 'string' || typeof name !== 'string') {
        console.error('Usage: sipas-server staff-add --unit <unit> --username <name> --name "Họ tên" [--role staff|admin] [--password …]');
        return 2;
      }
      const role = options.role === 'admin' ? 'admin' : 'staff';
      // Prefer SIPAS_STAFF_PASSWORD over --password: a command line ends up in shell history.
      const given = process.env.SIPAS_STAFF_PASSWORD ?? (typeof options.password === 'string' ? options.password : undefined);
      const password = given ?? randomBytes(12).toString('base64url');
      const db = await openDatabase(loadConfig().databaseUrl);
      await migrate(db);
      if (!(await new UnitStore(db).get(unit))) {
        console.error(`There is no unit "${unit}".`);
        await db.close();
        return 1;
      }
      await new StaffStore(db).addUser({ unit, username, name, role, password });
      console.log(`Staff account ${username} (${role}) created for ${unit}.${given ? '' : `\nPassword (shown once): ${password}`}`);
      await db.close();
      return 0;
    },
  },
};

const commands: Commands = { ...core, ...procedureCommands, ...feedbackCommands, ...resultsCommands, ...logCommands, ...dossierCommands };

function help(): void {
  console.log('Usage: sipas-server <command> [options]\n');
  for (const [name, command] of Object.entries(commands)) console.log(`  ${name.padEnd(20)} ${command.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    help();
    return name ? 0 : 2;
  }
  const command: Command | undefined = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".`);
    help();
    return 2;
  }
  return command.run(parseCommandArgs(rest));
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    console.error(`sipas-server: ${error.message}`);
    process.exit(1);
  },
);
