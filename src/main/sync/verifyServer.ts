/**
 * `verify` against the shared register: everything the file can prove (services/verify.ts), and
 * what only the server can — that no anchored event has left the log (see anchors.ts).
 */
import type { Db } from '../db/open';
import { verifyRegister, type VerifyReport } from '../services/verify';
import { checkAnchors } from './anchors';
import { checkServerSchema, connectServer } from './server';

export interface ServerVerifyReport extends VerifyReport {
  /** How many of this desk's anchors the server holds. */
  anchors: number;
}

export async function verifyWithServer(db: Db, url: string): Promise<ServerVerifyReport> {
  const local = verifyRegister(db);
  const client = await connectServer(url);
  try {
    await checkServerSchema(client);
    const a = await checkAnchors(db, client);
    const findings = [...local.findings, ...a.findings];
    return { ...local, ok: findings.length === 0, findings, anchors: a.anchors };
  } finally {
    await client.end().catch(() => {});
  }
}
