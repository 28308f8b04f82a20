/**
 * Which columns the journal shows: the paper journal has more than fit on a screen, so the clerk
 * picks them (executor, outgoing number and date, channel, result). The choice is kept on this
 * computer between sessions.
 */
import { useState } from 'react';
import { COLUMN_LABEL, COLUMNS, DEFAULT_COLUMNS, FIXED_COLUMNS, type Column } from './SummaryTable';

const KEY = 'registry-desk.journal-columns';

export function useJournalColumns(): [readonly Column[], (c: readonly Column[]) => void] {
  const [columns, setColumns] = useState<readonly Column[]>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
      if (Array.isArray(saved)) return COLUMNS.filter((c) => saved.includes(c));
    } catch {
      // A damaged entry falls back to the defaults.
    }
    return DEFAULT_COLUMNS;
  });
  const save = (next: readonly Column[]) => {
    setColumns(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage may be off; the choice then lasts for this session only.
    }
  };
  return [columns, save];
}

export function ColumnChooser({ columns, onChange }: { columns: readonly Column[]; onChange: (c: readonly Column[]) => void }) {
  const optional = COLUMNS.filter((c) => !FIXED_COLUMNS.includes(c));
  return (
    <details className="column-chooser">
      <summary>Стовпці</summary>
      <fieldset>
        <legend className="visually-hidden">Стовпці журналу</legend>
        {optional.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={columns.includes(c)}
              onChange={(e) => onChange(e.target.checked ? COLUMNS.filter((x) => x === c || columns.includes(x)) : columns.filter((x) => x !== c))}
            />{' '}
            {COLUMN_LABEL[c]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
