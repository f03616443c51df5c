// Lints the OpenAPI document the reference server publishes with Redocly's CLI and the rules in
// redocly.yaml (recommended-strict and more). Run after `npm run build`; `npm test` runs it.
// Exits non-zero on any problem. The document goes to packages/schema/dist/openapi.json, the path
// .redocly.lint-ignore.yaml names.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../packages/schema/dist/src/openapi.js';
import { VERSION } from '../packages/server/dist/src/version.js';

const root = new URL('..', import.meta.url).pathname;
const file = 'packages/schema/dist/openapi.json';
writeFileSync(new URL(`../${file}`, import.meta.url), JSON.stringify(buildOpenApi({ version: VERSION }), null, 2));
const lint = spawnSync('npx', ['--no-install', 'redocly', 'lint', file, '--config', 'redocly.yaml', '--format', 'stylish'], {
  cwd: root,
  stdio: 'inherit',
  // Offline and quiet: no usage report, no update check.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
});
process.exit(lint.status ?? 1);
