/**
 * Keys of a modal <dialog> over the card: Esc closes it and goes no further (the card would take
 * Esc as "back to the journal"), and the card's print keys (F8, F9) never open a second paper.
 */
import type { KeyboardEvent, SyntheticEvent } from 'react';

export function modalKeys(onClose: () => void) {
  return {
    onCancel: (e: SyntheticEvent<HTMLDialogElement>) => {
      e.preventDefault();
      onClose();
    },
    onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
      if (/^F\d+$/.test(e.key)) e.stopPropagation();
    },
  };
}
