import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { surveyBody, testApp, fullAnswers, dossierToken } from './helpers.js';

type Server = Awaited<ReturnType<typeof testApp>>;

// ---------------------------------------------------------------------------------------------
// An independent verifier, written from RFC 6962 §2.1 and C2SP signed-note for these tests only.
// It shares no code with @sipas/schema or the server: recursion over the tree's shape instead of
// the RFC 9162 bit-walk, its own canonical JSON, node:crypto for SHA-256 and Ed25519.

const H = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafOf = (bytes: Buffer) => H(Buffer.from([0]), bytes);
const nodeOf = (l: Buffer, r: Buffer) => H(Buffer.from([1]), l, r);
const largestPow2Below = (n: number) => {
  let k = 1;
  while (k << 1 < n) k <<= 1;
  return k;
};

function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return H(Buffer.alloc(0));
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPow2Below(leaves.length);
  return nodeOf(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** Root implied by an audit path: PATH(m, D[n]) unrolled from its last element. */
function rootFromPath(m: number, n: number, leaf: Buffer, path: Buffer[]): Buffer | undefined {
  if (n === 1) return path.length === 0 ? leaf : undefined;
  if (path.length === 0) return undefined;
  const k = largestPow2Below(n);
  const last = path[path.length - 1]!;
  const rest = path.slice(0, -1);
  if (m < k) {
    const left = rootFromPath(m, k, leaf, rest);
    return left && nodeOf(left, last);
  }
  const right = rootFromPath(m - k, n - k, leaf, rest);
  return right && nodeOf(last, right);
}

/** [old root, new root] implied by SUBPROOF(m, D[n], b), consuming the proof from its end. */
function rootsFromConsistency(m: number, n: number, complete: boolean, proof: Buffer[], oldRoot: Buffer): [Buffer, Buffer] {
  if (m === n) {
    if (complete) return [oldRoot, oldRoot];
    const node = proof.pop();
    if (!node) throw new Error('proof too short');
    return [node, node];
  }
  const k = largestPow2Below(n);
  const sibling = proof.pop();
  if (!sibling) throw new Error('proof too short');
  if (m <= k) {
    const [o, nw] = rootsFromConsistency(m, k, complete, proof, oldRoot);
    return [o, nodeOf(nw, sibling)];
  }
  const [o, nw] = rootsFromConsistency(m - k, n - k, false, proof, oldRoot);
  return [nodeOf(sibling, o), nodeOf(sibling, nw)];
}

function consistent(m: number, n: number, proofHex: string[], oldRoot: Buffer, newRoot: Buffer): boolean {
  if (m === n) return proofHex.length === 0 && oldRoot.equals(newRoot);
  if (m === 0) return proofHex.length === 0;
  const proof = proofHex.map((h) => Buffer.from(h, 'hex'));
  try {
    const [o, nw] = rootsFromConsistency(m, n, true, proof, oldRoot);
    return proof.length === 0 && o.equals(oldRoot) && nw.equals(newRoot);
  } catch {
    return false;
  }
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface Note {
  origin: string;
  size: number;
  root: Buffer;
}

/** Verifies a C2SP checkpoint against a raw Ed25519 key; throws with the reason otherwise. */
function verifyNote(note: string, keyName: string, publicKey: Buffer): Note {
  const [text, signatures] = [note.slice(0, note.lastIndexOf('\n\n') + 1), note.slice(note.lastIndexOf('\n\n') + 2)];
  const keyId = H(Buffer.from(keyName), Buffer.from([0x0a, 0x01]), publicKey).subarray(0, 4);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
  const mine = signatures
    .trim()
    .split('\n')
    .map((line) => /^— (\S+) (\S+)$/u.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === keyName)
    .map((m) => Buffer.from(m[2]!, 'base64'))
    .filter((raw) => raw.subarray(0, 4).equals(keyId));
  if (mine.length === 0) throw new Error('no signature by the trusted key');
  for (const raw of mine) if (!verify(null, Buffer.from(text), key, raw.subarray(4))) throw new Error('bad signature');
  const [origin, size, root] = text.split('\n');
  return { origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') };
}

// ---------------------------------------------------------------------------------------------

const post = (server: Server, body: unknown) =>
  server.app.inject({ method: 'POST', url: '/v1/surveys', payload: body as object, headers: { 'content-type': 'application/json' } });
const get = (server: Server, url: string) => server.app.inject({ method: 'GET', url });

describe('the sealed ballot box', () => {
  let server: Server;
  let keyName: string;
  let publicKey: Buffer;
  const receipts: { leaf: { index: number; hash: string }; receivedAt: string }[] = [];
  const bodies: ReturnType<typeof surveyBody>[] = [];
  /** The checkpoint fetched after each response: checkpoints[n] has n leaves. */
  const checkpoints: string[] = [];

  before(async () => {
    server = await testApp({ rateLimitPerMinute: 100000, logOrigin: 'sipas.test' });
    const key = (await get(server, '/v1/units/phuong-a/log/key')).json();
    keyName = key.name;
    publicKey = Buffer.from(key.publicKey, 'base64');
    checkpoints.push((await get(server, '/v1/units/phuong-a/log/checkpoint')).body);
    for (let i = 0; i < 37; i++) {
      const body = surveyBody({
        answers: fullAnswers((i % 5) + 1),
        context:
          i % 3 === 0
            ? { channel: 'qr', token: await dossierToken(server, 'phuong-a', `HS-${i}`, '1.001193'), field: 'Hộ tịch' }
            : { channel: 'web' },
        ...(i % 4 === 0 ? { submittedAt: '2026-11-12T08:00:00+07:00' } : {}),
      });
      const response = await post(server, body);
      assert.equal(response.statusCode, 201, response.body);
      bodies.push(body);
      receipts.push(response.json());
      checkpoints.push((await get(server, '/v1/units/phuong-a/log/checkpoint')).body);
    }
  });
  after(async () => server.dispose());

  it('publishes an Ed25519 key named after the unit origin, kept in a 0600 file', async () => {
    const key = (await get(server, '/v1/units/phuong-a/log/key')).json();
    assert.equal(key.name, 'sipas.test/phuong-a');
    assert.equal(key.algorithm, 'ed25519');
    assert.equal(publicKey.length, 32);
    const id = H(Buffer.from(key.name), Buffer.from([0x0a, 0x01]), publicKey).subarray(0, 4).toString('hex');
    assert.equal(key.keyId, id);
    assert.equal(key.verifierKey, `${key.name}+${id}+${Buffer.concat([Buffer.from([1]), publicKey]).toString('base64')}`);
    const url = server.ctx.config.databaseUrl;
    if (url.startsWith('sqlite:')) {
      const file = url.slice('sqlite:'.length).replace(/[^/]+$/, 'sipas-log-ed25519.pem');
      assert.equal(statSync(file).mode & 0o777, 0o600);
    }
  });

  it('serves the checkpoint as a C2SP signed note that the published key verifies', async () => {
    const response = await get(server, '/v1/units/phuong-a/log/checkpoint');
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    assert.match(response.body, /^sipas\.test\/phuong-a\n37\n[A-Za-z0-9+/]{43}=\n\n— sipas\.test\/phuong-a [A-Za-z0-9+/]{91}=\n$/u);
    const note = verifyNote(response.body, keyName, publicKey);
    assert.equal(note.size, 37);
    assert.equal(verifyNote(checkpoints[0]!, keyName, publicKey).root.toString('hex'), H(Buffer.alloc(0)).toString('hex'));
  });

  it('gives every receipt its leaf, whose hash is SHA-256(0x00 ‖ canonical response and receive time)', () => {
    receipts.forEach((receipt, i) => {
      assert.equal(receipt.leaf.index, i);
      const { website: _honeypot, ...accepted } = bodies[i]!;
      // A token is checked and dropped: the leaf keeps the dossier and procedure it vouched for,
      // and the channel the server decided.
      const { token, ...context } = accepted.context;
      const response = { ...accepted, context: token ? { ...context, dossier: `HS-${i}`, procedure: '1.001193' } : context };
      const source = token ? 'dossier' : 'web';
      const bytes = Buffer.from(sortedJson({ receivedAt: receipt.receivedAt, response, source }));
      assert.equal(receipt.leaf.hash, leafOf(bytes).toString('hex'), `leaf ${i}`);
    });
  });

  it('every checkpoint root equals the root of the leaves so far, computed independently', () => {
    const leaves = receipts.map((r) => Buffer.from(r.leaf.hash, 'hex'));
    checkpoints.forEach((note, n) => {
      const checkpoint = verifyNote(note, keyName, publicKey);
      assert.equal(checkpoint.size, n);
      assert.equal(checkpoint.root.toString('hex'), mth(leaves.slice(0, n)).toString('hex'), `size ${n}`);
    });
  });

  it("the receipt shown to a citizen verifies against the latest checkpoint (inclusion proof)", async () => {
    for (const receipt of receipts) {
      const proof = (await get(server, `/v1/units/phuong-a/log/proof?leaf=${receipt.leaf.index}`)).json();
      assert.equal(proof.leafHash, receipt.leaf.hash);
      const checkpoint = verifyNote(proof.checkpoint, keyName, publicKey);
      assert.equal(proof.size, checkpoint.size);
      const root = rootFromPath(receipt.leaf.index, proof.size, Buffer.from(receipt.leaf.hash, 'hex'), proof.proof.map((h: string) => Buffer.from(h, 'hex')));
      assert.ok(root?.equals(checkpoint.root), `leaf ${receipt.leaf.index}`);
      // A receipt with another hash does not fit the same proof.
      const wrong = rootFromPath(receipt.leaf.index, proof.size, H(Buffer.from('giả')), proof.proof.map((h: string) => Buffer.from(h, 'hex')));
      assert.ok(!wrong?.equals(checkpoint.root));
    }
    const missing = await get(server, '/v1/units/phuong-a/log/proof?leaf=37');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'leaf_not_found');
  });

  it('a resend returns the same leaf; nothing is appended twice', async () => {
    const again = await post(server, bodies[5]);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json().leaf, receipts[5]!.leaf);
    const head = verifyNote((await get(server, '/v1/units/phuong-a/log/checkpoint')).body, keyName, publicKey);
    assert.equal(head.size, 37);
  });

  it('consistency proofs between every pair of sizes verify independently', async () => {
    for (let m = 0; m <= 37; m++) {
      for (let n = m; n <= 37; n += m % 2 === 0 ? 1 : 3) {
        const response = await get(server, `/v1/units/phuong-a/log/consistency?from=${m}&to=${n}`);
        assert.equal(response.statusCode, 200, response.body);
        const { proof } = response.json();
        const oldRoot = verifyNote(checkpoints[m]!, keyName, publicKey).root;
        const newRoot = verifyNote(checkpoints[n]!, keyName, publicKey).root;
        assert.ok(consistent(m, n, proof, oldRoot, newRoot), `${m} → ${n}`);
        if (m > 0 && m < n) {
          const otherOld = verifyNote(checkpoints[m - 1]!, keyName, publicKey).root;
          assert.ok(!consistent(m, n, proof, otherOld, newRoot), `${m} → ${n} with a wrong old root`);
        }
      }
    }
    const latest = (await get(server, '/v1/units/phuong-a/log/consistency?from=10')).json();
    assert.equal(latest.to, 37);
    assert.ok(latest.checkpoint.startsWith('sipas.test/phuong-a\n37\n'));
    const invalid = await get(server, '/v1/units/phuong-a/log/consistency?from=20&to=10');
    assert.equal(invalid.statusCode, 400);
  });

  it('keeps one tree per unit', async () => {
    const other = await get(server, '/v1/units/phuong-b/log/checkpoint');
    assert.match(other.body, /^sipas\.test\/phuong-b\n0\n/);
    assert.equal((await get(server, '/v1/units/khong-co/log/checkpoint')).statusCode, 404);
  });

  it('the contract lists the log routes in the OpenAPI document', async () => {
    const doc = (await get(server, '/openapi.json')).json();
    for (const path of ['/v1/units/{unit}/log/checkpoint', '/v1/units/{unit}/log/proof', '/v1/units/{unit}/log/consistency', '/v1/staff/units/{unit}/log/openings']) {
      assert.ok(doc.paths[path], path);
    }
  });
});
