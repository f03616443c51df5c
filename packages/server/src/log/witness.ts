import {
  cosignatureLine,
  cosignatureMessage,
  cosignerKeyId,
  formatCosignerKey,
  fromBase64,
  fromHex,
  parseVerifierKey,
  toBase64,
  verifyCheckpoint,
  verifyConsistency,
  type ConsistencyProof,
  type LogKey,
} from '@sipas/schema';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ed25519Verify, nodeSha256 } from './crypto.js';
import { LogSigner } from './keys.js';

/**
 * The witness (người giám sát: Mặt trận Tổ quốc, thanh tra) as a command: it keeps the last
 * checkpoint of a unit's box it saw, and cosigns a new one only after checking, with a consistency
 * proof, that the new box extends the old one (the C2SP witness idea). Run it on the supervisor's
 * own machine with its own key; the server never sees that key, so a database admin holding the
 * unit's key still cannot rewrite history between two witnessed checkpoints without it showing.
 */
export interface WitnessState {
  format: 'sipas-witness-state/1';
  endpoint: string;
  unit: string;
  /** The box's verifier key, kept from the first run: a new key is refused, not trusted. */
  logKey: string;
  origin: string;
  size: number;
  /** Root hash, base64, of the last checkpoint seen and cosigned. */
  root: string;
  note: string;
  /** The cosignature line handed in: evidence of what the witness vouched for, kept with it. */
  cosignature: string;
  cosignedAt: string;
}

export type WitnessOutcome =
  | { ok: true; size: number; previous: number | undefined; line: string; firstKey: boolean }
  | { ok: false; reason: 'bad_signature' | 'rollback' | 'inconsistent' | 'fork' | 'refused'; message: string };

export interface WitnessOptions {
  endpoint: string;
  unit: string;
  /** The witness's own key file (Ed25519 PEM), made on first use with 0600. */
  keyPath: string;
  /** The witness's key name, e.g. `mttq.phuong-tan-hoa`. */
  name: string;
  statePath: string;
  /** The box's verifier key for the first run; later runs use the one in the state file. */
  logKey?: string;
}

/** The witness's cosigner key text, for the unit to register (`sipas-server witness-key --add`). */
export function witnessCosignerKey(keyPath: string, name: string): string {
  return formatCosignerKey(name, LogSigner.open(keyPath).publicKey, nodeSha256);
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 200)}`);
  return text;
}

function readState(path: string): WitnessState | undefined {
  if (!existsSync(path)) return undefined;
  const state = JSON.parse(readFileSync(path, 'utf8')) as WitnessState;
  if (state.format !== 'sipas-witness-state/1') throw new Error(`${path} is not a witness state file`);
  return state;
}

function writeState(path: string, state: WitnessState): void {
  // Written aside and renamed: a crash never leaves half a state (which would lose the last checkpoint).
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** One round: fetch, verify, check consistency with the last checkpoint, cosign, hand in, remember. */
export async function witnessOnce(options: WitnessOptions): Promise<WitnessOutcome> {
  const base = `${options.endpoint.replace(/\/+$/, '')}/v1/units/${encodeURIComponent(options.unit)}/log`;
  const state = readState(options.statePath);
  let firstKey = false;
  let logKeyText = state?.logKey ?? options.logKey;
  if (!logKeyText) {
    logKeyText = (JSON.parse(await getText(`${base}/key`)) as LogKey).verifierKey;
    firstKey = true;
  }
  const logKey = parseVerifierKey(logKeyText, nodeSha256);
  const note = await getText(`${base}/checkpoint`);
  const verified = await verifyCheckpoint(note, logKey, ed25519Verify);
  if (!verified.ok) return { ok: false, reason: 'bad_signature', message: `Điểm kiểm tra không có chữ ký hợp lệ của hòm phiếu: ${verified.detail}.` };
  const { checkpoint } = verified;
  const root = toBase64(checkpoint.root);
  if (state) {
    if (checkpoint.size < state.size) {
      return { ok: false, reason: 'rollback', message: `Hòm phiếu nay có ${checkpoint.size} phiếu, ít hơn ${state.size} phiếu đã chứng kiến: phiếu đã bị xoá.` };
    }
    if (checkpoint.size === state.size && root !== state.root) {
      return { ok: false, reason: 'fork', message: `Cùng ${state.size} phiếu nhưng mã gốc khác với lần chứng kiến trước: lịch sử đã bị viết lại.` };
    }
    if (checkpoint.size > state.size) {
      const proof = JSON.parse(await getText(`${base}/consistency?from=${state.size}&to=${checkpoint.size}`)) as ConsistencyProof;
      const consistent = verifyConsistency(state.size, checkpoint.size, proof.proof.map(fromHex), fromBase64(state.root), checkpoint.root, nodeSha256);
      if (!consistent) {
        return {
          ok: false,
          reason: 'inconsistent',
          message:
            `Hòm phiếu ${checkpoint.size} phiếu KHÔNG nối tiếp hòm ${state.size} phiếu đã chứng kiến ngày ${state.cosignedAt}: ` +
            'phiếu cũ đã bị xoá, sửa hoặc chèn. Không ký; giữ nguyên điểm kiểm tra cũ làm bằng chứng.',
        };
      }
    }
  }
  const signer = LogSigner.open(options.keyPath);
  const keyId = cosignerKeyId(options.name, signer.publicKey, nodeSha256);
  const time = Math.floor(Date.now() / 1000);
  const text = note.slice(0, note.indexOf('\n\n') + 1);
  const line = cosignatureLine(options.name, keyId, time, signer.sign(cosignatureMessage(text, time)));
  const response = await fetch(`${base}/cosignatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ size: checkpoint.size, cosignature: line.trim() }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    return { ok: false, reason: 'refused', message: `Máy chủ không nhận chữ ký: ${problem.title ?? response.status} ${problem.detail ?? ''}`.trim() };
  }
  writeState(options.statePath, {
    format: 'sipas-witness-state/1',
    endpoint: options.endpoint,
    unit: options.unit,
    logKey: logKeyText,
    origin: checkpoint.origin,
    size: checkpoint.size,
    root,
    note,
    cosignature: line.trim(),
    cosignedAt: new Date(time * 1000).toISOString(),
  });
  return { ok: true, size: checkpoint.size, previous: state?.size, line, firstKey };
}
