// A PostgreSQL for the tests. Uses SIPAS_TEST_POSTGRES_URL when set; otherwise starts the
// Debian cluster when the machine has one (CI installs it) and makes a `sipas` role that may
// create databases. Prints the URL, or nothing when no PostgreSQL can be had here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const ROLE = 'sipas';
const PASSWORD = 'sipas-test';

function asPostgres(sql) {
  return spawnSync('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
}

export function testPostgresUrl() {
  if (process.env.SIPAS_TEST_POSTGRES_URL) return process.env.SIPAS_TEST_POSTGRES_URL;
  if (!existsSync('/usr/lib/postgresql') || typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
  try {
    const clusters = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' });
    if (!clusters.includes(' online ')) execFileSync('pg_ctlcluster', [version, 'main', 'start'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const exists = asPostgres(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`);
  if (exists.status !== 0) return undefined;
  // Superuser on this throw-away test cluster: DROP DATABASE … WITH (FORCE) must be able to end
  // an autovacuum worker, which PostgreSQL refuses to a plain role (42501).
  if (exists.stdout.trim() !== '1') {
    if (asPostgres(`CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`).status !== 0) return undefined;
  } else {
    asPostgres(`ALTER ROLE ${ROLE} SUPERUSER`);
  }
  return `postgres://${ROLE}:${PASSWORD}@127.0.0.1:5432/postgres`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = testPostgresUrl();
  if (url) console.log(url);
}
