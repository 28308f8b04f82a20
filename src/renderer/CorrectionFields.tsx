/**
 * The fields of a correction: the registration's text as it stands, to be edited in place. Only what
 * the clerk changes is sent; the register keeps the old values and the reason in the history.
 * The channel, form, reply way and signature are choices: an imported journal may have left them
 * unstated, and the paper original is where the clerk finds them later.
 */
import { CHANNELS, FORMS, REPLY_WAYS, type RequestView } from '../shared/domain';
import { CHANNEL_LABEL, FORM_LABEL, NOT_STATED, REPLY_WAY_LABEL } from '../shared/wording';
import { SelectField, TextArea, TextField } from './Fields';

/** The registration fields the card lets the clerk correct (the API and CLI take any of them). */
export const CORRECTABLE_IN_CARD = ['requesterName', 'postalAddress', 'email', 'phone', 'description'] as const;
type Values = Record<string, string | boolean>;

/** Choice fields: '' is «не зазначено», offered only while the register does not know the value. */
const CHOICES = {
  channel: CHANNELS.map((c) => [c, CHANNEL_LABEL[c]] as const),
  form: FORMS.map((f) => [f, FORM_LABEL[f]] as const),
  replyBy: REPLY_WAYS.map((w) => [w, REPLY_WAY_LABEL[w]] as const),
  signed: [['yes', 'наявні'], ['no', 'відсутні']] as const,
};
type Choice = keyof typeof CHOICES;
const CHOICE_KEYS = Object.keys(CHOICES) as Choice[];

function choiceValue(v: RequestView, k: Choice): string {
  if (k === 'signed') return v.signed === null ? '' : v.signed ? 'yes' : 'no';
  return v[k] ?? '';
}

export function correctionInitial(v: RequestView): Values {
  return {
    ...Object.fromEntries(CORRECTABLE_IN_CARD.map((k) => [k, v[k]])),
    ...Object.fromEntries(CHOICE_KEYS.map((k) => [k, choiceValue(v, k)])),
    reason: '',
  };
}

export function correctionInput(v: RequestView, x: Values): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const changes: Record<string, unknown> = Object.fromEntries(
    CORRECTABLE_IN_CARD.filter((k) => String(x[k] ?? '').trim() !== v[k]).map((k) => [k, String(x[k] ?? '')]),
  );
  for (const k of CHOICE_KEYS) {
    const chosen = String(x[k] ?? '');
    // A known value is never taken back to «не зазначено»: '' is only ever the value it had.
    if (chosen === '' || chosen === choiceValue(v, k)) continue;
    changes[k] = k === 'signed' ? chosen === 'yes' : chosen;
  }
  if (Object.keys(changes).length === 0) return { errors: { requesterName: 'змініть хоча б одне поле' } };
  return { input: { changes, reason: String(x.reason ?? '') } };
}

export function CorrectionFields({
  v,
  id,
  str,
  err,
  set,
}: {
  v: RequestView;
  id: (k: string) => string;
  str: (k: string) => string;
  err: (k: string) => string | undefined;
  set: (k: string) => (v: string | boolean) => void;
}) {
  const field = (k: string) => ({ id: id(k), value: str(k), error: err(k) ?? err(`changes.${k}`), onChange: set(k) });
  const choice = (k: Choice, label: string) => (
    <SelectField<string>
      label={label}
      {...field(k)}
      options={[...(choiceValue(v, k) === '' ? [['', NOT_STATED] as const] : []), ...CHOICES[k]]}
    />
  );
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
      <div className="row">
        {choice('channel', 'Спосіб надходження')}
        {choice('form', 'Форма запиту')}
      </div>
      <div className="row">
        {choice('replyBy', 'Спосіб отримання відповіді')}
        {v.form !== 'oral' ? choice('signed', 'Підпис і дата') : null}
      </div>
      <TextField label="Причина виправлення" required {...field('reason')} hint="наприклад: описка в прізвищі" />
    </>
  );
}
