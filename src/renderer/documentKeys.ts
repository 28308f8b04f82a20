/**
 * The papers the clerk prints for a request, each with its one key. The same keys work on the
 * card and on the registration result, because the visitor is still at the desk in both places.
 * F-keys, not letters: they never collide with typing, and the browser leaves F8/F9 alone.
 */
import type { DocumentKind } from '../shared/documents';
import type { RequestEvent, RequesterType } from '../shared/domain';

export type PrintChoice = 'stamp_sheet' | 'stamped_copy' | 'stamp_onto' | 'receipt' | 'form';

export interface PrintKey {
  choice: PrintChoice;
  label: string;
  code: string;
  shift?: boolean;
  ctrl?: boolean;
}

export const PRINT_KEYS: readonly PrintKey[] = [
  { choice: 'stamp_sheet', label: 'Штамп на аркуш', code: 'F8' },
  { choice: 'stamped_copy', label: 'Копія зі штампом', code: 'F8', shift: true },
  { choice: 'stamp_onto', label: 'Штамп на скан…', code: 'F8', ctrl: true },
  { choice: 'receipt', label: 'Розписка', code: 'F9' },
  { choice: 'form', label: 'Форма запиту', code: 'F9', shift: true },
];

/** As shown on the button and in aria-keyshortcuts. */
export const keyName = (k: PrintKey): string => `${k.ctrl ? 'Ctrl+' : ''}${k.shift ? 'Shift+' : ''}${k.code}`;

export function printKeyOf(e: KeyboardEvent): PrintKey | undefined {
  if (e.altKey || e.metaKey) return undefined;
  return PRINT_KEYS.find((k) => k.code === e.key && !!k.shift === e.shiftKey && !!k.ctrl === e.ctrlKey);
}

/** The Appendix 4 form follows the requester: legal persons and associations share one form. */
export const formKindOf = (t: RequesterType): DocumentKind => (t === 'natural' ? 'form_natural' : 'form_legal');

export const kindOf = (choice: PrintChoice, t: RequesterType): DocumentKind => (choice === 'form' ? formKindOf(t) : choice);

/** What the clerk calls each letter on its button. */
export const LETTER_BUTTON: Partial<Record<DocumentKind, string>> = {
  letter_extension: 'Лист про продовження строку',
  letter_refusal: 'Відмова',
  letter_redirect: 'Супровідний лист розпоряднику',
  letter_redirect_notice: 'Повідомлення запитувачу про направлення',
  letter_cost: 'Повідомлення про витрати',
};

/** Which action's event makes which letters due. */
export const LETTERS_AFTER: Record<string, DocumentKind[]> = {
  extend: ['letter_extension'],
  extended: ['letter_extension'],
  refuse: ['letter_refusal'],
  refused: ['letter_refusal'],
  redirect: ['letter_redirect', 'letter_redirect_notice'],
  redirected: ['letter_redirect', 'letter_redirect_notice'],
  cost_notice: ['letter_cost'],
};

/** The letters a request's history calls for, in the order the actions happened. */
export function lettersFor(events: readonly RequestEvent[]): DocumentKind[] {
  const out: DocumentKind[] = [];
  for (const e of events) for (const k of LETTERS_AFTER[e.type] ?? []) if (!out.includes(k)) out.push(k);
  return out;
}

export const isLetter = (k: DocumentKind): boolean => k.startsWith('letter_');
