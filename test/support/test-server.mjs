// A real SIPAS server for the tests: in this process, on a free port, over a fresh SQLite file,
// with the demo ward seeded. It can be stopped and started again on the same port and database,
// so tests can see what a citizen sees when the server goes away and comes back.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, loadConfig } from '../../packages/server/dist/src/index.js';
import { seedDemo, DEMO_UNIT } from '../../packages/server/dist/src/demo.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ origins?: string[], site?: boolean, env?: Record<string,string> }} options
 */
export async function startTestServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-test-'));
  const port = await freePort();
  const config = loadConfig(
    { ...options.env },
    {
      port,
      host: '127.0.0.1',
      databaseUrl: `sqlite:${join(dir, 'sipas.db')}`,
      logLevel: 'silent',
      // Tests send many responses from one address; the limit itself has its own tests.
      rateLimitPerMinute: Number(options.env?.SIPAS_RATE_LIMIT ?? 100000),
      ...(options.site ? { siteDir: join(repo, 'demo'), widgetsDir: join(repo, 'packages/widgets/dist') } : {}),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  let running;
  const origins = [...(options.origins ?? []), url, `http://localhost:${port}`];

  async function start() {
    if (running) return;
    running = await createServer(config);
    await seedDemo(running.ctx, origins);
    await running.app.listen({ port, host: '127.0.0.1' });
  }
  async function stop() {
    if (!running) return;
    const app = running.app;
    running = undefined;
    // Down means down: keep-alive sockets the browser holds must not reach the old instance.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  }
  await start();
  return {
    url,
    unit: DEMO_UNIT,
    dir,
    start,
    stop,
    get ctx() {
      return running?.ctx;
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
