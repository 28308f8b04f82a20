/**
 * The administrator's password: the smallest honest check that the statutory terms, the martial-law
 * end date and the calendar are changed by the administrator, not by whoever sits at the desk (the
 * register has no user accounts). Set once; kept in `meta` as a scrypt hash with its own salt —
 * never the password itself, and never in the settings document (which is exported and shown).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { ADMIN_PASSWORD_MIN, adminPasswordMissingMessage, WRONG_ADMIN_PASSWORD } from '../../shared/adminGuard';
import { prepared, type Db } from '../db/open';

const KEY = 'admin_password';
/** scrypt's cost (N = 2^14, r = 8, p = 1): node's defaults, about 16 MB and tens of ms per check. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LEN = 32;

function hash(password: string, salt: Buffer, p: { N: number; r: number; p: number } = PARAMS): Buffer {
  return scryptSync(password.normalize('NFC'), salt, KEY_LEN, { N: p.N, r: p.r, p: p.p, maxmem: 64 * 1024 * 1024 });
}

function stored(db: Db): string | null {
  // No .pluck() here: the prepared statement is shared by its text, and plucking would change what
  // every other reader of this SQL (the settings) gets back.
  return (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined)?.value ?? null;
}

export function hasAdminPassword(db: Db): boolean {
  return stored(db) !== null;
}

/** True when `password` is the administrator's. Stored as `scrypt$N$r$p$salt$hash` (hex), so the cost can grow later. */
function matches(record: string, password: string): boolean {
  const [tag, n, r, p, salt, want] = record.split('$');
  if (tag !== 'scrypt' || !salt || !want) return false;
  const got = hash(password, Buffer.from(salt, 'hex'), { N: Number(n), r: Number(r), p: Number(p) });
  const expected = Buffer.from(want, 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/**
 * Refuses (exit 2 in the CLI, a field error in the UI) unless the administrator's password is given
 * and right. Without a password set, says how the administrator sets one.
 */
export function requireAdmin(db: Db, password: string | undefined): void {
  const record = stored(db);
  if (record === null) throw new AppError('invalid_input', adminPasswordMissingMessage(), [{ path: 'confirm.adminPassword', message: adminPasswordMissingMessage() }]);
  if (!password || !matches(record, password))
    throw new AppError('invalid_input', WRONG_ADMIN_PASSWORD, [{ path: 'confirm.adminPassword', message: WRONG_ADMIN_PASSWORD }]);
}

/**
 * Sets the password the first time; changing it later needs the current one. Written in one
 * statement: a failed check leaves the old hash in place.
 */
export function setAdminPassword(db: Db, next: string, current?: string): void {
  if (next.length < ADMIN_PASSWORD_MIN)
    throw new AppError('invalid_input', `Пароль адміністратора має містити щонайменше ${ADMIN_PASSWORD_MIN} символів. Пароль не змінено.`, [
      { path: 'password', message: `щонайменше ${ADMIN_PASSWORD_MIN} символів` },
    ]);
  db.sqlite
    .transaction(() => {
      if (hasAdminPassword(db)) requireAdmin(db, current);
      const salt = randomBytes(16);
      const value = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('hex')}$${hash(next, salt).toString('hex')}`;
      prepared(db, "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(KEY, value);
    })
    .immediate();
}
