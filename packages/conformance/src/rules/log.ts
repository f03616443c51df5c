import {
  ConsistencyProof,
  fromBase64,
  fromHex,
  InclusionProof,
  LogKey,
  logEntryLeafHash,
  parseVerifierKey,
  toHex,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
  type VerifierKey,
} from '@sipas/schema';
import { createPublicKey, verify } from 'node:crypto';
import { expect, needs, notApplicable, type Context, type Rule } from '../kit.js';
import { enc, parsed, status } from '../checks.js';

/** Ed25519 with node:crypto: the raw 32-byte key wrapped as SPKI. Independent of the backend. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const ed25519Verify = (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean =>
  verify(null, message, createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' }), signature);

/** Fetches and verifies the latest checkpoint against the key; the rule fails on any flaw. */
async function signedCheckpoint(ctx: Context, key: VerifierKey): Promise<Checkpoint> {
  const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/log/checkpoint`);
  status(ctx, answer, 200, 'the latest checkpoint');
  expect(ctx, answer.headers.get('content-type')?.startsWith('text/plain'), 'a checkpoint is text/plain');
  const verified = await verifyCheckpoint(answer.text, key, ed25519Verify, { origin: key.name });
  expect(ctx, verified.ok, `the checkpoint does not verify: ${verified.ok ? '' : `${verified.reason} (${verified.detail})`}`);
  return verified.checkpoint;
}

async function trustedKey(ctx: Context): Promise<VerifierKey> {
  if (ctx.state.logKey) return ctx.state.logKey;
  const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/log/key`);
  if (answer.status === 404 && !ctx.state.openapi?.paths?.['/v1/units/{unit}/log/key']) notApplicable('the backend keeps no ballot box');
  status(ctx, answer, 200, 'the ballot box’s public key');
  const key = parsed(ctx, LogKey, answer, 'LogKey');
  let verifier: VerifierKey;
  try {
    verifier = parseVerifierKey(key.verifierKey);
  } catch (error) {
    expect(ctx, false, `verifierKey is not a C2SP Ed25519 verifier key: ${(error as Error).message}`, answer);
  }
  expect(ctx, toHex(verifier.publicKey) === toHex(fromBase64(key.publicKey)), 'publicKey and verifierKey name different keys', answer);
  expect(ctx, verifier.keyId.toString(16).padStart(8, '0') === key.keyId, 'keyId differs from the verifier key’s id', answer);
  ctx.state.logKey = verifier;
  return verifier;
}

export const logStartRules: Rule[] = [
  {
    id: 'log.checkpoint',
    title: 'The ballot box’s checkpoint is a C2SP signed note that verifies with its published key',
    async run(ctx) {
      const key = await trustedKey(ctx);
      ctx.state.checkpointBefore = await signedCheckpoint(ctx, key);
    },
  },
];

export const logEndRules: Rule[] = [
  {
    id: 'log.leaf',
    title: 'The receipt’s leaf hash is the response’s canonical bytes, recomputed independently',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.survey, 'a created response (survey.create)');
      if (!receipt.leaf) notApplicable('the receipt names no leaf: the backend keeps no ballot box');
      const expected = toHex(logEntryLeafHash({ response: body, receivedAt: receipt.receivedAt, ...(receipt.source ? { source: receipt.source } : {}) }));
      expect(ctx, receipt.leaf.hash === expected, `the receipt’s leaf hash ${receipt.leaf.hash} is not SHA-256(0x00 ‖ canonical entry) = ${expected}`);
    },
  },
  {
    id: 'log.inclusion',
    title: 'An inclusion proof of the kit’s response verifies against the signed checkpoint',
    async run(ctx) {
      const { body, receipt } = needs(ctx.state.survey, 'a created response (survey.create)');
      if (!receipt.leaf) notApplicable('the receipt names no leaf: the backend keeps no ballot box');
      const key = await trustedKey(ctx);
      const checkpoint = await signedCheckpoint(ctx, key);
      const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/log/proof?leaf=${receipt.leaf.index}`);
      status(ctx, answer, 200, 'the inclusion proof');
      const proof = parsed(ctx, InclusionProof, answer, 'InclusionProof');
      const leaf = logEntryLeafHash({ response: body, receivedAt: receipt.receivedAt, ...(receipt.source ? { source: receipt.source } : {}) });
      expect(ctx, proof.leafHash === toHex(leaf), 'the proof is for another leaf hash than the response’s');
      const against = proof.size === checkpoint.size ? checkpoint : undefined;
      expect(ctx, against, `the proof is against size ${proof.size}, the signed checkpoint has ${checkpoint.size}`);
      const valid = verifyInclusion(proof.leaf, proof.size, leaf, proof.proof.map(fromHex), against.root);
      expect(ctx, valid, 'the inclusion proof does not lead to the signed root');
    },
  },
  {
    id: 'log.consistency',
    title: 'The box after the kit’s responses extends the box before them (consistency proof)',
    async run(ctx) {
      const before = needs<Checkpoint>(ctx.state.checkpointBefore, 'the checkpoint before (log.checkpoint)');
      const key = await trustedKey(ctx);
      const after = await signedCheckpoint(ctx, key);
      expect(ctx, after.size > before.size, `the box did not grow (${before.size} → ${after.size}) although the kit’s responses were accepted`);
      const answer = await ctx.http.get(`/v1/units/${enc(ctx.options.unit)}/log/consistency?from=${before.size}&to=${after.size}`);
      status(ctx, answer, 200, 'the consistency proof');
      const proof = parsed(ctx, ConsistencyProof, answer, 'ConsistencyProof');
      expect(ctx, proof.from === before.size && proof.to === after.size, 'the proof is for other sizes than asked');
      const valid = verifyConsistency(before.size, after.size, proof.proof.map(fromHex), before.root, after.root);
      expect(ctx, valid, 'the consistency proof does not verify: earlier responses were changed, removed or reordered');
    },
  },
];
