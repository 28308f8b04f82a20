/**
 * Settings → the terms. Those Art. 20 sets are law, not preferences: they are shown locked, and
 * only the administrator, having read the article, unlocks them; the service still caps them at the
 * law's numbers and refuses a change sent without this confirmation.
 */
import { useState } from 'react';
import type { Settings } from '../shared/settings';
import { STATUTORY_ARTICLE, STATUTORY_RULES } from '../shared/settingsGuards';
import { Checkbox, TextField } from './Fields';
import type { Draft, Update } from './settingsDraft';

type Rule = keyof Settings['rules'];
export const RULE_LABEL: Record<Rule, string> = {
  normalDays: 'Відповідь, робочих днів',
  urgentHours: 'Терміновий запит, годин',
  extendedDays: 'Продовжений строк, робочих днів',
  noticeDays: 'Повідомлення про продовження чи витрати, робочих днів',
  redirectDays: 'Направлення належному розпоряднику, робочих днів',
  afterPaymentDays: 'Після підтвердження оплати, робочих днів',
};
const isStatutory = (k: Rule) => (STATUTORY_RULES as readonly Rule[]).includes(k);

export function TermsSettings(p: { d: Draft; upd: Update; err: (p: string) => string | undefined; unlocked: boolean; unlock: () => void }) {
  const [asking, setAsking] = useState(false);
  const [sure, setSure] = useState(false);
  const field = (k: Rule) => (
    <TextField
      key={k}
      id={`s-rules-${k}`}
      className="num"
      label={RULE_LABEL[k]}
      inputMode="numeric"
      value={p.d.rules[k]}
      error={p.err(`rules.${k}`)}
      onChange={(v) => p.upd((x) => ({ ...x, rules: { ...x.rules, [k]: v } }))}
    />
  );
  return (
    <fieldset className="panel" id="s-terms">
      <legend>Строки</legend>
      {p.unlocked ? (
        <p className="muted small" data-testid="terms-unlocked">
          Строки розблоковано адміністратором (ст. 20 Закону). Їх можна лише скоротити.
        </p>
      ) : (
        <dl className="facts terms-locked" data-testid="terms-locked">
          {STATUTORY_RULES.map((k) => (
            <div key={k}>
              <dt>{RULE_LABEL[k]}</dt>
              <dd>{p.d.rules[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="rules">{(Object.keys(RULE_LABEL) as Rule[]).filter((k) => p.unlocked || !isStatutory(k)).map(field)}</div>
      {!p.unlocked && !asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          Змінити строки, встановлені законом (адміністратор)…
        </button>
      ) : null}
      {!p.unlocked && asking ? (
        <div className="confirm-box" role="group" aria-labelledby="terms-confirm-title">
          <p id="terms-confirm-title">
            <strong>Закон України «Про доступ до публічної інформації», ст. 20.</strong> {STATUTORY_ARTICLE}
          </p>
          <Checkbox id="s-terms-sure" label="Я — адміністратор і підтверджую зміну строків, встановлених ст. 20 Закону" checked={sure} onChange={setSure} />
          <div className="row">
            <button type="button" className="primary" disabled={!sure} onClick={p.unlock}>
              Розблокувати строки
            </button>
            <button type="button" onClick={() => (setAsking(false), setSure(false))}>
              Скасувати
            </button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
