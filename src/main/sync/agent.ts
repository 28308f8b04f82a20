/**
 * The desk's background sync: it syncs when something was recorded here, at once when the server
 * announces new events (LISTEN/NOTIFY), and every half minute as a fallback; after a failure it
 * waits longer each time (backoff). Registration never waits for it: everything here runs beside
 * the register, which stays the only thing a clerk's action touches.
 */
import { isBusy, liveImport } from '../db/importMarker';
import type pg from 'pg';
import { backoffMs, serverUrl, type ServerConfig, type SyncStatus } from '../../shared/sync/status';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { connectionError } from './push';
import { checkServerSchema, connectServer } from './server';
import { getCursor, getMeta, outboxSize, setMeta, SYNC_KEYS } from './state';
import { syncOnce } from './sync';

/** Where the password lives: in memory for the web shell, encrypted by Electron's safeStorage in the app. */
export interface SecretStore {
  get(): string | null;
  set(password: string | null): void;
}

export const memorySecrets = (initial: string | null = null): SecretStore => {
  let v = initial;
  return { get: () => v, set: (p) => void (v = p) };
};

const CONFIG_KEY = 'sync.server';
const FALLBACK_MS = 30_000;
const TICK_MS = 1_000;

export function getServerConfig(db: Db): ServerConfig | null {
  const raw = getMeta(db, CONFIG_KEY);
  return raw ? (JSON.parse(raw) as ServerConfig) : null;
}

export function setServerConfig(db: Db, c: ServerConfig): void {
  setMeta(db, CONFIG_KEY, JSON.stringify(c));
}

export class SyncAgent {
  private timer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private current: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private nextAt = 0;
  private lastFull = 0;
  private state: SyncStatus['state'] = 'off';
  private message: string | null = null;
  /** A URL given at start (web shell `--server`) wins over the stored configuration. */
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
    private fixedUrl: string | null = null,
  ) {}

  /** The server this desk syncs with, or null when it has none (or no password yet for one). */
  url(): string | null {
    if (this.fixedUrl) return this.fixedUrl;
    const c = getServerConfig(this.db);
    return c ? serverUrl(c, this.secrets.get()) : null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref?.();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.dropListener();
  }

  /** Something was recorded here: sync soon (unless backing off after a failure). */
  nudge(): void {
    if (this.current) this.again = true;
    else void this.tick(true);
  }

  /** Reconfigured: forget the failures and try at once. */
  async restart(url: string | null = null): Promise<void> {
    if (url) this.fixedUrl = url;
    this.failures = 0;
    this.nextAt = 0;
    await this.dropListener();
    this.start();
    await this.syncNow();
  }

  status(): SyncStatus {
    return {
      state: this.url() ? this.state : 'off',
      waiting: this.db.sqlite.open ? outboxSize(this.db) : 0,
      lastSync: this.db.sqlite.open ? (getMeta(this.db, SYNC_KEYS.lastSync) ?? null) : null,
      cursor: this.db.sqlite.open ? getCursor(this.db) : 0,
      message: this.message,
      nextAttempt: this.failures > 0 ? new Date(this.nextAt).toISOString() : null,
    };
  }

  private async tick(nudged = false): Promise<void> {
    if (!this.url() || this.current || !this.db.sqlite.open) return;
    const now = Date.now();
    if (now < this.nextAt) return;
    const due = nudged || !this.listener || outboxSize(this.db) > 0 || now - this.lastFull >= FALLBACK_MS;
    if (due) await this.syncNow();
  }

  /** Syncs now; when a sync is already running, asks it to go round once more and waits for it. */
  async syncNow(): Promise<SyncStatus> {
    if (this.current) {
      this.again = true;
      await this.current;
      return this.status();
    }
    const url = this.url();
    if (!url || !this.db.sqlite.open) return this.status();
    this.current = this.run(url);
    try {
      await this.current;
    } finally {
      this.current = null;
    }
    // A nudge (a NOTIFY, a change here) that came after the last round had started its end: serve it.
    if (this.again) {
      this.again = false;
      void this.tick(true);
    }
    return this.status();
  }

  private async run(url: string): Promise<void> {
    this.state = 'syncing';
    try {
      const once = () => {
        const c = getServerConfig(this.db);
        return syncOnce(this.db, url, c ? { desk: c.desk } : {});
      };
      do {
        this.again = false;
        await once();
        // Events another desk committed between that pull and LISTEN were announced to no one
        // listening here: a fresh listener is followed by one more round, so none waits for the fallback.
        if (await this.ensureListener(url)) this.again = true;
      } while (this.again);
      this.failures = 0;
      this.nextAt = 0;
      this.lastFull = Date.now();
      this.state = 'online';
      this.message = null;
    } catch (e) {
      // An import holding the register in another process (src/main/db/importMarker.ts) is not a
      // failure of sync: it goes round again shortly, without the growing backoff.
      if (isBusy(e) && liveImport(this.db.path)) {
        this.nextAt = Date.now() + 2_000;
        this.message = 'Триває імпорт журналу; синхронізація продовжиться після нього.';
        return;
      }
      this.failures++;
      this.nextAt = Date.now() + backoffMs(this.failures);
      const err = e instanceof AppError ? e : connectionError(e);
      this.state = err.kind === 'io' ? 'offline' : 'error';
      this.message = err.message;
      await this.dropListener();
    }
  }

  /** True when it had to connect a new listener. */
  private async ensureListener(url: string): Promise<boolean> {
    if (this.listener) return false;
    const client = await connectServer(url);
    client.on('notification', () => this.nudge());
    // A dropped connection means the server or the network went away: back to polling with backoff.
    client.on('error', () => void this.dropListener());
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
    });
    await client.query('LISTEN registry_events');
    this.listener = client;
    return true;
  }

  private async dropListener(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => {});
  }
}

/** Tries a configuration without saving it: connects, checks the schema, names what is wrong. */
export async function testConnection(url: string): Promise<{ ok: boolean; message: string }> {
  try {
    const client = await connectServer(url, 8_000);
    try {
      await checkServerSchema(client);
      const r = await client.query<{ v: string }>('SELECT version() AS v');
      return { ok: true, message: `З'єднання встановлено: ${r.rows[0]!.v.split(' ').slice(0, 2).join(' ')}, схема спільного реєстру актуальна.` };
    } finally {
      await client.end().catch(() => {});
    }
  } catch (e) {
    return { ok: false, message: e instanceof AppError ? e.message : (e as Error).message };
  }
}
