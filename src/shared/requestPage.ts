/**
 * The journal read a page at a time: the list's filters plus where the previous page ended.
 * A cursor is opaque to the UI; it is validated here because it comes back over IPC/HTTP.
 */
import { z } from 'zod';
import type { RequestSummary } from './domain';
import { listQuery } from './schemas';

/** Rows a page holds when the caller names no limit. */
export const PAGE_SIZE = 100;

export const listPageQuery = listQuery.extend({
  /** `next` of the previous page; absent for the first page. */
  after: z
    .string()
    .regex(/^(k:\d{1,4}:\d{1,9}:-?\d{1,12}|o:\d{1,7}|r:[01]:\d{1,12})$/, { message: 'Невідома позиція сторінки журналу' })
    .optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type ListPageQuery = z.input<typeof listPageQuery>;

export interface RequestPage {
  rows: RequestSummary[];
  /** How many requests match the filters in all (every page together). */
  total: number;
  /** How many unused reserved numbers the journal lists besides (`RequestSummary.unused`); absent when none. */
  unused?: number;
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}
