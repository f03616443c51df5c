import {
  checkpointText,
  formatVerifierKey,
  fromHex,
  noteKeyId,
  signatureLine,
  toBase64,
  utf8,
  type LogKey,
} from '@sipas/schema';
import type { ServerConfig } from '../config.js';
import type { Database, Queryable } from '../db/database.js';
import { nodeSha256 } from './crypto.js';
import { LogSigner, logKeyPath } from './keys.js';
import { readHead, TreeReader } from './tree.js';

export interface SignedCheckpoint {
  origin: string;
  size: number;
  /** Root hash, hex. */
  root: string;
  /** The full signed note (C2SP tlog-checkpoint). */
  note: string;
  /** The signature line's base64 (key id ‖ signature). */
  signature: string;
  signedAt: string;
}

/** Default origin prefix; a real deployment sets SIPAS_LOG_ORIGIN to its own domain. */
export const DEFAULT_LOG_ORIGIN = 'sipas.local';

/**
 * The ballot box of every unit: one signer, one origin per unit (`<prefix>/<unit>`, also the
 * key name), checkpoints signed once per size and kept, proofs read from the stored tree.
 */
export class BallotBox {
  readonly prefix: string;

  constructor(
    readonly db: Database,
    readonly signer: LogSigner,
    prefix: string = DEFAULT_LOG_ORIGIN,
  ) {
    this.prefix = prefix.replace(/\/+$/, '');
  }

  static open(config: ServerConfig, db: Database, warn?: (message: string) => void): BallotBox {
    return new BallotBox(db, LogSigner.open(logKeyPath(config), warn), config.logOrigin);
  }

  origin(unit: string): string {
    return `${this.prefix}/${unit}`;
  }

  key(unit: string): LogKey {
    const name = this.origin(unit);
    return {
      unit,
      name,
      keyId: noteKeyId(name, this.signer.publicKey, nodeSha256).toString(16).padStart(8, '0'),
      algorithm: 'ed25519',
      publicKey: toBase64(this.signer.publicKey),
      verifierKey: formatVerifierKey(name, this.signer.publicKey, nodeSha256),
    };
  }

  head(unit: string, db: Queryable = this.db) {
    return readHead(db, unit);
  }

  tree(unit: string, db: Queryable = this.db): TreeReader {
    return new TreeReader(db, unit);
  }

  /**
   * The signed checkpoint of the unit's tree at `size` (default: now). Ed25519 is deterministic,
   * so signing the same size twice gives the same note; it is stored once and reused.
   */
  async checkpoint(unit: string, size?: number): Promise<SignedCheckpoint> {
    const head = await this.head(unit);
    const at = size ?? head.size;
    if (at > head.size) throw new RangeError(`the log of ${unit} has ${head.size} leaves, not ${at}`);
    const keyId = noteKeyId(this.origin(unit), this.signer.publicKey, nodeSha256);
    const keyHex = keyId.toString(16).padStart(8, '0');
    const stored = await this.db.get<{ root: string; note: string; signed_at: string }>(
      'SELECT root, note, signed_at FROM log_checkpoints WHERE unit = ? AND size = ? AND key_id = ?',
      [unit, at, keyHex],
    );
    if (stored) return { origin: this.origin(unit), size: at, root: stored.root, note: stored.note, signature: signatureOf(stored.note), signedAt: stored.signed_at };
    const root = at === head.size ? head.root : await this.tree(unit).root(at);
    const text = checkpointText(this.origin(unit), at, fromHex(root));
    const line = signatureLine(this.origin(unit), keyId, this.signer.sign(utf8(text)));
    const note = `${text}\n${line}`;
    const signedAt = new Date().toISOString();
    await this.db.run(
      'INSERT INTO log_checkpoints (unit, size, root, key_id, note, signed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit, size, key_id) DO NOTHING',
      [unit, at, root, keyHex, note, signedAt],
    );
    return { origin: this.origin(unit), size: at, root, note, signature: signatureOf(note), signedAt };
  }
}

function signatureOf(note: string): string {
  const last = note.trimEnd().split('\n').pop() ?? '';
  return last.split(' ').pop() ?? '';
}
