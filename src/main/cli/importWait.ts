/**
 * A CLI command on a register another process is importing into: SQLite's 5 s busy timeout ends
 * long before a big import does. When a command fails busy while that import's marker is live
 * (src/main/db/importMarker.ts), the person is told and the command waits for the import to end
 * — committed or rolled back — and runs again. A busy failure committed nothing (the transaction
 * that could not begin or commit is rolled back), so running it again cannot register twice.
 */
import { resolve } from 'node:path';
import { isBusy, liveImport, type ImportMarker } from '../db/importMarker';
import type { Io } from './command';

const POLL_MS = 250;
/** Tried again at least this often even with the marker still there (a marker from another host cannot be checked). */
const RETRY_MS = 30_000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('uk-UA', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit' });

export async function waitingForImport<T>(dbPath: unknown, io: Io, run: () => Promise<T>): Promise<T> {
  for (let told = false; ; ) {
    try {
      return await run();
    } catch (e) {
      const m = typeof dbPath === 'string' && isBusy(e) ? liveImport(resolve(dbPath)) : null;
      if (!m) throw e;
      if (!told) io.err(`Триває імпорт у застосунку (процес ${m.pid}, з ${hhmm(m.since)}); чекаю…\n`);
      told = true;
      await untilEnded(resolve(dbPath as string), m, io);
    }
  }
}

/** Waits while the marker stays, telling the progress when it moves. */
async function untilEnded(dbPath: string, first: ImportMarker, io: Io): Promise<void> {
  let shown = -1;
  const start = Date.now();
  for (let m: ImportMarker | null = first; m && Date.now() - start < RETRY_MS; m = liveImport(dbPath)) {
    if (m.done !== shown && m.total > 0) {
      shown = m.done;
      io.err(`  імпорт: записано ${m.done} з ${m.total} (${Math.floor((m.done / m.total) * 100)} %)\n`);
    }
    await sleep(POLL_MS);
  }
}
