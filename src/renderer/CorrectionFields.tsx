/**
 * The fields of a correction: the registration's text as it stands, to be edited in place. Only what
 * the clerk changes is sent; the register keeps the old values and the reason in the history.
 */
import type { RequestView } from '../shared/domain';
import { TextArea, TextField } from './Fields';

/** The registration fields the card lets the clerk correct (the API and CLI take any of them). */
export const CORRECTABLE_IN_CARD = ['requesterName', 'postalAddress', 'email', 'phone', 'description'] as const;
type Values = Record<string, string | boolean>;

export function correctionInitial(v: RequestView): Values {
  return { ...Object.fromEntries(CORRECTABLE_IN_CARD.map((k) => [k, v[k]])), reason: '' };
}

export function correctionInput(v: RequestView, x: Values): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const changes = Object.fromEntries(CORRECTABLE_IN_CARD.filter((k) => String(x[k] ?? '').trim() !== v[k]).map((k) => [k, String(x[k] ?? '')]));
  if (Object.keys(changes).length === 0) return { errors: { requesterName: 'змініть хоча б одне поле' } };
  return { input: { changes, reason: String(x.reason ?? '') } };
}

export function CorrectionFields({
  id,
  str,
  err,
  set,
}: {
  id: (k: string) => string;
  str: (k: string) => string;
  err: (k: string) => string | undefined;
  set: (k: string) => (v: string | boolean) => void;
}) {
  const field = (k: string) => ({ id: id(k), value: str(k), error: err(k) ?? err(`changes.${k}`), onChange: set(k) });
  return (
    <>
      <p className="hint">Вхідний номер і дату надходження змінити не можна. Попередні значення й причина залишаться в історії та журналі.</p>
      <div className="row">
        <TextField label="ПІБ / найменування запитувача" autoFocus {...field('requesterName')} />
        <TextField label="Поштова адреса" {...field('postalAddress')} />
      </div>
      <div className="row">
        <TextField label="Електронна пошта" {...field('email')} />
        <TextField label="Телефон" {...field('phone')} />
      </div>
      <TextArea label="Опис запитуваної інформації" {...field('description')} />
      <TextField label="Причина виправлення" required {...field('reason')} hint="наприклад: описка в прізвищі" />
    </>
  );
}
