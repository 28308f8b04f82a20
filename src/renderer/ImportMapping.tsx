/**
 * The column mapping of an import as the clerk sees it in Excel: for each field of the register a
 * drop-down of the file's columns by their letters (A, B, … K), each with its header and the first
 * values, so the right column is recognised by what is in it. «немає в журналі» takes a field out.
 */
import { columnLetter, IMPORT_FIELD_LABELS, NO_COLUMN, type ColumnSample } from '../shared/importFields';
import type { ImportField } from '../shared/journalInputs';

/** The fields an old journal can fill, in the order of a paper journal's columns. */
export const MAPPED_FIELDS: readonly ImportField[] = [
  'index', 'receivedAt', 'receivedTime', 'requesterName', 'requesterType', 'contacts', 'postalAddress', 'email', 'phone', 'channel', 'form',
  'description', 'urgent', 'replyBy', 'executor', 'extension', 'result', 'refusalGround', 'redirectHolder', 'outgoingIndex', 'resultDate', 'signed', 'note',
];

const optionText = (s: ColumnSample) => {
  const sample = s.values.length ? ` (${s.values.join('; ')})` : '';
  return `${s.letter} — ${s.header || 'без заголовка'}${sample}`;
};

export function ImportMapping({ samples, columns, disabled, onChange }: {
  samples: { column: number; letter: string; header: string; values: string[] }[];
  /** Field → 0-based column, as the last check used it. */
  columns: Partial<Record<ImportField, number>>;
  disabled: boolean;
  onChange: (field: ImportField, letterOrNone: string) => void;
}) {
  return (
    <fieldset className="import-mapping">
      <legend>Відповідність колонок</legend>
      <p className="hint">Колонки файлу позначено літерами, як в Excel; у дужках — перші значення колонки.</p>
      <div className="mapping-grid">
        {MAPPED_FIELDS.map((field) => {
          const col = columns[field];
          const id = `im-col-${field}`;
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{IMPORT_FIELD_LABELS[field]}</label>
              <select id={id} value={col === undefined ? NO_COLUMN : columnLetter(col)} disabled={disabled} onChange={(e) => onChange(field, e.target.value)}>
                <option value={NO_COLUMN}>— немає в журналі —</option>
                {samples.map((s) => (
                  <option key={s.letter} value={s.letter}>
                    {optionText(s)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
