#!/usr/bin/env node
// The server's launchers pass `--max-semi-space-size=32` (deploy/Dockerfile, deploy/sipas.service,
// the root `npm start`; a test keeps them equal): a larger young generation lets each request's
// objects die there while its group commit syncs, instead of being promoted and collected the
// costly way — ~25% less CPU per stored survey response. Not in this shebang: `env -S` is missing
// from BusyBox and older coreutils, where the command would not start at all. By hand:
// NODE_OPTIONS=--max-semi-space-size=32 sipas-server start.
import { bundledWidgetsDir, siteDir } from './assets.js';
import { command, commandHelp, HELP, parseCommandArgs, UsageError, withDatabase, type Commands } from './commands.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { seedDemo } from './demo.js';
import { dossierCommands } from './dossiers/commands.js';
import { feedbackCommands } from './feedback/commands.js';
import { logCommands } from './log/commands.js';
import { staffCommands } from './staff/commands.js';
import { opsCommands } from './ops/commands.js';
import { procedureCommands } from './procedures/commands.js';
import { resultsCommands } from './results/commands.js';
import { createServer } from './server.js';
import { surveyCommands } from './surveys/commands.js';

async function start(config: ServerConfig, seed: boolean): Promise<number> {
  const { app, ctx } = await createServer(config);
  if (seed) {
    const base = [`http://${config.host}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    // The survey page of the demo site this server serves: where the desk's QR labels lead.
    const site = ['0.0.0.0', '::'].includes(config.host) ? base[2]! : base[0]!;
    await seedDemo(ctx, base, { surveyUrl: new URL('/khao-sat.html', site).href });
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const ready = `SIPAS server ${address} · ${ctx.db.describe()}`;
  console.log(
    config.siteDir
      ? `${ready}\n  Demo ward site: ${address}/\n  Staff desk:     ${address}/desk/ (demo: đơn vị phuong-tan-hoa, canbo / tanhoa-canbo-demo)\n  API:            ${address}/v1 · ${address}/openapi.json`
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
};

const commands: Commands = { ...core, ...staffCommands, ...surveyCommands, ...procedureCommands, ...feedbackCommands, ...resultsCommands, ...logCommands, ...opsCommands, ...dossierCommands };

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

