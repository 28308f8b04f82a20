/**
 * The server password, encrypted by the operating system (Electron's safeStorage: DPAPI on
 * Windows, the keyring on Linux) in a file beside the register: never in the settings, never in
 * plain text, never in a log.
 */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { SecretStore } from '../sync/agent';

export function safeStorageSecrets(file: string): SecretStore {
  return {
    get() {
      if (!existsSync(file) || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch {
        return null; // another user's or another machine's file: ask for the password again
      }
    },
    set(password) {
      if (password === null) return rmSync(file, { force: true });
      if (!safeStorage.isEncryptionAvailable())
        throw new AppError('io', 'Система не надає захищеного сховища паролів, тому пароль не збережено. Зверніться до адміністратора.');
      writeFileSync(file, safeStorage.encryptString(password), { mode: 0o600 });
    },
  };
}
