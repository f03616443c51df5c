import { dossierKeyId, toHex } from '@sipas/schema';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerConfig } from '../config.js';
import { nodeSha256 } from '../log/crypto.js';
import { logKeyPath } from '../log/keys.js';

/** Where the units' dossier keys live: a folder beside the ballot-box key, one PEM file per unit. */
export function dossierKeyDir(config: Pick<ServerConfig, 'databaseUrl' | 'logKeyPath'>): string {
  return join(dirname(logKeyPath(config)), 'sipas-dossier-keys');
}

export interface DossierKey {
  unit: string;
  path: string;
  publicKey: Uint8Array;
  keyId: number;
  /** Key id as 8 hex digits, as the settings and the CLI show it. */
  keyIdHex: string;
  created: boolean;
  sign(message: Uint8Array): Uint8Array;
}

/**
 * Each unit's Ed25519 dossier key, made like the ballot-box key: on first use, written 0600 in a
 * 0700 folder, created exclusively so two processes never each make their own. A one-stop system
 * that signs tokens itself is given a copy of its unit's file (docs/operations.md).
 */
export class DossierKeys {
  private readonly cache = new Map<string, DossierKey>();

  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  static open(config: ServerConfig, warn?: (message: string) => void): DossierKeys {
    return new DossierKeys(dossierKeyDir(config), warn);
  }

  forUnit(unit: string): DossierKey {
    const cached = this.cache.get(unit);
    if (cached) return cached;
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(unit)) throw new Error(`not a unit id: ${unit}`);
    const path = join(this.dir, `${unit}.pem`);
    let created = false;
    if (!existsSync(path)) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, { mode: 0o600, flag: 'wx' });
        created = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      this.warn(`dossier key ${path} was readable by others; permissions set to 0600`);
      chmodSync(path, 0o600);
    }
    const privateKey: KeyObject = createPrivateKey(readFileSync(path, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
    const publicKey = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
    const keyId = dossierKeyId(publicKey, nodeSha256);
    const key: DossierKey = {
      unit,
      path,
      publicKey,
      keyId,
      keyIdHex: toHex(new Uint8Array([keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255])),
      created,
      sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    };
    this.cache.set(unit, key);
    return key;
  }
}
