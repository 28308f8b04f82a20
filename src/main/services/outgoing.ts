/**
 * Outgoing numbers are unique within a year: one number, one letter. Checked inside the transaction
 * that records the number, so two windows cannot both take the same number. The numbers live in the
 * events' payloads; the expression index `events_outgoing` (migration 0006) finds them by number, so
 * the check costs a lookup, not a pass over every answer of the register. Its WHERE must keep the
 * index's expression and type list word for word, or SQLite falls back to reading every event.
 */
import { prepared, type Db } from '../db/open';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../../shared/documents';
import { AppError } from '../../shared/errors';

interface Holder {
  request_id: string;
  incoming_index: string;
  kind: string;
}

/** What takes a number: a document kind, or `answer` for the answer recorded by the action. */
export type NumberedPaper = DocumentKind | 'answer';

/** The papers that hold a number in a year (exported so a test can check that SQLite uses the index). */
export const OUTGOING_HOLDERS = `SELECT e.request_id, r.incoming_index,
          CASE e.type WHEN 'answered' THEN 'answer' ELSE json_extract(e.payload, '$.kind') END AS kind
     FROM events e JOIN requests r ON r.id = e.request_id
    WHERE e.type IN ('answered', 'document_issued')
      AND json_extract(e.payload, '$.outgoingIndex') = ?
      AND substr(e.at, 1, 4) = ?`;

/** Refuses `number` in `year` when another paper already has it; re-issuing the same paper is allowed. */
export function assertOutgoingFree(db: Db, number: string, year: number, own: { requestId: string; kind: NumberedPaper }): void {
  const taken = prepared(db, OUTGOING_HOLDERS).all(number.trim(), String(year)) as Holder[];
  const other = taken.find((t) => t.request_id !== own.requestId || t.kind !== own.kind);
  if (!other) return;
  const what = other.kind === 'answer' ? 'відповідь' : `«${DOCUMENT_KIND_LABEL[other.kind as DocumentKind] ?? other.kind}»`;
  throw new AppError(
    'conflict',
    `Вихідний № ${number.trim()} у ${year} році вже надано: ${what} на запит вх. № ${other.incoming_index}. Номер вихідного документа в межах року не повторюється — вкажіть інший.`,
  );
}
