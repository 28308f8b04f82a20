/**
 * Settings → the requisites the cost notice prints (Art. 21: the requester is told where and how to
 * pay). The IBAN is checked as it is typed, check digits included, so a cost notice never carries a
 * mistyped account.
 */
import type { Settings } from '../shared/settings';
import { ibanProblem } from '../shared/iban';
import { TextField } from './Fields';
import type { Draft, Update } from './settingsDraft';

const FIELDS: [keyof Settings['payment'], string, string?][] = [
  ['recipient', 'Отримувач платежу', 'як у казначействі чи банку, напр. ГУК в Ів.-Фр. обл./тг м. Калуш'],
  ['iban', 'IBAN', 'UA і 27 цифр; перевіряються контрольні цифри'],
  ['bank', 'Банк', 'напр. Казначейство України (ел. адм. подат.)'],
  ['edrpou', 'Код ЄДРПОУ отримувача', '8 цифр'],
  ['purpose', 'Призначення платежу', 'до нього додається «запит вх. № … від …»'],
];

export function PaymentSettings({ d, upd, err }: { d: Draft; upd: Update; err: (p: string) => string | undefined }) {
  const typed = d.payment.iban.replace(/\s+/g, '');
  // Judged once the clerk has typed a whole IBAN, not letter by letter.
  const live = typed.length >= 29 ? ibanProblem(typed) : null;
  return (
    <fieldset className="panel" id="s-payment">
      <legend>Реквізити для оплати витрат на копіювання</legend>
      <p className="muted small">Друкуються в повідомленні про фактичні витрати (ст. 21 Закону); без отримувача, IBAN і коду ЄДРПОУ повідомлення не оформлюється.</p>
      {FIELDS.map(([k, label, hint]) => (
        <TextField
          key={k}
          id={`s-payment-${k}`}
          label={label}
          hint={hint}
          value={d.payment[k]}
          error={err(`payment.${k}`) ?? (k === 'iban' ? live ?? undefined : undefined)}
          onChange={(v) => upd((x) => ({ ...x, payment: { ...x.payment, [k]: v } }))}
        />
      ))}
    </fieldset>
  );
}
