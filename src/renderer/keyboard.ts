/**
 * Keyboard habits of the desk: Enter moves to the next field like Tab (clerks who came from
 * paper-journal software expect it), Shift+Enter goes back, Enter in a text area still breaks the
 * line, and Ctrl+Enter submits. Radio groups count as one stop, as they do for Tab.
 */
import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

function stops(container: HTMLElement): HTMLElement[] {
  const all = Array.from(container.querySelectorAll<HTMLElement>(FIELDS)).filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]'));
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = all.filter((x): x is HTMLInputElement => x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name);
    return (group.find((r) => r.checked) ?? group[0]) === el;
  });
}

function stopOf(el: HTMLElement, list: HTMLElement[]): number {
  const i = list.indexOf(el);
  if (i >= 0 || !(el instanceof HTMLInputElement) || el.type !== 'radio') return i;
  return list.findIndex((x) => x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name);
}

export function moveFocus(from: HTMLElement, container: HTMLElement, step: 1 | -1): void {
  const list = stops(container);
  const i = stopOf(from, list);
  const next = list[Math.min(Math.max(i + step, 0), list.length - 1)];
  next?.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
}

/** The form's onKeyDown. `ctrlEnter: false` when the screen submits on Ctrl+Enter from anywhere itself. */
export function formKeys(opts: { ctrlEnter?: boolean } = {}) {
  return (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key !== 'Enter' || e.altKey || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      if (opts.ctrlEnter === false) return;
      e.preventDefault();
      e.currentTarget.requestSubmit();
      return;
    }
    const t = e.target as HTMLElement;
    if (t instanceof HTMLTextAreaElement || t instanceof HTMLButtonElement) return;
    if (t instanceof HTMLInputElement && (t.type === 'submit' || t.type === 'button')) return;
    e.preventDefault();
    moveFocus(t, e.currentTarget, e.shiftKey ? -1 : 1);
  };
}

/** True when a key typed now would go into a text field (so `/` must not be taken as a hotkey). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
