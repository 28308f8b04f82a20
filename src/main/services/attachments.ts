/** Keeping a scan with its request: the bytes, a record of them and the event, in one transaction. */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { attachmentProblem, MAX_ATTACHMENT_BYTES, sniffMime, type AttachmentInfo, type AttachmentMime } from '../../shared/attachments';
import { AppError } from '../../shared/errors';
import { kyivIso } from '../../shared/calendar';
import { prepared, type Db } from '../db/open';
import { insertEvent, newEvent } from './eventLog';
import { refreshProjection } from './projection';
import { findRequestRow, getRequest } from './queries';
import { parseInput } from '../../shared/schemas';
import type { RequestView } from '../../shared/domain';
import { removeAttachmentInput } from '../../shared/attachments';

export interface AttachResult extends AttachmentInfo {
  index: string;
}

export function attachBytes(db: Db, ref: { index: string; year?: number }, name: string, data: Buffer): AttachResult {
  const mime = sniffMime(data.subarray(0, 8));
  const problem = attachmentProblem(data.length, mime);
  if (problem) throw new AppError('invalid_input', problem);
  const info: AttachmentInfo = {
    id: randomUUID(),
    name: name.slice(0, 255),
    mime: mime as AttachmentMime,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    // The same instant as its event, which is what other desks record when they receive it.
    addedAt: kyivIso(db.now()),
  };
  const run = db.sqlite.transaction(() => {
    const row = findRequestRow(db, ref);
    prepared(db, 'INSERT INTO attachments (id, request_id, name, mime, size, sha256, data, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(info.id, row.id, info.name, info.mime, info.size, info.sha256, data, info.addedAt);
    insertEvent(db, newEvent(db, row.id, 'attached', { attachmentId: info.id, name: info.name, mime: info.mime, size: info.size, sha256: info.sha256 }));
    refreshProjection(db, row.id);
    return row.incoming_index;
  });
  return { ...info, index: run.immediate() };
}

export function attachFile(db: Db, ref: { index: string; year?: number }, file: string): AttachResult {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new AppError('invalid_input', `Не вдалося прочитати ${file}: ${(e as Error).message}`);
  }
  // Checked before reading, so a 2 GB file is refused without loading it.
  if (size > MAX_ATTACHMENT_BYTES) throw new AppError('invalid_input', attachmentProblem(size, 'application/pdf')!);
  return attachBytes(db, ref, basename(file), readFileSync(file));
}

/** In order of arrival, which is the server's order too: every desk lists them alike. Removed ones are not listed. */
export function listAttachments(db: Db, requestId: string): AttachmentInfo[] {
  return prepared(
    db,
    `SELECT id, name, mime, size, sha256, added_at AS addedAt FROM attachments WHERE request_id = ?
       AND id NOT IN (SELECT json_extract(payload, '$.attachmentId') FROM events WHERE request_id = ? AND type = 'attachment_removed')
     ORDER BY rowid`,
  ).all(requestId, requestId) as AttachmentInfo[];
}

/**
 * Takes a scan off its request: an event with the reason, in one transaction with the projection.
 * The bytes are not deleted (the table is append-only here and on the server, and a desk syncing
 * later must still receive the scan its 'attached' event names); removal is what every desk folds.
 */
export function removeAttachment(db: Db, raw: unknown): RequestView {
  const input = parseInput(removeAttachmentInput, raw);
  const run = db.sqlite.transaction(() => {
    const row = findRequestRow(db, input);
    const shown = listAttachments(db, row.id).find((a) => a.id === input.attachmentId);
    if (!shown) throw new AppError('not_found', `Скан не знайдено серед сканів запиту ${row.incoming_index} (можливо, його вже вилучено)`);
    insertEvent(db, newEvent(db, row.id, 'attachment_removed', { attachmentId: shown.id, name: shown.name, reason: input.reason }));
    refreshProjection(db, row.id);
    return row.id;
  });
  return getRequest(db, { index: run.immediate() });
}

export function attachmentData(db: Db, id: string): { info: AttachmentInfo; data: Buffer } {
  const row = prepared(db, 'SELECT id, name, mime, size, sha256, added_at AS addedAt, data FROM attachments WHERE id = ?').get(id) as (AttachmentInfo & { data: Buffer }) | undefined;
  if (!row) throw new AppError('not_found', 'Скан не знайдено');
  const { data, ...info } = row;
  return { info, data };
}
