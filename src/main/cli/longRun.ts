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
  let lastPhase: Progress['phase'];
  return ({ done, total, phase }) => {
    if (total < minTotal) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth && phase === lastPhase) return;
    (lastTenth = tenth), (lastPhase = phase);
    // An import's reading is counted in bytes: only its share means anything to a person.
    if (phase === 'reading') io.err(`${label}: перевірено ${tenth * 10} % файлу\n`);
    else io.err(`${label}: ${done} з ${total} (${tenth * 10} %)\n`);
  };
}
