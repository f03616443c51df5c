import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalJson,
  checkpointText,
  formatVerifierKey,
  fromBase64,
  fromHex,
  leafHash,
  logEntryBytes,
  logEntryBytesFromCanonical,
  noteKeyId,
  nodeHash,
  parseCheckpointText,
  parseSignedNote,
  parseVerifierKey,
  rootFromLeafHashes,
  sha256,
  signatureLine,
  toBase64,
  toHex,
  utf8,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type Bytes,
} from '../src/index.js';

const nodeSha = (data: Bytes) => new Uint8Array(createHash('sha256').update(data).digest());

// The eight leaves of the certificate-transparency reference tests (RFC 6962 implementations).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// A reference proof generator written straight from RFC 6962 §2.1.1–2.1.2 (recursive, slow).
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
function mth(leaves: Bytes[]): Bytes {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  const split = k(leaves.length);
  return nodeHash(mth(leaves.slice(0, split)), mth(leaves.slice(split)));
}
function path(m: number, leaves: Bytes[]): Bytes[] {
  if (leaves.length <= 1) return [];
  const split = k(leaves.length);
  return m < split
    ? [...path(m, leaves.slice(0, split)), mth(leaves.slice(split))]
    : [...path(m - split, leaves.slice(split)), mth(leaves.slice(0, split))];
}
function subproof(m: number, leaves: Bytes[], complete: boolean): Bytes[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [mth(leaves)];
  const split = k(n);
  return m <= split
    ? [...subproof(m, leaves.slice(0, split), complete), mth(leaves.slice(split))]
    : [...subproof(m - split, leaves.slice(split), false), mth(leaves.slice(0, split))];
}

describe('sealed log hashing (RFC 6962/9162)', () => {
  it('the pure SHA-256 matches node:crypto, across block boundaries', () => {
    assert.equal(toHex(sha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(toHex(sha256(new Uint8Array(0))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const length of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + length) & 255);
      assert.equal(toHex(sha256(data)), toHex(nodeSha(data)), `length ${length}`);
    }
  });

  it('reproduces the certificate-transparency reference roots', () => {
    const leaves = CT_LEAVES.map((leaf) => leafHash(leaf));
    for (let n = 1; n <= 8; n++) assert.equal(toHex(rootFromLeafHashes(leaves.slice(0, n))), CT_ROOTS[n - 1], `size ${n}`);
    assert.equal(toHex(rootFromLeafHashes([])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('accepts every inclusion proof of trees up to 33 leaves and refuses altered ones', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(utf8(`phiếu ${i}`)));
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = mth(tree);
      assert.equal(toHex(rootFromLeafHashes(tree)), toHex(root));
      for (let m = 0; m < n; m++) {
        const proof = path(m, tree);
        assert.ok(verifyInclusion(m, n, tree[m]!, proof, root), `leaf ${m} of ${n}`);
        assert.ok(!verifyInclusion(m, n, leafHash(utf8('khác')), proof, root));
        if (n > 1) assert.ok(!verifyInclusion((m + 1) % n, n, tree[m]!, proof, root) || tree[m] === tree[(m + 1) % n]);
        if (proof.length > 0) {
          const bent = proof.map((p, i) => (i === 0 ? sha256(p) : p));
          assert.ok(!verifyInclusion(m, n, tree[m]!, bent, root));
          assert.ok(!verifyInclusion(m, n, tree[m]!, proof.slice(1), root));
        }
      }
      assert.ok(!verifyInclusion(n, n, tree[0]!, [], root));
    }
  });

  it('accepts every consistency proof of trees up to 33 leaves and refuses rewritten histories', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(utf8(`phiếu ${i}`)));
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = m === 0 || m === n ? [] : subproof(m, leaves.slice(0, n), true);
        const oldRoot = mth(leaves.slice(0, m));
        const newRoot = mth(leaves.slice(0, n));
        assert.ok(verifyConsistency(m, n, proof, oldRoot, newRoot), `${m} → ${n}`);
        if (m > 0 && m < n) {
          // The same new tree but with one old leaf changed: the old root no longer fits.
          const rewritten = leaves.slice(0, n).map((leaf, i) => (i === m - 1 ? leafHash(utf8('sửa')) : leaf));
          assert.ok(!verifyConsistency(m, n, subproof(m, rewritten, true), oldRoot, mth(rewritten)), `rewritten ${m} → ${n}`);
          assert.ok(!verifyConsistency(m, n, proof, oldRoot, mth(rewritten)));
          assert.ok(!verifyConsistency(n, m, proof, newRoot, oldRoot));
        }
      }
    }
  });
});

describe('the canonical leaf of a response', () => {
  it('is canonicalJson of { receivedAt, response } without the honeypot, whatever the key order', () => {
    const response = {
      unit: 'phuong-a',
      id: '2f1c1b8e-6a44-4c3e-9d59-6c5e0d6f1a01',
      questionnaire: { version: 1, id: 'bnv-2023' },
      answers: { q16: 5, q15: 4, q31: null },
      context: { channel: 'kiosk' as const, dossier: 'HS-1' },
      website: '',
    };
    const bytes = logEntryBytes({ response, receivedAt: '2026-11-12T03:04:05.678Z' });
    const expected =
      '{"receivedAt":"2026-11-12T03:04:05.678Z","response":{"answers":{"q15":4,"q16":5,"q31":null},"context":{"channel":"kiosk","dossier":"HS-1"},' +
      '"id":"2f1c1b8e-6a44-4c3e-9d59-6c5e0d6f1a01","questionnaire":{"id":"bnv-2023","version":1},"unit":"phuong-a"}}';
    assert.equal(new TextDecoder().decode(bytes), expected);
    const { website: _w, ...accepted } = response;
    assert.equal(new TextDecoder().decode(bytes), canonicalJson({ receivedAt: '2026-11-12T03:04:05.678Z', response: accepted }));
    assert.deepEqual(logEntryBytesFromCanonical(canonicalJson(accepted), '2026-11-12T03:04:05.678Z'), bytes);
  });
});

describe('checkpoints (C2SP signed note, tlog-checkpoint)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url'));
  const name = 'sipas.example/phuong-a';
  const ed25519 = (message: Bytes, signature: Bytes, key: Bytes) =>
    verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key).toString('base64url') }, format: 'jwk' }), signature);
  const signNote = (text: string, keyName = name, pub = raw, priv = privateKey) =>
    `${text}\n${signatureLine(keyName, noteKeyId(keyName, pub), new Uint8Array(sign(null, utf8(text), priv)))}`;

  it('formats the body as origin, size, base64 root and parses it back', () => {
    const root = sha256(utf8('x'));
    const text = checkpointText(name, 42, root);
    assert.equal(text, `${name}\n42\n${toBase64(root)}\n`);
    const parsed = parseCheckpointText(text);
    assert.equal(parsed.origin, name);
    assert.equal(parsed.size, 42);
    assert.deepEqual(parsed.root, root);
    assert.throws(() => parseCheckpointText(`${name}\n042\n${toBase64(root)}\n`));
    assert.throws(() => parseCheckpointText(`${name}\n42\n${toBase64(root.slice(1))}\n`));
    assert.throws(() => checkpointText('có khoảng trắng', 1, root));
  });

  it('signs with the key id of the spec, and verifies only with the trusted key', async () => {
    const vkey = parseVerifierKey(formatVerifierKey(name, raw));
    const expectedId = createHash('sha256').update(Buffer.concat([Buffer.from(name), Buffer.from([0x0a, 0x01]), Buffer.from(raw)])).digest().readUInt32BE(0);
    assert.equal(vkey.keyId, expectedId);
    const note = signNote(checkpointText(name, 7, sha256(utf8('r'))));
    assert.match(note, /^sipas\.example\/phuong-a\n7\n[A-Za-z0-9+/]{43}=\n\n— sipas\.example\/phuong-a [A-Za-z0-9+/]+=*\n$/u);
    const { signatures } = parseSignedNote(note);
    assert.equal(signatures[0]!.keyId, expectedId);
    assert.equal(signatures[0]!.signature.length, 64);
    const good = await verifyCheckpoint(note, vkey, ed25519);
    assert.ok(good.ok);

    // Another key with the same name: a different key id, so the note has no trusted signature.
    const other = generateKeyPairSync('ed25519');
    const otherRaw = new Uint8Array(Buffer.from((other.publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url'));
    const forged = signNote(checkpointText(name, 7, sha256(utf8('r'))), name, otherRaw, other.privateKey);
    const refused = await verifyCheckpoint(forged, vkey, ed25519);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.reason, 'no_trusted_signature');

    // Same key id, but the text changed after signing.
    const altered = note.replace('\n7\n', '\n8\n');
    const bad = await verifyCheckpoint(altered, vkey, ed25519);
    assert.equal(!bad.ok && bad.reason, 'bad_signature');
  });

  it('base64 is strict', () => {
    assert.deepEqual(fromBase64(toBase64(utf8('hòm phiếu'))), utf8('hòm phiếu'));
    assert.throws(() => fromBase64('YQ'));
    assert.throws(() => fromBase64('YR=='));
  });

  it('the log folder stays zod-free, so a browser verifier can import it alone', () => {
    const folder = new URL('../../src/log/', import.meta.url);
    const imports = readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => [...readFileSync(new URL(name, folder), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${name}: ${m[1]}`));
    assert.ok(imports.length > 0);
    // Only siblings, the zod-free canonical JSON, and type-only imports of payload types.
    for (const line of imports) assert.match(line, /: (\.\/[a-z-]+\.js|\.\.\/canonical\.js|\.\.\/channels\.js|\.\.\/survey\.js)$/);
    assert.doesNotMatch(readFileSync(new URL('leaf.ts', folder), 'utf8'), /^import \{[^}]*\} from '\.\.\/survey\.js'/m);
  });
});
