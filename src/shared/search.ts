/**
 * What the search index holds and how a typed query meets it. The clerk types an apostrophe
 * however the keyboard gives it (' ’ ʼ `), so every variant is dropped on both sides; an incoming
 * index is found however it is typed («З5», «з-5», the Latin look-alike «Z-5»).
 */
import type { RequestRecord, RequestState } from './domain';

/** Bump when what the index holds changes: registers rebuild their search index once on opening. */
export const SEARCH_INDEX_VERSION = 2;

const APOSTROPHES = /['\u2019\u2018\u02BC\u0060\u00B4\u02B9\u2032]/g;

export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').replace(APOSTROPHES, '');
}

// Latin letters a clerk may type for the Cyrillic ones printed in an index (same key shape or look).
const LOOKALIKE: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У', Z: 'З' };

/** «З-125/01-15» → «з12501-15»-like key: Cyrillic, lower case, no separators. Null if it has no digit. */
export function indexKey(typed: string): string | null {
  const t = typed.trim().toLocaleUpperCase('uk');
  if (!/\d/.test(t) || t.length > 40 || /\s\S+\s/.test(t)) return null;
  const key = [...t]
    .map((ch) => LOOKALIKE[ch] ?? ch)
    .join('')
    .replace(/[\s\-–—/\\.,_№#]/g, '')
    .toLocaleLowerCase('uk');
  return /^[\p{L}\p{N}]+$/u.test(key) ? key : null;
}

/** The four indexed columns of a request. */
export function searchDocument(r: Pick<RequestRecord, 'index' | 'requesterName' | 'postalAddress' | 'email' | 'phone' | 'description'>, s: Pick<RequestState, 'notes' | 'executor' | 'redirect' | 'answer'>) {
  return {
    // The index as printed and as its key, so «З5» finds «З-5».
    incomingIndex: `${r.index} ${indexKey(r.index) ?? ''}`.trim(),
    requester: normalizeForSearch([r.requesterName, r.postalAddress, r.email, r.phone].join(' ')),
    description: normalizeForSearch(r.description),
    notes: normalizeForSearch([...s.notes, s.executor ?? '', s.redirect?.holder ?? '', s.answer?.outgoingIndex ?? ''].join(' ')),
  };
}
