import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';

/**
 * What an operator does: pack the three packages, install them into an empty folder and run the
 * server from there — nothing of the repository reachable. npm works from its cache (offline
 * where it can); better-sqlite3's native build (~80 s from source here) is copied from the
 * repository's own, built for the same Node and version, so the test stays near a minute.
 */
const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'sipas-install-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'ward-server');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('installing the packed packages into an empty folder', { timeout: 600_000 }, () => {
  let server: ChildProcess | undefined;
  let base = '';
  const files: Record<string, string[]> = {};

  before(async () => {
    mkdirSync(tarballs, { recursive: true });
    mkdirSync(app, { recursive: true });
    for (const name of ['schema', 'widgets', 'desk', 'server']) {
      const listing = JSON.parse(npm(['pack', '--json', '--pack-destination', tarballs], join(root, 'packages', name))) as { files: { path: string }[] }[];
      files[name] = listing[0]!.files.map((f) => f.path);
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ward-server', private: true }));
    const packed = readdirSync(tarballs).map((f) => join(tarballs, f));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...packed], app);
    const repoSqlite = dirname(createRequire(join(root, 'packages/server/package.json')).resolve('better-sqlite3/package.json'));
    const installed = join(app, 'node_modules/better-sqlite3');
    if (require(join(repoSqlite, 'package.json')).version === require(join(installed, 'package.json')).version) {
      mkdirSync(join(installed, 'build/Release'), { recursive: true });
      copyFileSync(join(repoSqlite, 'build/Release/better_sqlite3.node'), join(installed, 'build/Release/better_sqlite3.node'));
    } else {
      npm(['rebuild', 'better-sqlite3'], app);
    }
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('npx', ['--no-install', 'sipas-server', 'demo'], {
      cwd: app,
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAS_'))), PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('SIPAS server')) resolve();
      });
      server!.stderr!.on('data', (chunk) => (output += chunk));
      server!.on('exit', (code) => reject(new Error(`sipas-server demo exited ${code}:\n${output}`)));
    });
  });
  after(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  const require = createRequire(import.meta.url);

  it('packs README and LICENSE, and no tests or build info', () => {
    for (const [name, list] of Object.entries(files)) {
      assert.ok(list.includes('README.md') && list.includes('LICENSE'), `${name} carries README.md and LICENSE`);
      assert.deepEqual(list.filter((f) => /(^|\/)test\/|\.test\.|tsbuildinfo/.test(f)), [], `${name} carries no tests or build info`);
    }
    assert.ok(files.desk!.includes('index.html') && files.server!.includes('site/cau-hinh.html'), 'the desk ships in @sipas/desk, the configurator in @sipas/server');
    assert.ok(files.widgets!.includes('dist/sipas.js.br'), 'the widgets ship pre-compressed');
  });

  it('`npx sipas-server demo` serves the site, the desk, the configurator, the widgets and the API from the installed packages', async () => {
    for (const path of ['/', '/desk/', '/desk/desk.js', '/cau-hinh/', '/healthz', '/readyz', '/v1/units/phuong-tan-hoa/procedures', '/openapi.json']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
    }
    assert.match(await (await fetch(`${base}/`)).text(), /Tân Hòa/);
    assert.ok(!existsSync(join(app, 'node_modules/@sipas/server/src')), 'no TypeScript sources needed at run time');
  });

  it('serves sipas.js from the installed @sipas/widgets, Brotli-compressed on the wire', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: unknown; bytes: Buffer }>((resolve, reject) => {
      request(`${base}/sipas/sipas.js`, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    assert.equal(body.encoding, 'br');
    assert.match(brotliDecompressSync(body.bytes).toString('utf8').slice(0, 4000), /sipas|customElements/i);
  });
});
