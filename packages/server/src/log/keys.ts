import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ServerConfig } from '../config.js';

/** Where the ballot-box key lives: the configured path, else next to the SQLite file, else ./data. */
export function logKeyPath(config: Pick<ServerConfig, 'databaseUrl' | 'logKeyPath'>): string {
  if (config.logKeyPath) return resolve(config.logKeyPath);
  const url = config.databaseUrl;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
    if (path !== ':memory:') return join(dirname(resolve(path)), 'sipas-log-ed25519.pem');
  }
  return resolve('data/sipas-log-ed25519.pem');
}

/**
 * The server's Ed25519 signing key for checkpoints. Made on first start and written with 0600
 * permissions, created exclusively so two processes never each make their own; a key file others
 * can read is narrowed to 0600 with a warning. Losing it does not lose data — a new key signs
 * from then on — but supervisors must be told the new public key (docs/ballot-box.md).
 */
export class LogSigner {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: Uint8Array,
    readonly path: string,
    readonly created: boolean,
  ) {}

  static open(path: string, warn: (message: string) => void = () => undefined): LogSigner {
    let created = false;
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      try {
        writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
        created = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process won: use its key
      }
    }
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      warn(`ballot-box key ${path} was readable by others; permissions set to 0600`);
      chmodSync(path, 0o600);
    }
    const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
    return new LogSigner(privateKey, new Uint8Array(Buffer.from(jwk.x, 'base64url')), path, created);
  }

  sign(message: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, message, this.privateKey));
  }
}
