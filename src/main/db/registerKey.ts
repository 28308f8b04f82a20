/**
 * The register's chain key: a secret kept outside the register file, so that whoever edits the
 * file (and recomputes the plain hash chain) cannot recompute the event seals. The CLI and the
 * web shell keep it in a file beside the register (mode 600); a shell with an OS keychain can
 * pass its own `KeyStore`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';

export interface KeyStore {
  /** The key, or null when none was ever made for this register. */
  load(): Buffer | null;
  save(key: Buffer): void;
  /** Where the key lives, for messages. */
  describe(): string;
}

export const keyFileOf = (dbPath: string): string => `${dbPath}.key`;

export function fileKeyStore(dbPath: string): KeyStore {
  const file = keyFileOf(dbPath);
  return {
    load() {
      if (!existsSync(file)) return null;
      const hex = readFileSync(file, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('io', `Файл ключа реєстру ${file} пошкоджено`);
      return Buffer.from(hex, 'hex');
    },
    save(key) {
      // 'wx': never overwrite a key that appeared meanwhile — the seals made with it would all fail.
      writeFileSync(file, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      try {
        chmodSync(file, 0o600);
      } catch {
        /* Windows: ACLs, not modes */
      }
    },
    describe: () => file,
  };
}

export const newKey = (): Buffer => randomBytes(32);

/** The seal of one position of the chain: position and hash together, so a seal cannot be moved. */
export function sealOf(key: Buffer, pos: number, hash: string): string {
  return createHmac('sha256', key).update(`${pos}\n${hash}`).digest('hex');
}
