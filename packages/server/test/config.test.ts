import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sipas-config-'));
/** Runs the real command line with only the given SIPAS variables. */
function cli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAS_')));
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...clean, SIPAS_DATABASE_URL: `sqlite:${dir}/cli.db`, ...env }, encoding: 'utf8', cwd: dir });
}

function refused(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('strict configuration', () => {
  it('refuses each bad value from the issue, naming the setting and what it accepts, in Vietnamese and English', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ SIPAS_TRUST_PROXY: 'yes' }, 'SIPAS_TRUST_PROXY', /số proxy[\s\S]*the number of proxies/],
      [{ SIPAS_HOLIDAYS: '27/02/2027' }, 'SIPAS_HOLIDAYS', /NĂM-THÁNG-NGÀY[\s\S]*YYYY-MM-DD/],
      [{ SIPAS_DATABASE_URL: 'mysql://x/y' }, 'SIPAS_DATABASE_URL', /sqlite:đường[\s\S]*postgres:\/\/user/],
      [{ PORT: '80a' }, 'PORT', /0 đến 65535/],
      [{ SIPAS_LOG_LEVEL: 'verbose' }, 'SIPAS_LOG_LEVEL', /silent, fatal/],
      [{ SIPAS_TRUST_PROXI: 'true' }, 'SIPAS_TRUST_PROXI', /không có biến này[\s\S]*SIPAS_TRUST_PROXY/],
    ];
    for (const [env, setting, accepted] of cases) {
      const error = refused(env);
      assert.equal(error.problems[0]!.setting, setting);
      assert.match(error.message, new RegExp(`${setting}=`));
      assert.match(error.message, accepted);
      assert.match(error.message, /máy chủ không khởi động[\s\S]*the server does not start/);
    }
  });

  it('accepts the forms operators use: a proxy count, proxy addresses, true; a bare SQLite path', () => {
    assert.equal(loadConfig({ SIPAS_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ SIPAS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, '127.0.0.1,10.0.0.0/8');
    assert.equal(loadConfig({ SIPAS_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ SIPAS_DATABASE_URL: './data/x.db' }).databaseUrl, 'sqlite:./data/x.db');
    assert.deepEqual(loadConfig({ SIPAS_HOLIDAYS: '2027-02-05, 2027-02-08' }).holidays, ['2027-02-05', '2027-02-08']);
  });

  it('refuses an unknown key and a bad value in the configuration file, listing every problem at once', () => {
    const file = join(dir, 'sipas.json');
    writeFileSync(file, JSON.stringify({ port: 8787, trustproxy: true, holidays: ['2027-02-30'] }));
    const error = refused({ SIPAS_CONFIG: file });
    assert.deepEqual(error.problems.map((p) => p.setting), [`${file}: "trustproxy"`, `${file}: "holidays"`]);
    assert.match(error.message, /không có khoá này; các khoá: host, port/);
  });

  it('`sipas-server start` with a bad setting stops at once with the message; `config --check` says valid or not', () => {
    const start = cli(['start'], { SIPAS_TRUST_PROXY: 'yes' });
    assert.equal(start.status, 78);
    assert.match(start.stderr, /SIPAS_TRUST_PROXY="yes"/);
    const check = cli(['config', '--check'], { SIPAS_DATABASE_URL: 'mysql://x/y' });
    assert.equal(check.status, 78);
    assert.match(check.stderr, /SIPAS_DATABASE_URL="mysql:\/\/x\/y"/);
    const good = cli(['config', '--check'], { SIPAS_DATABASE_URL: 'postgres://sipas:secret@db/sipas', PORT: '9000' });
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /Cấu hình hợp lệ/);
    assert.match(good.stdout, /postgres:\/\/sipas:\*\*\*@db\/sipas/, 'the password is masked');
  });
});

describe('strict command line', () => {
  it('refuses a mistyped option and names it, suggesting the right one; the import does not run', () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '[]');
    const typo = cli(['import-procedures', file, '--unit', 'phuong-a', '--dryrun']);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /Không có tùy chọn --dryrun \(có phải --dry-run\?\)/);
    assert.match(typo.stderr, /Unknown option --dryrun/);
    assert.doesNotMatch(typo.stdout, /records/, 'nothing was read or imported');
  });

  it('refuses a missing required option, a missing value, a value given to a flag, a stray argument', () => {
    assert.match(cli(['kiosk-key', '--list']).stderr, /Thiếu --unit/);
    assert.match(cli(['export-log', '--unit']).stderr, /--unit cần một giá trị/);
    assert.match(cli(['rebuild-results', '--check=yes']).stderr, /--check không nhận giá trị/);
    assert.match(cli(['migrate', 'now']).stderr, /Thừa "now"/);
    assert.match(cli(['staff-add', '--unit', 'a', '--username', 'b', '--name', 'C', '--role', 'boss']).stderr, /staff hoặc admin/);
    assert.equal(cli(['migrate', '--force']).status, 2);
    assert.equal(cli(['nonsense']).status, 2);
  });

  it('`--help` on every command shows its usage and options', () => {
    for (const name of ['start', 'import-procedures', 'backup', 'move-to-postgres', 'audit', 'kiosk-key', 'feedback-settings']) {
      const help = cli([name, '--help']);
      assert.equal(help.status, 0, `${name}: ${help.stderr}`);
      assert.match(help.stdout, new RegExp(`sipas-server ${name}`));
    }
    assert.match(cli(['import-procedures', '--help']).stdout, /--dry-run\s+Check only/);
  });
});
