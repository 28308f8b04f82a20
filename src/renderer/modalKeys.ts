/**
 * Keys of a modal <dialog> over the card: Esc closes it and goes no further (the card would take
 * Esc as "back to the journal"), and the card's print keys (F8, F9) never open a second paper.
 */
import type { KeyboardEvent, SyntheticEvent } from 'react';

/**
 * Esc inside a form over the card cancels the form only (the card would take Esc as "back to the
 * journal"). True when it was Esc, so a caller can hand other keys on.
 */
export function escapeCancels(e: KeyboardEvent, onCancel: () => void): boolean {
  if (e.key !== 'Escape') return false;
  e.preventDefault();
  e.stopPropagation();
  onCancel();
  return true;
}

export function modalKeys(onClose: () => void) {
  return {
    onCancel: (e: SyntheticEvent<HTMLDialogElement>) => {
      e.preventDefault();
      onClose();
    },
    onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => {
      escapeCancels(e, onClose);
      if (/^F\d+$/.test(e.key)) e.stopPropagation();
    },
  };
}
