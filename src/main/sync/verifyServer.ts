/**
 * `verify` against the shared register: everything the file can prove (services/verify.ts), and
 * what only the server can — that no anchored event has left the log (see anchors.ts).
 *
 * Two callers, two rules for a server out of reach: the CLI's `verify --server URL` was asked for
 * the server's word and fails without it; the app's «Перевірити реєстр» checks the server only
 * because the desk has one configured, so an unreachable server is a warning beside a register
 * that is otherwise in order — never taken for a fault of the register, nor for a clean check.
 */
import type pg from 'pg';
import { AppError } from '../../shared/errors';
import type { AppVerifyReport } from '../../shared/sync/verifyReport';
import type { Db } from '../db/open';
import type { JobControl } from '../services/jobs';
import { verifyRegister, type VerifyReport } from '../services/verify';
import { checkAnchors } from './anchors';
import { checkServerSchema, connectServer } from './server';

export interface ServerVerifyReport extends VerifyReport {
  /** How many of this desk's anchors the server holds. */
  anchors: number;
}

async function anchorsOn(db: Db, client: pg.Client): Promise<{ anchors: number; findings: string[] }> {
  await checkServerSchema(client);
  return checkAnchors(db, client);
}

export async function verifyWithServer(db: Db, url: string): Promise<ServerVerifyReport> {
  const local = verifyRegister(db);
  const client = await connectServer(url);
  try {
    const a = await anchorsOn(db, client);
    const findings = [...local.findings, ...a.findings];
    return { ...local, ok: findings.length === 0, findings, anchors: a.anchors };
  } finally {
    await client.end().catch(() => {});
  }
}

/** The app's verify: the file, and the server's anchors when the desk has a server (`url`). */
export async function verifyForApp(db: Db, url: string | null, ctl: JobControl = {}): Promise<AppVerifyReport> {
  const local = verifyRegister(db, ctl);
  if (!url) return { ...local, anchors: null, warnings: [] };
  const unchecked = (e: unknown) => ({
    ...local,
    anchors: null,
    warnings: [`Якорі журналу на сервері спільного реєстру не перевірено: ${e instanceof Error ? e.message : String(e)}`],
  });
  let client: pg.Client;
  try {
    client = await connectServer(url);
  } catch (e) {
    return unchecked(e);
  }
  try {
    const a = await anchorsOn(db, client);
    const findings = [...local.findings, ...a.findings];
    return { ...local, ok: findings.length === 0, findings, anchors: a.anchors, warnings: [] };
  } catch (e) {
    // The connection lost, or a server this desk cannot read: the server's word is missing, not against the register.
    if (e instanceof AppError) return unchecked(e);
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
