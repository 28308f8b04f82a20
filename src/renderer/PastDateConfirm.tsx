/**
 * The register asked about the receipt date (before the register's first year, or over a month
 * back): no number is given until the clerk confirms the date or goes back to fix it.
 */
import { useEffect, useRef } from 'react';

export function PastDateConfirm({ message, busy, onConfirm, onBack }: { message: string; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const backRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: a date this old is more often a slip than the truth.
  useEffect(() => backRef.current?.focus(), []);
  return (
    <section
      className="panel warn-box"
      role="alertdialog"
      aria-labelledby="past-title"
      aria-describedby="past-text"
      data-testid="past-date-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <h2 id="past-title">Перевірте дату надходження — номер ще не видано</h2>
      <p id="past-text">{message}</p>
      <div className="form-actions">
        <button ref={backRef} type="button" onClick={onBack}>
          Виправити дату <span className="key-hint">(Esc)</span>
        </button>
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          Дата правильна, зареєструвати <span className="key-hint">(Ctrl+Enter)</span>
        </button>
      </div>
    </section>
  );
}
