import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { runLoad, startProcess } from '#scripts/load.mjs';
import { testPostgresUrl } from '#scripts/postgres.mjs';
import { freePort } from '#support/test-server.mjs';
import { openDatabase } from '@sipas/server';

/**
 * Load and crash tests at a size that fits CI (the full load test is `npm run bench`): the real
 * server as its own process, answers counted, the database read back afterwards.
 */
const items = Array.from({ length: 19 }, (_, i) => `q${i + 15}`);
const response = (id: string = crypto.randomUUID()) => ({
  id,
  unit: 'phuong-tai',
  questionnaire: { id: 'bnv-2023', version: 1 },
  answers: Object.fromEntries(items.map((item, i) => [item, i >= 16 ? null : 1 + (i % 5)])),
  context: { channel: 'web' },
});

async function countsById(databaseUrl: string): Promise<Map<string, number>> {
  const db = await openDatabase(databaseUrl);
  const rows = await db.all<{ id: string; n: number }>('SELECT id, COUNT(*) AS n FROM survey_responses GROUP BY id');
  await db.close();
  return new Map(rows.map((row) => [row.id, Number(row.n)]));
}

/** A fresh PostgreSQL database, dropped again by `drop` (never throwing, never leaving a client open). */
async function postgresDatabase(admin: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      try {
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch (error) {
        console.warn(`test database ${name} left behind: ${(error as Error).message}`);
      } finally {
        await dropper.end().catch(() => undefined);
      }
    },
  };
}

async function databases(dir: string): Promise<{ name: string; url: string; drop(): Promise<void> }[]> {
  const list: { name: string; url: string; drop(): Promise<void> }[] = [
    { name: 'SQLite', url: `sqlite:${join(dir, 'load.db')}`, drop: async () => undefined },
  ];
  const admin = testPostgresUrl();
  if (admin) list.push({ name: 'PostgreSQL', ...(await postgresDatabase(admin, 'sipas_load')) });
  return list;
}

const dir = mkdtempSync(join(tmpdir(), 'sipas-durability-'));
writeFileSync(
  join(dir, 'config.json'),
  JSON.stringify({ units: [{ id: 'phuong-tai', name: 'Phường Tải', parent: null, questionnaire: 'bnv-2023', allowedOrigins: [] }] }),
);
const targets = await databases(dir);

for (const target of targets) {
  describe(`durability on ${target.name}`, () => {
    const env = {
      SIPAS_CONFIG: join(dir, 'config.json'),
      SIPAS_DATABASE_URL: target.url,
      SIPAS_RATE_LIMIT: '1000000000',
      SIPAS_LOG_LEVEL: 'warn',
    };
    let port: number;
    before(async () => {
      port = await freePort();
    });
    after(async () => target.drop());

    const start = () => startProcess(['packages/server/dist/src/cli.js', 'start'], { ...env, PORT: String(port) });
    const url = () => `http://127.0.0.1:${port}/v1/surveys`;

    it('answers a burst of 50 connections with zero errors, and stores each 201 exactly once', async () => {
      const server = await start();
      const created: string[] = [];
      const result = await runLoad({
        url: url(),
        connections: 50,
        seconds: 3,
        body: () => response(),
        onAnswer: (status, sent) => status === 201 && created.push((sent as { id: string }).id),
      });
      await server.stop();
      assert.equal(result.errors, 0);
      assert.deepEqual(Object.keys(result.statuses), ['201']);
      const stored = await countsById(target.url);
      for (const id of created) assert.equal(stored.get(id), 1, id);
    });

    it('loses nothing acknowledged when killed with SIGKILL mid-load; the outboxes deliver the rest', async () => {
      const server = await start();
      const acknowledged = new Set<string>();
      const sent = new Set<string>();
      // Clients whose server vanished stop and keep what they had (their outboxes), like the widgets.
      const crashed = new AbortController();
      // The crash comes after the 20th acknowledgement, whatever the machine's speed (never a timer).
      let midLoad!: () => void;
      const reachedMidLoad = new Promise<void>((resolve) => (midLoad = resolve));
      const load = runLoad({
        signal: crashed.signal,
        url: url(),
        connections: 30,
        seconds: 120,
        body: () => {
          const body = response();
          sent.add(body.id);
          return body;
        },
        onAnswer: (status, payload) => {
          if (status === 201 || status === 200) acknowledged.add((payload as { id: string }).id);
          if (acknowledged.size >= 20) midLoad();
        },
      });
      await Promise.race([reachedMidLoad, load]);
      crashed.abort();
      await server.stop('SIGKILL');
      await load;
      assert.ok(acknowledged.size > 0, 'some responses were acknowledged before the crash');
      assert.ok(sent.size > acknowledged.size, 'some were cut off by the crash');

      const restarted = await start();
      const afterCrash = await countsById(target.url);
      for (const id of acknowledged) assert.equal(afterCrash.get(id), 1, `acknowledged ${id} survived exactly once`);

      // What the clients' outboxes do: send every unacknowledged response again, same id, same body.
      const pending = [...sent].filter((id) => !acknowledged.has(id));
      const queue = [...pending];
      const redelivery = await runLoad({
        url: url(),
        connections: 10,
        seconds: 120,
        maxRequests: pending.length,
        body: () => response(queue.pop()),
      });
      await restarted.stop();
      assert.equal(redelivery.errors, 0);
      assert.ok(Object.keys(redelivery.statuses).every((status) => status === '201' || status === '200'));
      const final = await countsById(target.url);
      for (const id of sent) assert.equal(final.get(id), 1, `${id} stored exactly once`);
    });
  });
}


const postgresAdmin = testPostgresUrl();
if (postgresAdmin) {
  describe('two server processes on one PostgreSQL behave as one', () => {
    let postgres: { url: string; drop(): Promise<void> };
    before(async () => {
      postgres = await postgresDatabase(postgresAdmin, 'sipas_two');
    });
    after(async () => postgres.drop());

    it('the same responses sent to both at once are stored exactly once, and the ballot box audits clean', async () => {
      const env = {
        SIPAS_CONFIG: join(dir, 'config.json'),
        SIPAS_DATABASE_URL: postgres.url,
        SIPAS_RATE_LIMIT: '1000000000',
        SIPAS_LOG_LEVEL: 'warn',
        SIPAS_LOG_KEY: join(dir, 'shared-log-key.pem'),
      };
      const ports = [await freePort(), await freePort()];
      // Both start together, racing to migrate the fresh database; a failure must not leave the other running.
      const started = await Promise.allSettled(
        ports.map((port) => startProcess(['packages/server/dist/src/cli.js', 'start'], { ...env, PORT: String(port) })),
      );
      const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      try {
        for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
        // Every response goes to both processes at the same moment, as a client retrying through a load balancer would.
        const bodies = Array.from({ length: 300 }, () => response());
        const queues = ports.map(() => [...bodies]);
        const results = await Promise.all(
          ports.map((port, i) =>
            runLoad({
              url: `http://127.0.0.1:${port}/v1/surveys`,
              connections: 8,
              seconds: 60,
              maxRequests: bodies.length,
              body: () => queues[i]!.pop()!,
            }),
          ),
        );
        for (const result of results) {
          assert.equal(result.errors, 0);
          assert.ok(Object.keys(result.statuses).every((status) => status === '201' || status === '200'), JSON.stringify(result.statuses));
        }
        const created = results.reduce((sum, result) => sum + (result.statuses['201'] ?? 0), 0);
        assert.equal(created, bodies.length, 'each response created once across both processes');
        const stored = await countsById(postgres.url);
        for (const body of bodies) assert.equal(stored.get(body.id), 1, body.id);
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
      const audit = spawnSync(process.execPath, ['packages/server/dist/src/cli.js', 'audit', '--unit', 'phuong-tai'], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      assert.equal(audit.status, 0, audit.stdout + audit.stderr);
    });
  });
}

after(() => rmSync(dir, { recursive: true, force: true }));
