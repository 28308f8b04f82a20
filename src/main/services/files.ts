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
function allowed(db: Db, file: string): boolean {
  const tmp = realpathSync(tmpdir());
  if (inside(tmp, file)) {
    const parts = relative(tmp, file).split(sep);
    if (parts.length === 1 && parts[0]!.startsWith(TEMP_PREFIX)) return true;
    if (parts.length === 2 && parts[0]!.startsWith(UPLOAD_PREFIX)) return true;
  }
  return inside(realpathSync(exportFolder(db).folder), file);
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
