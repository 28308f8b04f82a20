/** Helpers for the long-running commands (journal, report, opendata, import). */
import { openDb, type Db } from '../db/open';
import type { Progress } from '../services/jobs';
import { requireString, type Io, type Values } from './command';

/** Like `withDb`, but keeps the register open until the async work has finished. */
export async function withDbAsync<T>(v: Values, f: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(requireString(v, 'db'));
  try {
    return await f(db);
  } finally {
    db.sqlite.close();
  }
}

/** Progress on stderr (stdout keeps the one JSON value): at most every 10 %, only for big runs. */
export function stderrProgress(io: Io, label: string, minTotal = 1000): (p: Progress) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    if (total < minTotal) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    io.err(`${label}: ${done} з ${total} (${tenth * 10} %)\n`);
  };
}
