/**
 * Form controls with their labels, hints and error messages tied by id, so a screen reader (and
 * Playwright's getByLabel) finds each field by its visible Ukrainian name, and an invalid field
 * says why right beside it.
 */
import type { KeyboardEventHandler, ReactNode, Ref } from 'react';

interface Common {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

function Extras({ id, error, hint }: { id: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}

const Label = ({ id, label, required }: { id: string; label: ReactNode; required?: boolean | undefined }) => (
  <label htmlFor={id}>
    {label}
    {required ? (
      <span className="req" aria-hidden="true">
        {' '}
        *
      </span>
    ) : null}
  </label>
);

export function TextField(
  p: Common & {
    value: string;
    onChange: (v: string) => void;
    type?: 'text' | 'email' | 'tel' | 'number' | 'search' | 'url' | 'month' | 'date' | 'password';
    inputRef?: Ref<HTMLInputElement>;
    placeholder?: string;
    inputMode?: 'text' | 'numeric' | 'tel' | 'email';
    autoFocus?: boolean;
    onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  },
) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <input
        id={p.id}
        ref={p.inputRef}
        type={p.type ?? 'text'}
        value={p.value}
        placeholder={p.placeholder}
        inputMode={p.inputMode}
        autoComplete="off"
        spellCheck={false}
        autoFocus={p.autoFocus}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value)}
        onKeyDown={p.onKeyDown}
      />
      <Extras id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

export function TextArea(p: Common & { value: string; onChange: (v: string) => void; rows?: number; inputRef?: Ref<HTMLTextAreaElement>; autoFocus?: boolean }) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <textarea
        id={p.id}
        ref={p.inputRef}
        rows={p.rows ?? 3}
        value={p.value}
        autoFocus={p.autoFocus}
        spellCheck={false}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <Extras id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

export function SelectField<V extends string>(
  p: Common & { value: V; onChange: (v: V) => void; options: readonly (readonly [V, string])[] },
) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} />
      <select
        id={p.id}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value as V)}
      >
        {p.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <Extras id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

/** A radio group: Tab enters at the chosen option, arrows change it — one stop for the keyboard. */
export function RadioGroup<V extends string | number>(
  p: Omit<Common, 'label'> & {
    legend: ReactNode;
    name: string;
    value: V;
    onChange: (v: V) => void;
    options: readonly (readonly [V, ReactNode])[];
    inline?: boolean;
    firstRef?: Ref<HTMLInputElement>;
    autoFocus?: boolean;
    disabledOptions?: Partial<Record<string, string>>;
  },
) {
  return (
    <fieldset
      className={`radios ${p.inline === false ? 'stacked' : 'inline'} ${p.className ?? ''}`}
      aria-invalid={p.error ? true : undefined}
      aria-describedby={describedBy(p.id, p.error, p.hint)}
    >
      <legend>{p.legend}</legend>
      <div className="radio-options">
        {p.options.map(([v, l]) => {
          const oid = `${p.id}-${v}`;
          const why = p.disabledOptions?.[String(v)];
          return (
            <label key={String(v)} htmlFor={oid} className={`radio ${p.value === v ? 'checked' : ''} ${why ? 'disabled' : ''}`} title={why}>
              <input
                type="radio"
                id={oid}
                name={p.name}
                value={String(v)}
                checked={p.value === v}
                disabled={!!why}
                ref={p.value === v ? p.firstRef : undefined}
                autoFocus={p.autoFocus && p.value === v}
                onChange={() => p.onChange(v)}
              />
              <span>{l}</span>
            </label>
          );
        })}
      </div>
      <Extras id={p.id} error={p.error} hint={p.hint} />
    </fieldset>
  );
}

export function Checkbox(p: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode; error?: string | undefined }) {
  return (
    <div className="field checkbox">
      <input
        type="checkbox"
        id={p.id}
        checked={p.checked}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={p.id}>{p.label}</label>
      <Extras id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

/** The list of what went wrong, announced at once (role=alert). */
export function ErrorAlert({ title, lines }: { title?: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="alert" role="alert">
      {title ? <strong>{title}</strong> : null}
      {lines.length === 1 && !title ? (
        <span>{lines[0]}</span>
      ) : (
        <ul>
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
