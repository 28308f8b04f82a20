/** Typed spreadsheet cells from the journal's column types, shared by the XLSX journal and the import. */
import type { ColumnType } from '../../shared/journalRows';

/**
 * Excel has no time zones: a cell holds wall-clock time. exceljs writes a Date by its UTC fields,
 * so Kyiv wall time is put into the UTC fields (and read back the same way).
 */
export function wallTimeDate(v: string): Date {
  const [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))];
  const [hh, mm] = v.length > 10 ? [Number(v.slice(11, 13)), Number(v.slice(14, 16))] : [0, 0];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

export function cellValue(type: ColumnType, v: string | number | null): string | number | Date | null {
  if (v === null) return null;
  if (type === 'date' || type === 'datetime') return wallTimeDate(String(v));
  return v;
}

export const NUM_FMT: Partial<Record<ColumnType, string>> = { date: 'dd.mm.yyyy', datetime: 'dd.mm.yyyy hh:mm' };
