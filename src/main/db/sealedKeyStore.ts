/**
 * The chain key kept by the operating system's keychain (issue 8): encrypted with a key only the
 * signed-in user's keychain holds (Electron's safeStorage — DPAPI, Keychain, libsecret), in a file
 * beside the register. Copying the register and this file elsewhere does not carry the key.
 *
 * Migrating a register whose key is still the plain file beside it (made by the CLI or the web
 * shell): the key is encrypted, written (never over an existing one), read back and compared, and
 * only then is the plain file removed — a crash at any point leaves a readable key. Without a
 * keychain (a Linux session with no keyring) the plain file stays the store: never no key at all.
 */
import { existsSync, fsyncSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { fileKeyStore, keyFileOf, type KeyStore } from './registerKey';

/** What the shell's keychain offers (Electron's safeStorage has this shape). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export const sealedKeyFileOf = (dbPath: string): string => `${dbPath}.key.sealed`;

function writeDurably(file: string, data: Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(file)) {
    rmSync(tmp, { force: true });
    throw new AppError('io', `Ключ реєстру вже є у сховищі (${file}); його не перезаписано.`);
  }
  renameSync(tmp, file);
}

export function sealedKeyStore(dbPath: string, keychain: Keychain): KeyStore {
  const sealedFile = sealedKeyFileOf(dbPath);
  const plain = fileKeyStore(dbPath);
  const unseal = (): Buffer => {
    let hex: string;
    try {
      hex = keychain.decryptString(readFileSync(sealedFile));
    } catch {
      throw new AppError('io', `Ключ реєстру (${sealedFile}) зашифровано для іншого користувача або комп'ютера, і системне сховище його не відкриває. Реєстр не змінено; відкрийте його під тим самим користувачем або поверніть файл ключа з резервної копії.`);
    }
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('io', `Ключ реєстру ${sealedFile} пошкоджено`);
    return Buffer.from(hex, 'hex');
  };
  const seal = (key: Buffer): void => {
    writeDurably(sealedFile, keychain.encryptString(key.toString('hex')));
    if (!unseal().equals(key)) throw new AppError('io', 'Ключ реєстру не вдалося надійно зберегти в системному сховищі.');
  };
  return {
    load() {
      if (existsSync(sealedFile)) {
        const key = unseal();
        // A migration that stopped after sealing: the plain copy goes only once it matches.
        if (existsSync(keyFileOf(dbPath))) {
          if (!plain.load()!.equals(key))
            throw new AppError('io', `Поруч із реєстром два різні ключі: ${sealedFile} і ${keyFileOf(dbPath)} (реєстр відновлено з копії іншого реєстру?). Реєстр не змінено; зверніться до адміністратора.`);
          rmSync(keyFileOf(dbPath));
        }
        return key;
      }
      const old = plain.load();
      if (!old || !keychain.isEncryptionAvailable()) return old;
      seal(old);
      rmSync(keyFileOf(dbPath));
      return old;
    },
    save(key) {
      if (!keychain.isEncryptionAvailable()) return plain.save(key);
      seal(key);
    },
    describe: () => (existsSync(sealedFile) || keychain.isEncryptionAvailable() ? `${sealedFile} (системне сховище ключів)` : plain.describe()),
  };
}
