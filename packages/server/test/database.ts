import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The database a server test runs on: a fresh SQLite file by default, or a fresh PostgreSQL
 * database when SIPAS_TEST_DATABASE=postgres (scripts/test.mjs runs the suite both ways).
 */
export const TEST_DIALECT = process.env.SIPAS_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export async function testDatabase(dir: string, dialect: 'sqlite' | 'postgres' = TEST_DIALECT): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { url: `sqlite:${dir}/test.db`, drop: async () => undefined };
  const admin = process.env.SIPAS_TEST_POSTGRES_URL;
  if (!admin) throw new Error('SIPAS_TEST_DATABASE=postgres needs SIPAS_TEST_POSTGRES_URL');
  const name = `sipas_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await dropDatabase(admin, name);
    },
  };
}

/**
 * Drops a test database. Never throws and never leaves a client open: a failed drop (PostgreSQL
 * refusing to end an autovacuum worker, 42501) must not hang the test process; a stray test
 * database is harmless, so after a few tries it is left behind with a warning.
 */
export async function dropDatabase(admin: string, name: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const client = new pg.Client({ connectionString: admin });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if (attempt === 3) console.warn(`test database ${name} left behind: ${(error as Error).message}`);
      else await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
