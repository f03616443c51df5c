import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bundledWidgetsDir } from '../src/assets.js';
import { assetCacheControl, COMPRESS_THRESHOLD_BYTES, negotiateEncoding } from '../src/http/compress.js';
import { importProcedures } from '../src/procedures/import.js';
import { testApp } from './helpers.js';

/** A GET whose body is the bytes on the wire, not decoded (fetch would decompress). */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const widgets = bundledWidgetsDir();

describe('compressed, cacheable assets', { skip: widgets && existsSync(join(widgets, 'sipas.js.br')) ? false : 'the widgets are not built (npm run build)' }, () => {
  let server: Awaited<ReturnType<typeof testApp>>;
  let base: string;
  before(async () => {
    server = await testApp({ widgetsDir: widgets! });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  after(async () => server.dispose());

  it('sends sipas.js as Brotli to `Accept-Encoding: br, gzip`: the bytes on the wire are the .br file', async () => {
    const original = readFileSync(join(widgets!, 'sipas.js'));
    const response = await raw(`${base}/sipas/sipas.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.match(String(response.headers.vary), /accept-encoding/i);
    assert.match(String(response.headers['content-type']), /javascript/);
    assert.ok(response.body.length < original.length, `${response.body.length} bytes on the wire for ${original.length}`);
    assert.deepEqual(brotliDecompressSync(response.body), original);
    const gzip = await raw(`${base}/sipas/sipas.js`, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), original);
    const plain = await raw(`${base}/sipas/sipas.js`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, original);
  });

  it('caches the stable sipas.js for 5 minutes with an ETag (304 when unchanged); hashed names for a year, immutable', async () => {
    const first = await raw(`${base}/sipas/sipas.js`, { 'accept-encoding': 'br' });
    assert.equal(first.headers['cache-control'], 'public, max-age=300');
    assert.ok(first.headers.etag);
    const again = await raw(`${base}/sipas/sipas.js`, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(assetCacheControl('survey-Bx3kL9aQ.js'), 'public, max-age=31536000, immutable');
    assert.equal(assetCacheControl('sipas.js'), 'public, max-age=300');
    assert.equal(assetCacheControl('sipas-procedures.js'), 'public, max-age=300', 'a word is not a hash');
    assert.equal(assetCacheControl('survey-4u3W8d.js'), 'public, max-age=31536000, immutable', "the script tag's build id");
    assert.equal(assetCacheControl('BeVietnam-Regular.woff2'), 'public, max-age=300', 'a capitalised word is not a hash');
    assert.equal(assetCacheControl('feedback-later-DSb2Cz-I.js'), 'public, max-age=31536000, immutable', 'base64url has "-"');
    assert.equal(assetCacheControl('sipas-survey.js'), 'public, max-age=300', 'the stable copy of a first bundle');
  });

  it('names the source map of sipas.js and of each chunk in a SourceMap header (the files carry no comment), whatever the encoding', async () => {
    const plan = JSON.parse(readFileSync(join(widgets!, '.vite/script-tag.json'), 'utf8')) as { first: Record<string, string[]> };
    const chunk = plan.first['sipas-survey']![0]!;
    for (const [file, encoding] of [['sipas.js', 'br'], ['sipas.js', 'gzip'], [chunk, 'br'], [chunk, 'identity']] as const) {
      const response = await raw(`${base}/sipas/${file}`, { 'accept-encoding': encoding });
      const name = file.split('/').pop()!;
      assert.equal(response.headers.sourcemap, `${name}.map`, `${file} (${encoding})`);
      assert.doesNotMatch(readFileSync(join(widgets!, file), 'utf8'), /sourceMappingURL/);
      const map = await raw(`${base}/sipas/${file}.map`);
      assert.equal(map.status, 200, `${file}.map is served beside it`);
      assert.equal((JSON.parse(String(map.body)) as { file: string }).file, name);
    }
  });

  it('compresses JSON answers above the threshold, not below, and honours q=0', async () => {
    const data = JSON.parse(readFileSync(new URL('../../../../../shared/data/tthc-cap-xa.json', import.meta.url), 'utf8')) as unknown[];
    await importProcedures(server.ctx.db, 'phuong-a', JSON.stringify(data.slice(0, 60)), 'x.json', { skipInvalid: true });
    const list = await raw(`${base}/v1/units/phuong-a/procedures`, { 'accept-encoding': 'gzip, br' });
    assert.equal(list.headers['content-encoding'], 'br');
    const json = JSON.parse(brotliDecompressSync(list.body).toString('utf8')) as { procedures: unknown[] };
    assert.ok(json.procedures.length > 10);
    assert.ok(brotliDecompressSync(list.body).length > COMPRESS_THRESHOLD_BYTES);
    const small = await raw(`${base}/healthz`, { 'accept-encoding': 'br, gzip' });
    assert.equal(small.headers['content-encoding'], undefined, 'a tiny answer is sent as it is');
    assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(negotiateEncoding('identity'), undefined);
    assert.equal(negotiateEncoding('*'), 'br');
  });
});
