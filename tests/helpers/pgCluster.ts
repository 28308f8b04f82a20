/**
 * A throwaway PostgreSQL cluster for a test file: Debian's initdb + pg_ctl on a temp folder and a
 * free port on 127.0.0.1. initdb refuses to run as root (CI is root), so as root every server
 * program runs as the `postgres` user, on a folder owned by it. Each test takes a fresh database.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  port: number;
  dir: string;
  /** A connection URI for a database of this cluster (superuser `postgres`, trust auth). */
  url(database?: string): string;
  /** Creates an empty database and returns its URI. */
  createDatabase(name?: string): Promise<string>;
  /** Runs SQL as the superuser on a database of this cluster. */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, text: string, params?: unknown[]): Promise<T[]>;
  stop(): void;
  start(): void;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as `postgres` when we are root. */
function runPg(program: string, args: string[]): void {
  const bin = join(BIN, program);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

let counter = 0;

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-pg-'));
  if (asRoot) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gr = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(pw), Number(gr));
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  runPg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => runPg('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '120', 'start']);
  start();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const sql: PgCluster['sql'] = async (database, text, params) => {
    const c = new pg.Client({ connectionString: url(database) });
    await c.connect();
    try {
      return (await c.query(text, params)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    port,
    dir,
    url,
    sql,
    async createDatabase(name = `t${process.pid}_${++counter}`) {
      await sql('postgres', `CREATE DATABASE "${name}"`);
      return url(name);
    },
    stop() {
      try {
        runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
    },
    start,
  };
}

/** Stops the cluster and removes its folder. */
export function destroyPgCluster(c: PgCluster | undefined): void {
  if (!c) return;
  c.stop();
  rmSync(c.dir, { recursive: true, force: true });
}
