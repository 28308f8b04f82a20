/**
 * Issue 8: the chain key in the OS keychain (the app's safeStorage), the file beside the register
 * for the CLI and the web shell, migrated into the keychain without ever losing it. The keychain
 * here is a stand-in with safeStorage's shape that really encrypts (AES-GCM under a per-"user"
 * secret), so a sealed key is unreadable to another user; the registers are real SQLite files.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/open';
import { keyFileOf } from '../../src/main/db/registerKey';
import { sealedKeyFileOf, sealedKeyStore, type Keychain } from '../../src/main/db/sealedKeyStore';
import { registerRequest } from '../../src/main/services/registration';
import { verifyRegister } from '../../src/main/services/verify';
import { cli } from '../helpers/cli';
import { sampleRequest, tempDir } from '../helpers/tempDb';

function keychain(available = true): Keychain {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** A register the CLI made: its key is the plain file beside it. */
function cliRegister(): string {
  const file = join(tempDir('rd-keychain-'), 'desk.sqlite');
  const db = openDb(file);
  registerRequest(db, sampleRequest());
  registerRequest(db, sampleRequest({ requesterName: 'Іваненко Іван' }));
  db.sqlite.close();
  expect(existsSync(keyFileOf(file))).toBe(true);
  return file;
}

describe('the chain key in the keychain', () => {
  it('a CLI register opened by the app: the key moves into the keychain, the plain file goes, nothing else changes', async () => {
    const file = cliRegister();
    const plainKey = readFileSync(keyFileOf(file), 'utf8');
    const kc = keychain();
    const db = openDb(file, { keyStore: sealedKeyStore(file, kc) });
    expect(db.key.toString('hex')).toBe(plainKey.trim());
    expect(verifyRegister(db).findings).toEqual([]);
    registerRequest(db, sampleRequest({ requesterName: 'Сидоренко Сидір' }));
    db.sqlite.close();
    expect(existsSync(keyFileOf(file))).toBe(false);
    // What lies beside the register now is not the key in any readable form.
    expect(readFileSync(sealedKeyFileOf(file)).includes(Buffer.from(plainKey.trim()))).toBe(false);
    const again = openDb(file, { keyStore: sealedKeyStore(file, kc) });
    expect(verifyRegister(again).findings).toEqual([]);
    expect(verifyRegister(again).requests).toBe(3);
    again.sqlite.close();
  });

  it('a migration cut after sealing: the plain copy is removed next time, only when it matches', () => {
    const file = cliRegister();
    const kc = keychain();
    const saved = join(tempDir(), 'key');
    copyFileSync(keyFileOf(file), saved);
    openDb(file, { keyStore: sealedKeyStore(file, kc) }).sqlite.close();
    copyFileSync(saved, keyFileOf(file)); // as if the process died before removing it
    const db = openDb(file, { keyStore: sealedKeyStore(file, kc) });
    expect(verifyRegister(db).findings).toEqual([]);
    db.sqlite.close();
    expect(existsSync(keyFileOf(file))).toBe(false);
  });

  it('another user\'s keychain cannot open the key: refused with a clear message, no new key made, the register as it was', () => {
    const file = cliRegister();
    openDb(file, { keyStore: sealedKeyStore(file, keychain()) }).sqlite.close();
    const sealed = readFileSync(sealedKeyFileOf(file));
    const before = readFileSync(file);
    expect(() => openDb(file, { keyStore: sealedKeyStore(file, keychain()) })).toThrow(/зашифровано для іншого користувача/);
    expect(readFileSync(sealedKeyFileOf(file))).toEqual(sealed);
    expect(readFileSync(file)).toEqual(before);
  });

  it('a register whose key is lost is refused (and verify fails), never given a fresh key', async () => {
    const file = cliRegister();
    openDb(file, { keyStore: sealedKeyStore(file, keychain()) }).sqlite.close();
    rmSync(sealedKeyFileOf(file));
    expect(() => openDb(file, { keyStore: sealedKeyStore(file, keychain()) })).toThrow(/Ключ журналу подій цього реєстру не знайдено/);
    const v = await cli(['verify', '--db', file]);
    expect(v.code).not.toBe(0);
    expect(v.err).toMatch(/Ключ журналу подій цього реєстру не знайдено/);
    expect(existsSync(keyFileOf(file)) || existsSync(sealedKeyFileOf(file))).toBe(false);
  });

  it('without a keychain (no keyring in the session) the key stays the file beside the register', () => {
    const file = cliRegister();
    const db = openDb(file, { keyStore: sealedKeyStore(file, keychain(false)) });
    expect(verifyRegister(db).findings).toEqual([]);
    db.sqlite.close();
    expect(existsSync(keyFileOf(file))).toBe(true);
    expect(existsSync(sealedKeyFileOf(file))).toBe(false);
    // A new register made by the app with a keychain gets its key sealed from the start.
    const fresh = join(tempDir('rd-keychain-'), 'new.sqlite');
    const n = openDb(fresh, { keyStore: sealedKeyStore(fresh, keychain()) });
    registerRequest(n, sampleRequest());
    n.sqlite.close();
    expect([existsSync(keyFileOf(fresh)), existsSync(sealedKeyFileOf(fresh))]).toEqual([false, true]);
  });
});
