/**
 * An import's write phase holds SQLite's write lock for its whole length (one transaction, so a
 * cancel leaves nothing). In the app, desk writes wait for it on the write gate; another process
 * (a CLI command, the sync agent) only has SQLite's 5 s busy timeout and would fail with «Реєстр
 * зайнятий». The importer therefore leaves a marker beside the register — `<register>.import` with
 * its pid, host, start and progress — for as long as it holds the lock, and a process that finds
 * the register busy while a live marker exists waits for the import instead of failing.
 * A marker whose process is dead is ignored (and removed): SQLite released that process's lock.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { alive } from './ownerLock';

export interface ImportMarker {
  pid: number;
  host: string;
  since: string;
  /** Rows written so far and in all (the write phase's progress). */
  done: number;
  total: number;
}

export const importMarkerOf = (dbPath: string): string => `${resolve(dbPath)}.import`;

export interface HeldMarker {
  progress(done: number): void;
  release(): void;
}

/** Puts the marker down for an import about to write `total` rows. */
export function markImport(dbPath: string, total: number): HeldMarker {
  const file = importMarkerOf(dbPath);
  const info: ImportMarker = { pid: process.pid, host: hostname(), since: new Date().toISOString(), done: 0, total };
  // Written aside and renamed over: a reader never sees half a marker.
  const write = () => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(info));
    renameSync(tmp, file);
  };
  write();
  let released = false;
  return {
    progress(done) {
      if (released) return;
      info.done = done;
      try {
        write();
      } catch {
        // Progress is for the person waiting; a failed write of it must not fail the import.
      }
    },
    release() {
      if (released) return;
      released = true;
      const now = liveImport(dbPath);
      if (now && now.pid === info.pid && now.host === info.host && now.since === info.since) rmSync(file, { force: true });
    },
  };
}

/** The import holding the register now, or null (none, or its process is gone). */
export function liveImport(dbPath: string): ImportMarker | null {
  const file = importMarkerOf(dbPath);
  let m: ImportMarker;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ImportMarker;
  } catch {
    return null;
  }
  if (alive(m)) return m;
  rmSync(file, { force: true });
  return null;
}

/** SQLITE_BUSY (or a wrapped one) — the write lock was not free within the busy timeout. */
export function isBusy(e: unknown): boolean {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; x && depth < 5; x = x.cause as typeof x, depth++)
    if (typeof x.code === 'string' && (x.code.startsWith('SQLITE_BUSY') || x.code.startsWith('SQLITE_LOCKED'))) return true;
  return false;
}
