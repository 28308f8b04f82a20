/**
 * Connecting to the shared PostgreSQL register and keeping its schema: `server migrate` applies
 * the forward-only migrations; a desk checks the recorded version before it syncs and refuses a
 * server newer than it knows (its events could mean something this version cannot read).
 */
import pg from 'pg';
import { AppError } from '../../shared/errors';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './serverMigrations';

/** Held (session-level) while migrating, so two administrators cannot migrate at once. */
const MIGRATE_LOCK = 7318000;

/** The URI without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

export function parseServerUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new AppError('invalid_input', `Адреса сервера має бути URI PostgreSQL: postgres://користувач:пароль@вузол:порт/база (отримано «${redactUrl(url)}»)`);
  try {
    new URL(url);
  } catch {
    throw new AppError('invalid_input', `Адресу сервера не розібрано: ${redactUrl(url)}`);
  }
}

export async function connectServer(url: string, timeoutMs = 10_000): Promise<pg.Client> {
  parseServerUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'registry-desk' });
  // An idle connection dropped by the network must not crash the process; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new AppError('io', `Сервер недоступний (${redactUrl(url)}): ${(e as Error).message}. Реєстр не змінено; працюйте далі, синхронізація повториться.`);
  }
  return client;
}

async function recordedVersion(client: pg.Client): Promise<number> {
  const t = await client.query<{ present: boolean }>("SELECT to_regclass('public.server_migrations') IS NOT NULL AS present");
  if (!t.rows[0]!.present) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM server_migrations');
  return r.rows[0]!.v ?? 0;
}

/** Refuses a server whose schema this desk does not know exactly. */
export async function checkServerSchema(client: pg.Client): Promise<void> {
  const v = await recordedVersion(client);
  if (v > SERVER_SCHEMA_VERSION)
    throw new AppError('conflict', `Схема спільного реєстру на сервері новіша (версія ${v}), ніж знає ця програма (${SERVER_SCHEMA_VERSION}). Оновіть Registry Desk; реєстр не змінено.`);
  if (v < SERVER_SCHEMA_VERSION)
    throw new AppError('conflict', `Сервер не підготовлено (схема версії ${v}, потрібна ${SERVER_SCHEMA_VERSION}). Адміністратор має виконати: registry-desk server migrate --server URL`);
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

export async function migrateServer(url: string): Promise<MigrateResult> {
  const client = await connectServer(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS server_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const from = await recordedVersion(client);
    if (from > SERVER_SCHEMA_VERSION)
      throw new AppError('conflict', `Схема на сервері новіша (версія ${from}), ніж знає ця програма (${SERVER_SCHEMA_VERSION}). Оновіть Registry Desk.`);
    const applied: MigrateResult['applied'] = [];
    for (const m of SERVER_MIGRATIONS.filter((m) => m.version > from)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO server_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw new AppError('io', `Міграція сервера ${m.version} («${m.name}») не вдалася, схему залишено на версії ${applied.at(-1)?.version ?? from}: ${(e as Error).message}`);
      }
      applied.push({ version: m.version, name: m.name });
    }
    return { from, to: SERVER_SCHEMA_VERSION, applied };
  } finally {
    await client.end().catch(() => {});
  }
}
