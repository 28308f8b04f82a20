/**
 * The machine-readable code on the stamp and the receipt: the holder's ЄДРПОУ code, the incoming
 * index and the date of receipt. A scan of a stamped copy is matched to its record by these three
 * (an index repeats across years and holders, the triple does not).
 */
import type { IsoDate } from './calendar/types';

export interface RecordKey {
  holderCode: string;
  index: string;
  receivedDate: IsoDate;
}

const PREFIX = 'RD1';

/** `RD1|04054346|З-125|2026-11-23`: short enough for a 20 mm code, fields that never hold «|». */
export function recordCode(k: RecordKey): string {
  return [PREFIX, k.holderCode, k.index.replace(/\|/g, '/'), k.receivedDate].join('|');
}

export function parseRecordCode(s: string): RecordKey | null {
  const p = s.trim().split('|');
  if (p.length !== 4 || p[0] !== PREFIX || !/^\d{4}-\d{2}-\d{2}$/.test(p[3]!)) return null;
  return { holderCode: p[1]!, index: p[2]!, receivedDate: p[3]! };
}
