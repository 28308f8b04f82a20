/**
 * Files between the UI and the disk. The renderer has no file system (and in the web shell the
 * browser gives bytes, never a path), so it reads back what the app wrote and hands in what the
 * clerk chose through these calls. Reading is confined to the app's own output — the export
 * folder and its `registry-desk-*` temporary files — so the API can never serve an arbitrary file.
 */
import { mkdtempSync, realpathSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import { fileReadInput, fileUploadInput, MAX_UPLOAD_BYTES, type FileContent } from '../../shared/files';
import { parseInput } from '../../shared/schemas';
import type { Db } from '../db/open';
import { ensureWritableDir } from '../journals/atomicFile';
import { getSettings } from './settings';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The same prefix the documents service gives its previews; uploads use it too. */
const TEMP_PREFIX = 'registry-desk-';
const UPLOAD_PREFIX = `${TEMP_PREFIX}upload-`;

/** The folder journals and reports are proposed into: the setting, else «Експорт» beside the register. */
export function exportFolder(db: Db): { folder: string } {
  const set = getSettings(db).exports.folder;
  return { folder: ensureWritableDir(set || join(dirname(db.path), 'Експорт')) };
}

const inside = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Real paths on both sides: `..` and symlinks cannot lead out of the allowed folders. In the
 * temporary folder only the shapes the app writes count — `registry-desk-*.pdf` previews at its
 * top and files in `registry-desk-upload-*` folders — not whatever else sits under such a name.
 */
function appTempFile(file: string): boolean {
  const tmp = realpathSync(tmpdir());
  if (!inside(tmp, file)) return false;
  const parts = relative(tmp, file).split(sep);
  return (parts.length === 1 && parts[0]!.startsWith(TEMP_PREFIX)) || (parts.length === 2 && parts[0]!.startsWith(UPLOAD_PREFIX));
}

const grants = new WeakMap<Db, Set<string>>();

/**
 * A folder the person chose through the shell's own dialog (Electron): the API may read and
 * write there. A setting alone grants nothing — whoever can call `settings:update` could name `/`.
 */
export function grantFolder(db: Db, dir: string): void {
  let set = grants.get(db);
  if (!set) grants.set(db, (set = new Set()));
  set.add(realpathSync(ensureWritableDir(dir)));
}

/** The folders the API may use: the register's own (the web shell's served data folder) and the granted ones. */
function roots(db: Db): string[] {
  return [realpathSync(dirname(db.path)), ...(grants.get(db) ?? [])];
}

const underRoot = (db: Db, file: string) => roots(db).some((r) => r === file || inside(r, file));

/** The export folder, when it lies where the API may go; otherwise reads there are refused. */
function confinedExportFolder(db: Db): string | null {
  const folder = realpathSync(exportFolder(db).folder);
  return underRoot(db, folder) ? folder : null;
}

function allowed(db: Db, file: string): boolean {
  if (appTempFile(file)) return true;
  const folder = confinedExportFolder(db);
  return folder !== null && inside(folder, file);
}

/**
 * A path an API call (not the CLI: its user has the shell anyway) wants to write or read:
 * inside the register's folder or a granted one, or (reading) the app's own temporary files.
 * Never a register's own files — the output guard refuses those for every writer.
 */
export function confineApiPath(db: Db, path: string, mode: 'read' | 'write'): void {
  const refuse = () =>
    new AppError('not_allowed', `Шлях «${path}» поза папками програми: через програму можна читати й записувати лише в папці реєстру, у вибраних папках і тимчасових файлах програми`);
  if (!isAbsolute(path)) throw refuse();
  let real: string;
  try {
    real = mode === 'read' ? realpathSync(path) : join(realpathSync(nearestExisting(dirname(path))), relative(nearestExisting(dirname(path)), path));
  } catch {
    throw refuse();
  }
  if (mode === 'read' && appTempFile(real)) return;
  if (!underRoot(db, real)) throw refuse();
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!statSync(d, { throwIfNoEntry: false })) {
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return d;
}

export function readAppFile(db: Db, raw: unknown): FileContent {
  const { path } = parseInput(fileReadInput, raw);
  const refuse = () => new AppError('not_allowed', `Файл «${path}» записано не програмою: читати можна лише файли з папки експорту та тимчасові файли програми`);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // Said the same way as a refusal for a path outside: the API does not tell which files exist elsewhere.
    if (!isAbsolute(path) || !allowedParent(db, path)) throw refuse();
    throw new AppError('not_found', `Файл «${path}» не знайдено`);
  }
  if (!allowed(db, real)) throw refuse();
  const st = statSync(real);
  if (!st.isFile()) throw refuse();
  if (st.size > MAX_UPLOAD_BYTES) throw new AppError('invalid_input', `Файл «${basename(real)}» більший за 60 МБ: відкрийте його з папки`);
  const ext = extname(real).toLowerCase();
  return { name: basename(real), mime: MIME[ext] ?? 'application/octet-stream', base64: readFileSync(real).toString('base64') };
}

function allowedParent(db: Db, path: string): boolean {
  try {
    return allowed(db, join(realpathSync(dirname(path)), basename(path)));
  } catch {
    return false;
  }
}

/** Writes the chosen file into a fresh temporary folder of its own, under its own (cleaned) name. */
export function uploadFile(raw: unknown): { path: string } {
  const input = parseInput(fileUploadInput, raw);
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('invalid_input', 'Файл більший за 60 МБ');
  const name = basename(input.name.replace(/\\/g, '/')).replace(/[<>:"|?*\u0000-\u001f]/g, '_') || 'file';
  const dir = mkdtempSync(join(tmpdir(), UPLOAD_PREFIX));
  const path = join(dir, name === '.' || name === '..' ? 'file' : name);
  writeFileSync(path, bytes);
  return { path };
}
