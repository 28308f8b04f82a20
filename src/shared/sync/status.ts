/**
 * What the sync indicator shows, the server connection a desk keeps (without its password), and
 * the retry schedule. Pure: the agent in main and the UI both use these.
 */
import { z } from 'zod';

export type SyncState = 'off' | 'online' | 'offline' | 'syncing' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Events recorded here and not yet accepted by the server. */
  waiting: number;
  lastSync: string | null;
  /** The pull cursor: it moves whenever events of other desks arrived. */
  cursor: number;
  /** For `offline` and `error`: what happened and what to do, in Ukrainian. */
  message: string | null;
  nextAttempt: string | null;
}

export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-full'] as const;

/** The connection without the password: the password is kept apart (Electron's safeStorage), never in settings. */
export const serverConfig = z
  .object({
    host: z.string().trim().min(1, { message: 'Вкажіть адресу сервера' }).max(255).regex(/^[A-Za-z0-9.\-:[\]]+$/, { message: 'Адреса сервера: ім\u2019я вузла або IP-адреса' }),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().trim().min(1, { message: 'Вкажіть назву бази даних' }).max(63),
    user: z.string().trim().min(1, { message: 'Вкажіть користувача' }).max(63),
    sslmode: z.enum(SSL_MODES).default('require'),
    desk: z.string().trim().min(1, { message: 'Вкажіть назву робочого місця' }).max(60),
  })
  .strict();
export type ServerConfig = z.output<typeof serverConfig>;

export const serverConfigInput = z.object({ config: serverConfig, password: z.string().max(200).optional() }).strict();

/** The libpq URI for a configuration and its password. */
export function serverUrl(c: ServerConfig, password: string | null): string {
  const auth = password ? `${encodeURIComponent(c.user)}:${encodeURIComponent(password)}` : encodeURIComponent(c.user);
  const host = c.host.includes(':') && !c.host.startsWith('[') ? `[${c.host}]` : c.host;
  return `postgres://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}?sslmode=${c.sslmode}`;
}

/** Retry delay after `failures` failed attempts in a row: 2 s doubling to 5 minutes, never a storm on the server. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2_000 * 2 ** (failures - 1), 300_000);
}
